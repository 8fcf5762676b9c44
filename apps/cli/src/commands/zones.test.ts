import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

describe('zones', () => {
  it('prints Karvonen zones and pace zones', async () => {
    const r = await run(['zones', '--max-hr', '190', '--resting-hr', '50', '--threshold-pace', '4:15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Karvonen');
    expect(r.stdout).toMatch(/1\s+Recovery\s+120-133/);
    expect(r.stdout).toMatch(/5\s+VO2max\s+176-190/);
    expect(r.stdout).toMatch(/4\s+Threshold\s+4:13-4:30 \/km/);
    expect(r.stdout).not.toContain('Estimates');
  });

  it('says when zones are estimated from age', async () => {
    const r = await run(['zones', '--age', '40']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('% of max heart rate');
    expect(r.stdout).toContain('Estimates: max HR 180 comes from your age');
  });

  it('uses Friel LTHR zones and prints pace zones per mile', async () => {
    const r = await run(['zones', '--lthr', '170', '--threshold-pace', '6:50', '--units', 'mi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lactate-threshold');
    expect(r.stdout).toContain('threshold pace 6:50 /mi');
  });

  it('prints JSON', async () => {
    const r = await run(['zones', '--max-hr', '190', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.heartRate).toHaveLength(5);
    expect(out.heartRate[0].method).toBe('percentMax');
    expect(out.pace).toBeNull();
  });

  it.each([
    [[], '--max-hr'],
    [['--max-hr', 'abc'], '--max-hr'],
    [['--max-hr', '300'], '--max-hr'],
    [['--max-hr', '190', '--resting-hr', '195'], '--resting-hr'],
    [['--max-hr', '190', '--method', 'magic'], '--method'],
    [['--max-hr', '190', '--method', 'karvonen'], '--resting-hr'],
    [['--max-hr', '190', '--method', 'lthr'], '--lthr'],
    [['--max-hr', '190', '--threshold-pace', 'fast'], '--threshold-pace'],
    [['--max-hr', '190', '--threshold-pace', '0:30'], '--threshold-pace'],
    [['--max', '190'], '--max'],
  ])('bad usage %j names %s and exits 2', async (args, option) => {
    const r = await run(['zones', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^error: .*${option}`));
  });
});
