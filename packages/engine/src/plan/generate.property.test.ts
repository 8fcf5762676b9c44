import type { TrainingPlan, Weekday, Workout } from '@runningcoach/contracts';
import { WEEKDAYS } from '@runningcoach/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, weekdayOf } from '../util/dates.ts';
import { EngineError } from '../util/errors.ts';
import {
  generatePlan,
  HARD_TYPES,
  longRunShareCap,
  MAX_WEEKLY_INCREASE,
  type GeneratePlanInput,
} from './generate.ts';
import { raceClassOf } from './race-class.ts';
import { measureStructure } from './structure.ts';

const RUNS = Number(process.env.PLAN_PROPERTY_RUNS ?? 200);
const isRun = (w: Workout) => w.type !== 'strength' && w.type !== 'rest' && w.type !== 'race';
const QUALITY = new Set(['threshold', 'intervals', 'marathon_pace']);

const inputArb: fc.Arbitrary<GeneratePlanInput> = fc
  .record({
    startDay: fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2029-12-31') }),
    daysToRace: fc.integer({ min: 14, max: 300 }),
    distance: fc.oneof(
      fc.constantFrom(5000, 10_000, 21_097.5, 42_195, 50_000, 100_000),
      fc.integer({ min: 3000, max: 120_000 }),
    ),
    runDays: fc.subarray([...WEEKDAYS], { minLength: 2 }),
    longPick: fc.nat(),
    age: fc.integer({ min: 16, max: 78 }),
    sex: fc.constantFrom('male' as const, 'female' as const),
    weekly: fc.option(fc.integer({ min: 0, max: 130_000 }), { nil: undefined }),
    race: fc.option(
      fc.record({
        vdot: fc.double({ min: 28, max: 75, noNaN: true }),
        ago: fc.integer({ min: 0, max: 400 }),
      }),
      { nil: undefined },
    ),
    hr: fc.option(
      fc.record({ rest: fc.integer({ min: 38, max: 75 }), max: fc.integer({ min: 160, max: 205 }) }),
      { nil: undefined },
    ),
    target: fc.option(fc.double({ min: 0.85, max: 1.2, noNaN: true }), { nil: undefined }),
    elevation: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  })
  .map((r) => {
    const startDate = addDays('1970-01-01', r.startDay);
    const runDays = r.runDays as Weekday[];
    const raceDate = addDays(startDate, r.daysToRace);
    // Roughly the time a VDOT-45 runner needs, scaled: keeps targets plausible.
    const base = 300 * (r.distance / 1000) ** 1.06;
    return {
      startDate,
      profile: {
        birthDate: addDays(startDate, -Math.round(r.age * 365.25 + 100)),
        sex: r.sex,
        weightKg: 65,
        heightCm: 172,
        ...(r.hr ? { restingHr: r.hr.rest, maxHr: r.hr.max } : {}),
      },
      goal: {
        raceDate,
        distanceMeters: r.distance,
        ...(r.target ? { targetTimeSec: Math.round(base * r.target) } : {}),
        ...(r.elevation !== undefined ? { elevationGainMeters: r.elevation } : {}),
      },
      fitness: {
        ...(r.weekly !== undefined ? { weeklyDistanceMeters: r.weekly } : {}),
        ...(r.race
          ? {
              recentRace: {
                distanceMeters: 10_000,
                timeSec: Math.round(2500 * (50 / r.race.vdot) ** 1.2),
                date: addDays(startDate, -r.race.ago),
              },
            }
          : {}),
      },
      availability: { runDays, longRunDay: runDays[r.longPick % runDays.length]! },
    };
  });

function weeksOf(plan: TrainingPlan) {
  return plan.weeks!.map((w) => {
    const ws = plan.workouts.filter((x) => x.week === w.index);
    const runs = ws.filter(isRun);
    const volume = runs.reduce((s, x) => s + (x.targetDistanceMeters ?? 0), 0);
    // Full: a whole training week, before the last seven days that are planned as the race window.
    const full = w.startDate >= plan.startDate && addDays(w.startDate, 6) < addDays(plan.endDate, -6);
    return { ...w, workouts: ws, runs, volume, full };
  });
}

function tryPlan(input: GeneratePlanInput): TrainingPlan | null {
  try {
    return generatePlan(input);
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('INSUFFICIENT_TIME');
    const weeks = Math.floor(dayNumber(input.goal.raceDate) - dayNumber(input.startDate)) / 7;
    expect(weeks).toBeLessThan(raceClassOf(input.goal.distanceMeters).minWeeks + 1);
    return null;
  }
}

describe('generatePlan invariants (fast-check over random runners and goals)', { timeout: 120_000 }, () => {
  it('frames the plan: start, race day, phases in order, runs only on run days, one workout a day', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = tryPlan(input);
        if (!plan) return;
        expect(plan.startDate).toBe(input.startDate);
        expect(plan.endDate).toBe(input.goal.raceDate);
        const races = plan.workouts.filter((w) => w.type === 'race');
        expect(races).toHaveLength(1);
        expect(races[0]!.date).toBe(input.goal.raceDate);
        expect(races[0]!.targetDistanceMeters).toBe(Math.round(input.goal.distanceMeters));
        expect(plan.workouts.at(-1)!.type).toBe('race');
        const order = ['base', 'build', 'peak', 'taper'];
        const names = plan.phases.map((p) => p.name);
        expect([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(names);
        expect(names.at(-1)).toBe('taper');
        expect(plan.phases[0]!.startDate).toBe(plan.startDate);
        expect(plan.phases.at(-1)!.endDate).toBe(plan.endDate);
        for (let i = 1; i < plan.phases.length; i++)
          expect(plan.phases[i]!.startDate).toBe(addDays(plan.phases[i - 1]!.endDate, 1));
        const dates = plan.workouts.map((w) => w.date);
        expect(new Set(dates).size).toBe(dates.length);
        expect(new Set(plan.workouts.map((w) => w.id)).size).toBe(dates.length);
        for (const w of plan.workouts) {
          expect(w.date >= plan.startDate && w.date <= plan.endDate).toBe(true);
          if (isRun(w)) expect(input.availability.runDays).toContain(weekdayOf(w.date));
          expect(w.description.length).toBeGreaterThan(10);
          expect(w.structure.steps.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('builds volume at most 10% over the previous build week, with a cutback every 3rd or 4th week', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = tryPlan(input);
        if (!plan) return;
        const weeks = weeksOf(plan);
        const age = Math.floor((dayNumber(input.startDate) - dayNumber(input.profile.birthDate)) / 365.25);
        const cycle = age >= 50 ? 3 : 4;
        let prevBuild = weeks[0]!.targetDistanceMeters;
        let run = 1;
        const preTaper = weeks.filter((w) => w.phase !== 'taper');
        preTaper.forEach((w, i) => {
          if (i === 0) return;
          if (w.full) expect(w.volume).toBeLessThanOrEqual(w.targetDistanceMeters + 1);
          if (w.cutback) {
            expect(w.targetDistanceMeters).toBeLessThan(prevBuild);
            run = 0;
          } else {
            expect(w.targetDistanceMeters).toBeLessThanOrEqual(prevBuild * MAX_WEEKLY_INCREASE + 1);
            if (w.full) expect(w.volume).toBeLessThanOrEqual(prevBuild * MAX_WEEKLY_INCREASE + 1);
            prevBuild = w.targetDistanceMeters;
            run++;
            if (i < preTaper.length - 1) expect(run).toBeLessThanOrEqual(cycle);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('builds from where the runner is: the peak week is not below 85% of the starting volume unless it warns', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = tryPlan(input);
        if (!plan) return;
        const weeks = weeksOf(plan).filter((w) => w.full && w.phase !== 'taper');
        const start = plan.weeks![0]!.targetDistanceMeters;
        if (weeks.length < 2) return;
        // Unless the run days and long-run caps cannot hold it, and the plan says so.
        if (plan.warnings!.some((x) => x.code === 'VOLUME_LIMITED_BY_RUN_DAYS')) return;
        expect(Math.max(...weeks.map((w) => w.volume))).toBeGreaterThanOrEqual(0.85 * start);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the long run near 30% of the week and within its time and distance caps', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = tryPlan(input);
        if (!plan) return;
        const rc = raceClassOf(input.goal.distanceMeters);
        for (const w of weeksOf(plan)) {
          for (const lr of w.runs.filter((x) => x.type === 'long')) {
            expect(lr.targetDistanceMeters!).toBeLessThanOrEqual(rc.longRunCapMeters);
            expect(lr.targetDurationSec!).toBeLessThanOrEqual(rc.longRunCapSec + 60);
            if (w.full)
              expect(lr.targetDistanceMeters!).toBeLessThanOrEqual(
                longRunShareCap(w.runs.length) * w.volume + 100,
              );
            // No easy run outgrows the long run of its week.
            if (w.full)
              for (const r of w.runs.filter((x) => x.type === 'easy' || x.type === 'recovery'))
                expect(r.targetDistanceMeters!).toBeLessThanOrEqual(lr.targetDistanceMeters!);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('tapers 40-60% by race week, keeps intensity, and never puts two hard days in a row', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = tryPlan(input);
        if (!plan) return;
        const weeks = weeksOf(plan);
        const peak = Math.max(
          ...weeks.filter((w) => w.phase !== 'taper' && w.full).map((w) => w.volume),
          weeks[0]!.targetDistanceMeters,
        );
        const taper = weeks.filter((w) => w.phase === 'taper');
        // The last seven days before the race, scaled to a whole week of run days, are 40-60% below the peak.
        const windowStart = addDays(plan.endDate, -6);
        const window = plan.workouts.filter((w) => isRun(w) && w.date >= windowStart);
        const windowRunDays = [0, 1, 2, 3, 4, 5]
          .map((k) => addDays(windowStart, k))
          .filter((d) => d >= plan.startDate && input.availability.runDays.includes(weekdayOf(d)));
        if (windowRunDays.length > 0) {
          const volume = window.reduce((s, w) => s + (w.targetDistanceMeters ?? 0), 0);
          expect((volume * input.availability.runDays.length) / windowRunDays.length).toBeLessThanOrEqual(
            0.6 * peak + 1,
          );
        }
        expect(window.some((w) => w.type === 'long')).toBe(false);
        for (const w of taper) if (w.full) expect(w.volume).toBeLessThanOrEqual(0.85 * peak);
        // Intensity kept (for runners with a real base): quality in every full taper week that has room for it,
        // and a sharpener 3-5 days out when the runner runs on one of those days.
        const idx = (d: Weekday) => WEEKDAYS.indexOf(d);
        const longIdx = idx(input.availability.longRunDay);
        const roomForQuality = input.availability.runDays.some(
          (d) => Math.min((idx(d) - longIdx + 7) % 7, (longIdx - idx(d) + 7) % 7) >= 2,
        );
        for (const w of taper)
          if (roomForQuality && peak >= 20_000 && w.full && w.runs.length >= 3)
            expect(w.runs.some((x) => QUALITY.has(x.type))).toBe(true);
        const sharpDays = windowRunDays.filter(
          (d) => dayNumber(plan.endDate) - dayNumber(d) >= 3 && dayNumber(plan.endDate) - dayNumber(d) <= 5,
        );
        if (sharpDays.length && input.availability.runDays.length >= 3 && peak >= 20_000)
          expect(window.some((w) => QUALITY.has(w.type))).toBe(true);

        const days = plan.workouts.filter((w) => w.type !== 'strength');
        for (let i = 1; i < days.length; i++) {
          const a = days[i - 1]!;
          const b = days[i]!;
          if (dayNumber(b.date) - dayNumber(a.date) === 1)
            expect(HARD_TYPES.has(a.type) && HARD_TYPES.has(b.type)).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is about 80/20 easy/hard by time, with targets from the runner's paces and zones", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = tryPlan(input);
        if (!plan) return;
        let total = 0;
        let hard = 0;
        for (const w of plan.workouts.filter(isRun)) {
          const m = measureStructure(w.structure, (plan.paces!.easy.min + plan.paces!.easy.max) / 2);
          total += m.seconds;
          hard += m.hardSeconds;
          expect(w.intensityZone).toBeGreaterThanOrEqual(1);
          expect(w.intensityZone).toBeLessThanOrEqual(5);
          for (const s of w.structure.steps.flatMap((b) => (b.type === 'repeat' ? b.steps : [b]))) {
            if (s.target?.paceSecPerKm)
              expect(s.target.paceSecPerKm.min).toBeLessThan(s.target.paceSecPerKm.max);
            if (s.target?.hrBpm) expect(s.target.hrBpm.min).toBeLessThan(s.target.hrBpm.max);
          }
        }
        expect(hard / total).toBeLessThanOrEqual(0.2);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = tryPlan(input);
        if (!a) return;
        expect(generatePlan(structuredClone(input))).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });
});
