import { describe, expect, it } from 'vitest';
import { fixture, run } from '../test-helpers.ts';

const CHECK_IN = ['--hrv', '55', '--resting-hr', '50', '--sleep-hours', '7.5', '--sleep-quality', '4'];

describe('readiness', () => {
  it('reads an input file and prints the light, score, confidence and reasons', async () => {
    const r = await run(['readiness', '--input', fixture('readiness.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Readiness 2026-03-01: RED /);
    expect(r.stdout).toMatch(/Score \d+\/100, confidence \d+%/);
    expect(r.stdout).toMatch(/- .*HRV.*\[HRV_\w+\]/);
    expect(r.stdout).toContain('[SORENESS_HIGH]');
  });

  it('builds the check-in from flags with a CSV history', async () => {
    const r = await run(
      [
        'readiness',
        ...CHECK_IN,
        '--soreness',
        '2',
        '--stress',
        '2',
        '--mood',
        '4',
        '--history',
        fixture('history.csv'),
      ],
      '2026-03-01',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Readiness 2026-03-01: GREEN/);
  });

  it('prints JSON', async () => {
    const r = await run(['readiness', ...CHECK_IN, '--date', '2026-03-01', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.today).toBe('2026-03-01');
    expect(['green', 'yellow', 'red']).toContain(out.color);
    expect(out.confidence).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(out.reasons)).toBe(true);
  });

  it('names the flag of an out-of-range check-in value', async () => {
    const r = await run(['readiness', '--soreness', '9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: metrics\.soreness \(--soreness\): /);
  });

  it('names the line and column of a bad history row', async () => {
    const r = await run(['readiness', ...CHECK_IN, '--history', fixture('history-bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/history-bad\.csv line 3, column resting_hr: /);
  });

  it.each([
    [[], 'no check-in'],
    [['--hrv', 'high'], '--hrv'],
    [['--hrv', '55', '--date', 'today'], '--date'],
    [['--hrv', '55', '--baseline-hrv', '1000'], '--baseline-hrv'],
    [['--input', fixture('readiness.json'), '--hrv', '40'], '--hrv'],
    [['--hrv', '55', '--sleep', '7'], '--sleep'],
  ])('bad usage %j exits 2 naming %s', async (args, message) => {
    const r = await run(['readiness', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
  });

  it('exits 1 when the history file is missing', async () => {
    const r = await run(['readiness', ...CHECK_IN, '--history', 'missing.csv']);
    expect(r.code).toBe(1);
  });
});
