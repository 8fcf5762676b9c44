import { describe, expect, it } from 'vitest';
import { fixture, run } from '../test-helpers.ts';

const RUNNER = ['--birth-date', '1990-05-01', '--sex', 'female'];
const MARATHON = [
  'plan',
  '--race-date',
  '2026-06-21',
  '--distance',
  'marathon',
  '--start',
  '2026-03-02',
  '--race-distance',
  '5k',
  '--race-time',
  '19:57',
  '--weekly-km',
  '45',
  ...RUNNER,
];

describe('plan', () => {
  it('prints phases, the week table, workouts and warnings', async () => {
    const r = await run(MARATHON);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Marathon plan: 2026-03-02 to race day 2026-06-21, 16 weeks, VDOT 50.0');
    expect(r.stdout).toMatch(/Paces: E 4:54-5:52 \/km, M 4:31 \/km, T 4:15 \/km/);
    expect(r.stdout).toMatch(/base\s+2026-03-02\s+2026-04-05/);
    expect(r.stdout).toMatch(/taper\s+\S+\s+2026-06-21/);
    expect(r.stdout).toMatch(/^\s+1\s+2026-03-02 to 03-08\s+base\s+45\.0 km/m);
    expect(r.stdout).toMatch(/cutback/);
    expect(r.stdout).toContain('Week 16:');
    expect(r.stdout).toMatch(/Sun\s+06-21\s+race/);
  });

  it('prints only the week asked for', async () => {
    const r = await run([...MARATHON, '--week', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Week 2: 2026-03-09 to 03-15');
    expect(r.stdout).not.toContain('Week 3:');
    expect(r.stdout).not.toContain('Phases');
  });

  it('prints the TrainingPlan as JSON', async () => {
    const r = await run([...MARATHON, '--json']);
    const plan = JSON.parse(r.stdout);
    expect(plan.startDate).toBe('2026-03-02');
    expect(plan.endDate).toBe('2026-06-21');
    expect(plan.weeks).toHaveLength(16);
    expect(plan.phases.map((p: { name: string }) => p.name)).toEqual(['base', 'build', 'peak', 'taper']);
    expect(plan.goal.distanceMeters).toBe(42_195);
  });

  it('prints distances in miles', async () => {
    const r = await run([...MARATHON, '--units', 'mi', '--week', '1']);
    expect(r.stdout).toMatch(/base\s+28\.0 mi/);
    expect(r.stdout).toContain('/mi');
  });

  it('defaults the start date to today from the clock', async () => {
    const r = await run(
      ['plan', '--race-date', '2026-06-21', '--distance', 'half', ...RUNNER, '--json'],
      '2026-03-10',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).startDate).toBe('2026-03-10');
  });

  it('reads an onboarding file', async () => {
    const r = await run(['plan', '--input', fixture('onboarding.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Half marathon plan: 2026-03-02 to race day 2026-06-21');
  });

  it('prints each schema issue of a bad onboarding file by path', async () => {
    const r = await run(['plan', '--input', fixture('onboarding-bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: profile\.sex: /m);
    expect(r.stderr).toMatch(/^error: availability\.longRunDay: must be one of runDays$/m);
  });

  it('fails clearly when the race is before the start', async () => {
    const r = await run([
      'plan',
      '--race-date',
      '2026-02-01',
      '--distance',
      '10k',
      '--start',
      '2026-03-02',
      ...RUNNER,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'error: --race-date: the race (2026-02-01) must be after the plan start 2026-03-02 (--start)',
    );
    const file = await run(['plan', '--input', fixture('onboarding.json'), '--start', '2026-07-01']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(
      'goal.raceDate: the race (2026-06-21) must be after the plan start 2026-07-01',
    );
  });

  it('labels engine refusals with the flag', async () => {
    const r = await run([
      'plan',
      '--race-date',
      '2026-03-20',
      '--distance',
      'marathon',
      '--start',
      '2026-03-02',
      ...RUNNER,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: goal\.raceDate \(--race-date\): /);
  });

  it.each([
    [['--distance', 'marathon', ...RUNNER], '--race-date'],
    [['--race-date', '2026-06-21', ...RUNNER], '--distance'],
    [['--race-date', '21/06/2026', '--distance', 'marathon', ...RUNNER], '--race-date'],
    [['--race-date', '2026-06-21', '--distance', 'marathon', '--sex', 'female'], '--birth-date'],
    [['--race-date', '2026-06-21', '--distance', 'marathon', '--birth-date', '1990-05-01'], '--sex'],
    [['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--target', 'fast'], '--target'],
    [
      ['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--run-days', 'mon,funday'],
      '--run-days',
    ],
    [['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--run-days', 'mon'], '--run-days'],
    [
      [
        '--race-date',
        '2026-06-21',
        '--distance',
        'marathon',
        ...RUNNER,
        '--run-days',
        'mon,wed',
        '--long-run-day',
        'sun',
      ],
      '--long-run-day',
    ],
    [
      ['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--race-time', '19:57'],
      '--race-distance',
    ],
    [
      ['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--weekly-km', 'lots'],
      '--weekly-km',
    ],
    [['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--weight-kg', '500'], '--weight-kg'],
    [['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--week', '0'], '--week'],
    [[...MARATHON.slice(1), '--week', '17'], '--week'],
    [['--input', fixture('onboarding.json'), '--distance', '10k'], '--distance'],
    [['--race-date', '2026-06-21', '--distance', 'marathon', ...RUNNER, '--weeks', '3'], '--weeks'],
  ])('bad usage %j exits 2 naming %s', async (args, option) => {
    // A repeated --start is fine: the last one wins.
    const r = await run(['plan', '--start', '2026-03-02', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(option);
  });

  it('exits 1 when the input file is missing', async () => {
    const r = await run(['plan', '--input', 'missing.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read missing.json');
  });
});
