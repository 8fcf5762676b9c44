import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

describe('predict', () => {
  it('prints VDOT, Daniels and Riegel predictions and training paces', async () => {
    const r = await run(['predict', '--distance', '5k', '--time', '19:57']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('VDOT 50.0 (from 5K in 19:57)');
    expect(r.stdout).toMatch(/Marathon\s+3:10:\d\d\s+3:11:\d\d\s+4:31 \/km/);
    expect(r.stdout).toMatch(/10K\s+41:22/);
    expect(r.stdout).toMatch(/Easy \(E\)\s+4:54-5:52 \/km/);
    expect(r.stdout).toMatch(/Threshold \(T\)\s+4:15 \/km/);
  });

  it('prints JSON in engine units', async () => {
    const r = await run(['predict', '--distance', '5000', '--time', '19:57', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.vdot).toBeCloseTo(49.95, 2);
    expect(out.source).toEqual({ distanceMeters: 5000, timeSec: 1197 });
    const marathon = out.predictions.find((p: { name: string }) => p.name === 'Marathon');
    expect(marathon.danielsSec).toBeGreaterThan(3 * 3600 + 10 * 60);
    expect(marathon.danielsSec).toBeLessThan(3 * 3600 + 11 * 60);
    expect(out.paces.threshold).toBeCloseTo(255.4, 1);
  });

  it('works from a VDOT, in miles', async () => {
    const r = await run(['predict', '--vdot', '50', '--units', 'mi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VDOT 50.0');
    expect(r.stdout).not.toContain('Riegel');
    expect(r.stdout).toContain('Training paces (per mile)');
    expect(r.stdout).toMatch(/Threshold \(T\)\s+6:51 \/mi/);
  });

  it.each([
    [['--distance', 'far', '--time', '19:57'], '--distance'],
    [['--distance', '5k', '--time', '19-57'], '--time'],
    [['--distance', '5k'], '--time'],
    [['--time', '19:57'], '--distance'],
    [[], '--distance'],
    [['--vdot', 'abc'], '--vdot'],
    [['--vdot', '50', '--distance', '5k'], '--vdot'],
    [['--distance', '5k', '--time', '5:00'], '--time'],
    [['--distance', '5k', '--time', '19:57', '--units', 'furlongs'], '--units'],
    [['--distance', '5k', '--time', '19:57', '--pace'], '--pace'],
    [['--distance'], '--distance'],
    [['5k'], '"5k"'],
  ])('bad usage %j names %s and exits 2', async (args, option) => {
    const r = await run(['predict', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, hint] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^error: /);
    expect(first).toContain(option);
    expect(hint).toBe("Run 'runningcoach predict --help' for usage.");
  });
});
