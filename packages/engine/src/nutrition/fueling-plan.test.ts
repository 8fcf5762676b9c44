import fc from 'fast-check';
import { WORKOUT_TYPES } from '@runningcoach/contracts';
import type { Workout } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { fuelingPlan } from './fueling-plan.ts';

const athlete = { weightKg: 70 };

describe('fuelingPlan', () => {
  it('needs no fuel for a 30 min easy run (< 45 min, Jeukendrup 2014)', () => {
    const p = fuelingPlan({ type: 'easy', targetDurationSec: 1800 }, athlete);
    expect(p.carbsGramsPerHour).toBe(0);
    expect(p.totalCarbsGrams).toBe(0);
    expect(p.preRunCarbsGrams).toBeUndefined();
    expect(p.recoveryCarbsGramsPerHour).toBeUndefined();
    expect(p.fluidsMlPerHour.min).toBe(0);
    expect(p.during).toMatch(/No fuel needed/);
    expect(p.after).toMatch(/21 g protein/);
  });

  it('suggests a mouth rinse for an hour (45-75 min band)', () => {
    const p = fuelingPlan({ type: 'threshold', targetDurationSec: 3600 }, athlete);
    expect(p.carbBand).toBe('mouth_rinse');
    expect(p.carbsRangeGramsPerHour).toEqual({ min: 0, max: 30 });
    expect(p.during).toMatch(/rinse/);
    // Hard session: 1-4 g/kg before and 1.0-1.2 g/kg/h after (Thomas et al. 2016).
    expect(p.preRunCarbsGrams).toEqual({ min: 70, max: 280 });
    expect(p.recoveryCarbsGramsPerHour).toEqual({ min: 70, max: 84 });
  });

  it('plans 30-60 g/h for a 2 h long run and 60-90 g/h for a 3 h race', () => {
    const long = fuelingPlan({ type: 'long', targetDurationSec: 2 * 3600 }, athlete);
    expect(long.carbsRangeGramsPerHour).toEqual({ min: 30, max: 60 });
    expect(long.carbsGramsPerHour).toBe(40); // zone 2: a quarter of the way up, 37.5 -> 40
    expect(long.totalCarbsGrams).toBe(80);
    expect(long.during).toMatch(/40 g carbohydrate per hour \(80 g in all\)/);

    const race = fuelingPlan({ type: 'race', targetDurationSec: 3 * 3600 }, athlete);
    expect(race.carbsGramsPerHour).toBe(90);
    expect(race.totalCarbsGrams).toBe(270);
    expect(race.during).toMatch(/glucose-fructose/);
    expect(race.sodiumMgPerHour).toBeDefined();
    expect(race.preRun).toMatch(/10-12 g\/kg a day \(700-840 g\)/);
    expect(race.reasons.map((r) => r.code)).toContain('FUEL_CARB_LOADING');
  });

  it('estimates duration from distance when there is no target time', () => {
    const p = fuelingPlan(
      { type: 'long', targetDistanceMeters: 25_000 },
      { weightKg: 60, paceSecPerKm: 330 },
    );
    expect(p.durationEstimated).toBe(true);
    expect(p.durationSec).toBe(8250);
    expect(p.reasons.map((r) => r.code)).toContain('FUEL_DURATION_ESTIMATED');
  });

  it('uses sweat rate and heat for fluids', () => {
    const p = fuelingPlan(
      { type: 'long', targetDurationSec: 2.5 * 3600 },
      { weightKg: 70, sweatRateLPerHour: 1.5, tempC: 28 },
    );
    // 2.5 h x 1.5 L/h = 3.75 L, minus 1.4 L (2 % of 70 kg) = 2.35 L / 2.5 h = 940 -> 950 ml/h.
    expect(p.fluidsMlPerHour).toEqual({ min: 950, max: 1500 });
    expect(p.reasons.map((r) => r.code)).toContain('FUEL_FLUIDS_SWEAT_RATE');
  });

  it('accepts a full contracts Workout and handles rest days', () => {
    const w: Workout = {
      id: 'w1',
      date: '2026-05-01',
      type: 'marathon_pace',
      targetDurationSec: 5400,
      intensityZone: 3,
      structure: { steps: [] },
      description: 'MP run',
    };
    expect(fuelingPlan(w, athlete).carbsGramsPerHour).toBe(45);
    const rest = fuelingPlan({ type: 'rest' }, athlete);
    expect(rest.carbsGramsPerHour).toBe(0);
    expect(rest.recoveryProteinGrams).toBe(21);
  });

  it('rejects bad input naming the field', () => {
    expect(() => fuelingPlan({ type: 'easy' }, athlete)).toThrow(/targetDurationSec/);
    expect(() => fuelingPlan({ type: 'easy', targetDurationSec: 1800 }, { weightKg: 0 })).toThrow(/weightKg/);
    expect(() => fuelingPlan({ type: 'easy', targetDurationSec: -5 }, athlete)).toThrow(/targetDurationSec/);
    expect(() =>
      fuelingPlan({ type: 'easy', targetDurationSec: 1800 }, { weightKg: 70, sweatRateLPerHour: 9 }),
    ).toThrow(/sweatRateLPerHour/);
    expect(() => fuelingPlan({ type: 'jog' as 'easy', targetDurationSec: 1800 }, athlete)).toThrow(
      /workout.type/,
    );
  });

  it('never plans less carbohydrate for a longer session (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORKOUT_TYPES.filter((t) => t !== 'rest')),
        fc.integer({ min: 600, max: 6 * 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        (type, t, dt) => {
          const a = fuelingPlan({ type, targetDurationSec: t }, athlete);
          const b = fuelingPlan({ type, targetDurationSec: t + dt }, athlete);
          expect(b.carbsGramsPerHour).toBeGreaterThanOrEqual(a.carbsGramsPerHour);
          expect(b.totalCarbsGrams).toBeGreaterThanOrEqual(a.totalCarbsGrams);
          expect(a.during.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
