import { describe, expect, it } from 'vitest';
import { generatePlan, type GeneratePlanInput } from './generate.ts';

const base: GeneratePlanInput = {
  profile: { birthDate: '1990-05-01', sex: 'female', weightKg: 60, heightCm: 168 },
  goal: { raceDate: '2027-05-02', distanceMeters: 42_195, name: 'Test Marathon' },
  fitness: {
    weeklyDistanceMeters: 50_000,
    recentRace: { distanceMeters: 10_000, timeSec: 2700, date: '2026-12-01' },
  },
  availability: { runDays: ['tue', 'wed', 'thu', 'sat', 'sun'], longRunDay: 'sun' },
  startDate: '2027-01-04',
};
const hillsIn = (input: GeneratePlanInput, phase: string) =>
  generatePlan(input).workouts.filter((w) => w.phase === phase && /^Hill repeats/.test(w.description));

describe('the goal course shapes the plan', () => {
  const hilly = { ...base, goal: { ...base.goal, elevationGainMeters: 900, elevationLossMeters: 900 } };

  it('a marathon climbing 900 m gets hill repeats in build and peak, with the reason', () => {
    expect(hillsIn(hilly, 'build').length).toBeGreaterThan(0);
    expect(hillsIn(hilly, 'peak').length).toBeGreaterThan(0);
    const plan = generatePlan(hilly);
    const reason = plan.warnings!.find((r) => r.code === 'COURSE_HILLY');
    expect(reason?.data).toEqual({ elevationGainMeters: 900, gainPerKm: 21.3 });
    expect(plan.warnings!.map((r) => r.code)).toContain('COURSE_DOWNHILL');
    const longRuns = plan.workouts.filter((w) => w.type === 'long' && w.phase === 'build');
    expect(longRuns.every((w) => /rolling or hilly ground/.test(w.description))).toBe(true);
  });

  it('the same marathon on a flat course (100 m) has none of them', () => {
    const flat = { ...base, goal: { ...base.goal, elevationGainMeters: 100 } };
    expect(hillsIn(flat, 'build')).toEqual([]);
    expect(hillsIn(flat, 'peak')).toEqual([]);
    expect(generatePlan(flat).warnings!.map((r) => r.code)).not.toContain('COURSE_HILLY');
  });

  it('the plan still ends on race day with a taper', () => {
    const plan = generatePlan(hilly);
    expect(plan.endDate).toBe('2027-05-02');
    expect(plan.workouts.at(-1)).toMatchObject({ date: '2027-05-02', type: 'race' });
    expect(plan.phases.at(-1)).toMatchObject({ name: 'taper', endDate: '2027-05-02' });
  });
});
