// The Brain's output must satisfy the shared contracts every client and the server validate against.
import { ReadinessSchema, RollingStatSchema, TrainingPlanSchema } from '@runningcoach/contracts';
import { adaptPlan, assessReadiness, generatePlan, rollingLoad } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';

describe('engine output matches contracts', () => {
  const plan = generatePlan({
    profile: { birthDate: '1979-09-09', sex: 'male', weightKg: 74, heightCm: 180, lthr: 168 },
    goal: { raceDate: '2027-03-21', distanceMeters: 21_097.5, elevationGainMeters: 400, name: 'Hilly Half' },
    fitness: { weeklyDistanceMeters: 35_000, longestRecentRunMeters: 15_000 },
    availability: { runDays: ['mon', 'wed', 'fri', 'sat'], longRunDay: 'sat', strengthDays: ['tue', 'thu'] },
    startDate: '2026-11-22',
  });

  it('a generated plan parses as a TrainingPlan', () => {
    expect(TrainingPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.workouts.some((w) => w.type === 'strength')).toBe(true);
    expect(plan.workouts.some((w) => w.description.includes('Hill repeats'))).toBe(true);
  });

  it('an adapted plan parses too', () => {
    const q = plan.workouts.find((w) => w.type === 'threshold')!;
    const r = adaptPlan(plan, {
      today: q.date,
      readiness: { color: 'red', score: 10, confidence: 1, reasons: [] },
      load: { acwr: 1.8, monotony: 2.5 },
    });
    expect(r.changes.length).toBeGreaterThan(0);
    expect(TrainingPlanSchema.parse(r.plan)).toEqual(r.plan);
  });

  it('readiness and rolling stats parse', () => {
    const rd = assessReadiness({
      today: '2026-11-22',
      metrics: { date: '2026-11-22', soreness: 4, sleepDurationMinutes: 300 },
      history: [],
    });
    expect(ReadinessSchema.parse(rd)).toEqual(rd);
    const stats = rollingLoad([
      { date: '2026-11-01', load: 300 },
      { date: '2026-11-22', load: 500 },
    ]);
    for (const s of stats) RollingStatSchema.parse(s);
    expect(stats).toHaveLength(22);
  });
});
