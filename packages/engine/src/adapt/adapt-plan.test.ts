import type { Readiness, TrainingPlan, Workout } from '@runningcoach/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../plan/generate.ts';
import { addDays, dayNumber } from '../util/dates.ts';
import { adaptPlan } from './adapt-plan.ts';
import type { AdaptationContext } from './types.ts';

const plan: TrainingPlan = generatePlan({
  profile: { birthDate: '1988-04-02', sex: 'female', weightKg: 60, heightCm: 168, restingHr: 50, maxHr: 188 },
  goal: {
    raceDate: '2027-04-18',
    distanceMeters: 42_195,
    name: 'Spring Marathon',
    targetTimeSec: 3.5 * 3600,
  },
  fitness: {
    recentRace: { distanceMeters: 21_097.5, timeSec: 6100, date: '2026-12-01' },
    weeklyDistanceMeters: 45_000,
  },
  availability: { runDays: ['tue', 'wed', 'thu', 'sat', 'sun'], longRunDay: 'sun' },
  startDate: '2026-12-21',
});

const byDate = (p: TrainingPlan, date: string) => p.workouts.find((w) => w.date === date);
/** Every planned run before `today` done as planned, except the ids in `skip`. */
const doneBefore = (today: string, skip: string[] = []) =>
  plan.workouts
    .filter((w) => w.date < today && w.type !== 'strength' && !skip.includes(w.id))
    .map((w) => ({ date: w.date, type: 'run' as const, workoutId: w.id }));
const readiness = (color: Readiness['color'], score: number): Readiness => ({
  color,
  score,
  confidence: 0.8,
  reasons: [{ code: 'HRV_BELOW_BASELINE', message: 'HRV well below baseline', data: { sd: -1.8 } }],
});
const firstOfType = (type: Workout['type'], after: string) =>
  plan.workouts.find((w) => w.type === type && w.date >= after)!;

describe('adaptPlan', () => {
  it('red readiness turns a hard day into recovery or rest, with reasons and a before/after', () => {
    const q = firstOfType('threshold', '2027-02-01');
    const ctx: AdaptationContext = {
      today: q.date,
      readiness: readiness('red', 32),
      activities: doneBefore(q.date),
    };
    const r = adaptPlan(plan, ctx);
    const after = byDate(r.plan, q.date)!;
    expect(['recovery', 'rest']).toContain(after.type);
    expect(after.targetDistanceMeters ?? 0).toBeLessThanOrEqual(5000);
    expect(after.adaptations).toEqual([{ rule: 'READINESS_RED', on: q.date }]);
    expect(r.changes).toEqual([{ workoutId: q.id, date: q.date, rule: 'READINESS_RED', before: q, after }]);
    expect(r.reasons.find((x) => x.code === 'READINESS_RED')!.data).toMatchObject({
      score: 32,
      signals: 'HRV_BELOW_BASELINE',
    });
    expect(r.plan.version).toBe(plan.version + 1);
    expect(r.plan.workouts.filter((w) => w.date !== q.date)).toEqual(
      plan.workouts.filter((w) => w.date !== q.date),
    );
  });

  it('very low red readiness means rest', () => {
    const q = firstOfType('long', '2027-02-01');
    const r = adaptPlan(plan, {
      today: q.date,
      readiness: readiness('red', 12),
      activities: doneBefore(q.date),
    });
    expect(byDate(r.plan, q.date)!.type).toBe('rest');
  });

  it('yellow slows quality paces 7% and cuts easy volume 20%', () => {
    const q = firstOfType('threshold', '2027-02-01');
    const r = adaptPlan(plan, {
      today: q.date,
      readiness: readiness('yellow', 55),
      activities: doneBefore(q.date),
    });
    const pace = (w: Workout) =>
      (w.structure.steps.find((b) => b.type === 'repeat') as { steps: Workout['structure']['steps'] })
        .steps[0]!;
    const before = pace(q) as { target: { paceSecPerKm: { min: number } } };
    const after = pace(byDate(r.plan, q.date)!) as { target: { paceSecPerKm: { min: number } } };
    expect(after.target.paceSecPerKm.min / before.target.paceSecPerKm.min).toBeCloseTo(1.07, 2);
    const e = firstOfType('easy', '2027-02-01');
    const r2 = adaptPlan(plan, {
      today: e.date,
      readiness: readiness('yellow', 55),
      activities: doneBefore(e.date),
    });
    expect(byDate(r2.plan, e.date)!.targetDistanceMeters! / e.targetDistanceMeters!).toBeCloseTo(0.8, 1);
  });

  it('a missed long run moves to an easy day before the next one, easing hard neighbours', () => {
    const missedLong = firstOfType('long', '2027-02-01');
    const today = addDays(missedLong.date, 1);
    const r = adaptPlan(plan, { today, activities: doneBefore(today, [missedLong.id]) });
    expect(r.missed.map((w) => w.id)).toEqual([missedLong.id]);
    const moved = r.plan.workouts.find(
      (w) => w.type === 'long' && w.adaptations?.some((a) => a.ref === missedLong.id),
    )!;
    expect(moved).toBeDefined();
    expect(moved.date > today || moved.date === today).toBe(true);
    const nextLong = plan.workouts.find((w) => w.type === 'long' && w.date > missedLong.date)!;
    expect(dayNumber(nextLong.date) - dayNumber(moved.date)).toBeGreaterThanOrEqual(3);
    expect(
      Math.abs(moved.targetDistanceMeters! - missedLong.targetDistanceMeters! * 0.9),
    ).toBeLessThanOrEqual(100);
    for (const d of [-1, 1])
      expect(['threshold', 'intervals', 'marathon_pace', 'long']).not.toContain(
        byDate(r.plan, addDays(moved.date, d))?.type,
      );
    expect(r.reasons.map((x) => x.code)).toContain('MISSED_LONG_RUN_MOVED');
    // The missed workout itself stays as it was: the past is not rewritten.
    expect(byDate(r.plan, missedLong.date)).toEqual(missedLong);
    // Running the same day again changes nothing more.
    expect(adaptPlan(r.plan, { today, activities: doneBefore(today, [missedLong.id]) }).changes).toEqual([]);
  });

  it('an ACWR spike rebuilds the next two weeks 20% lighter with one hard session made easy', () => {
    const today = '2027-02-02';
    const r = adaptPlan(plan, { today, load: { acwr: 1.68, monotony: 1.2 }, activities: doneBefore(today) });
    const reason = r.reasons.find((x) => x.code === 'ACWR_HIGH')!;
    expect(reason.data).toMatchObject({ acwr: 1.68, threshold: 1.5 });
    const window = (p: TrainingPlan) =>
      p.workouts.filter((w) => w.date >= today && w.date <= addDays(today, 13) && w.type !== 'strength');
    const vol = (ws: Workout[]) => ws.reduce((s, w) => s + (w.targetDistanceMeters ?? 0), 0);
    expect(vol(window(r.plan)) / vol(window(plan))).toBeGreaterThan(0.75);
    expect(vol(window(r.plan)) / vol(window(plan))).toBeLessThan(0.82);
    const hardBefore = window(plan).filter((w) =>
      ['threshold', 'intervals', 'marathon_pace'].includes(w.type),
    ).length;
    const hardAfter = window(r.plan).filter((w) =>
      ['threshold', 'intervals', 'marathon_pace'].includes(w.type),
    ).length;
    expect(hardAfter).toBe(hardBefore - 1);
    expect(r.plan.workouts.filter((w) => w.date > addDays(today, 13))).toEqual(
      plan.workouts.filter((w) => w.date > addDays(today, 13)),
    );
  });

  it('high monotony turns one easy run into rest', () => {
    const today = '2027-02-02';
    const r = adaptPlan(plan, { today, load: { acwr: 1.1, monotony: 2.4 }, activities: doneBefore(today) });
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.after!.type).toBe('rest');
    expect(r.reasons.map((x) => x.code)).toEqual(['MONOTONY_HIGH']);
  });

  it("rewrites the description from the adapted structure, in the runner's units", () => {
    const q = firstOfType('threshold', '2027-02-01');
    const r = adaptPlan(plan, { today: q.date, readiness: readiness('yellow', 55), units: 'mi' });
    const after = byDate(r.plan, q.date)!;
    const rep = after.structure.steps.find((b) => b.type === 'repeat')!;
    const pace = (rep as { steps: Array<{ target?: { paceSecPerKm?: { min: number } } }> }).steps[0]!.target!
      .paceSecPerKm!.min;
    const perMile = Math.round((pace * 1609.344) / 1000);
    expect(after.description).toContain(
      `${Math.floor(perMile / 60)}:${String(perMile % 60).padStart(2, '0')}`,
    );
    expect(after.description).toContain('/mi');
    expect(after.description).not.toContain(q.description);
  });

  it('an ACWR cut keeps rep distances and drops repeats instead', () => {
    const today = '2027-02-02';
    const r = adaptPlan(plan, { today, load: { acwr: 1.9, monotony: null } });
    const cut = r.changes.find(
      (c) => c.before!.type === c.after!.type && ['threshold', 'intervals'].includes(c.before!.type),
    );
    if (cut) {
      const reps = (w: Workout) =>
        w.structure.steps.find((b) => b.type === 'repeat') as {
          count: number;
          steps: Workout['structure']['steps'];
        };
      expect(reps(cut.after!).steps).toEqual(reps(cut.before!).steps);
      expect(reps(cut.after!).count).toBeLessThan(reps(cut.before!).count);
    }
    expect(r.reasons.map((x) => x.code)).toContain('ACWR_HIGH');
  });

  it('does not call anything missed when no activity list is given', () => {
    const r = adaptPlan(plan, { today: '2027-03-01', readiness: readiness('green', 90) });
    expect(r.missed).toEqual([]);
    expect(r.changes).toEqual([]);
  });

  it('rejects NaN or malformed load, readiness and activities naming the field', () => {
    expect(() =>
      adaptPlan(plan, { today: '2027-02-02', load: { acwr: Number.NaN, monotony: null } }),
    ).toThrow(/load\.acwr/);
    expect(() =>
      adaptPlan(plan, { today: '2027-02-02', load: { acwr: null, monotony: '3' as unknown as number } }),
    ).toThrow(/load\.monotony/);
    expect(() =>
      adaptPlan(plan, { today: '2027-02-02', readiness: { color: 'red' } as unknown as Readiness }),
    ).toThrow(/readiness/);
    expect(() =>
      adaptPlan(plan, { today: '2027-02-02', activities: [null as unknown as { date: string }] }),
    ).toThrow(/activities/);
    expect(() => adaptPlan(null as unknown as TrainingPlan, { today: '2027-02-02' })).toThrow(/plan/);
  });

  it('never moves a missed long run next to a hard day already run', () => {
    const missedLong = firstOfType('long', '2027-03-01');
    for (let k = 1; k <= 4; k++) {
      const today = addDays(missedLong.date, k);
      const r = adaptPlan(plan, { today, activities: doneBefore(today, [missedLong.id]) });
      const moved = r.plan.workouts.find((w) =>
        w.adaptations?.some((a) => a.ref === missedLong.id && w.type === 'long'),
      );
      if (!moved) continue;
      for (const d of [-1, 1]) {
        const n = byDate(r.plan, addDays(moved.date, d));
        expect(n && ['threshold', 'intervals', 'marathon_pace', 'long', 'race'].includes(n.type)).toBeFalsy();
      }
    }
  });

  it('rejects a bad today naming the field', () => {
    expect(() => adaptPlan(plan, { today: '2027-13-01' })).toThrow(/today/);
  });

  it('never changes the past, is idempotent and deterministic, whatever happens (fast-check)', () => {
    const days = dayNumber(plan.endDate) - dayNumber(plan.startDate);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: days }),
        fc.option(
          fc.record({
            color: fc.constantFrom('green' as const, 'yellow' as const, 'red' as const),
            score: fc.integer({ min: 0, max: 100 }),
          }),
          { nil: undefined },
        ),
        fc.option(fc.double({ min: 0.5, max: 2.5, noNaN: true }), { nil: null }),
        fc.option(fc.double({ min: 0.5, max: 4, noNaN: true }), { nil: null }),
        fc.array(fc.boolean(), { minLength: plan.workouts.length, maxLength: plan.workouts.length }),
        (offset, rd, acwr, monotony, done) => {
          const today = addDays(plan.startDate, offset);
          const activities = plan.workouts
            .filter((w, i) => w.date < today && done[i])
            .map((w) => ({ date: w.date, workoutId: w.id }));
          const ctx: AdaptationContext = {
            today,
            activities,
            load: { acwr, monotony },
            ...(rd ? { readiness: readiness(rd.color, rd.score) } : {}),
          };
          const r = adaptPlan(plan, ctx);
          expect(r.plan.workouts.filter((w) => w.date < today)).toEqual(
            plan.workouts.filter((w) => w.date < today),
          );
          for (const c of r.changes) expect(c.date >= today).toBe(true);
          expect(r.plan.workouts.map((w) => w.date)).toEqual(plan.workouts.map((w) => w.date));
          expect(adaptPlan(r.plan, ctx).changes).toEqual([]);
          expect(adaptPlan(plan, structuredClone(ctx))).toEqual(r);
          if (r.changes.length) expect(r.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
