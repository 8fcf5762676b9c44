import { describe, expect, it } from 'vitest';
import { EngineError } from '../util/errors.ts';
import { fluidPlan, type FluidPlanInput } from './fluids.ts';

describe('fluidPlan (Sawka et al. 2007, ACSM fluid replacement)', () => {
  it('starts from 0.4-0.8 L/h without a sweat rate', () => {
    expect(fluidPlan({ durationSec: 5400, weightKg: 70 }).mlPerHour).toEqual({ min: 400, max: 800 });
    expect(fluidPlan({ durationSec: 5400, weightKg: 70, tempC: 28 }).mlPerHour).toEqual({
      min: 600,
      max: 800,
    });
    expect(fluidPlan({ durationSec: 5400, weightKg: 70, tempC: 5 }).mlPerHour).toEqual({
      min: 400,
      max: 600,
    });
  });

  it('keeps the deficit under 2 % of body mass from a sweat rate, and never above sweat loss', () => {
    // 3 h at 1.0 L/h, 70 kg: 3.0 L sweat - 1.4 L allowed = 1.6 L over 3 h = 533 -> 550 ml/h.
    const r = fluidPlan({ durationSec: 3 * 3600, weightKg: 70, sweatRateLPerHour: 1 });
    expect(r.mlPerHour).toEqual({ min: 550, max: 1000 });
    expect(r.fromSweatRate).toBe(true);
  });

  it('makes drinking optional under an hour in cool air', () => {
    expect(fluidPlan({ durationSec: 2400, weightKg: 70, tempC: 15 }).mlPerHour.min).toBe(0);
    expect(fluidPlan({ durationSec: 2400, weightKg: 70, tempC: 30 }).mlPerHour.min).toBe(600);
  });

  it('adds 460-690 mg sodium per litre for long or hot sessions', () => {
    // 20-30 mmol/L sodium x 0.4-0.8 L/h = 184-552 mg/h, rounded to 50 mg.
    expect(fluidPlan({ durationSec: 3 * 3600, weightKg: 70 }).sodiumMgPerHour).toEqual({
      min: 200,
      max: 550,
    });
    expect(fluidPlan({ durationSec: 3600, weightKg: 70 }).sodiumMgPerHour).toBeUndefined();
    expect(fluidPlan({ durationSec: 3600, weightKg: 70, tempC: 27 }).sodiumMgPerHour).toBeDefined();
  });

  it('names the bad field', () => {
    const fieldOf = (input: unknown): string | undefined => {
      try {
        fluidPlan(input as FluidPlanInput);
      } catch (e) {
        if (e instanceof EngineError) return e.field;
        throw e;
      }
      return undefined;
    };
    const ok = { durationSec: 5400, weightKg: 70 };
    expect(fieldOf(null)).toBe('input');
    expect(fieldOf(undefined)).toBe('input');
    expect(fieldOf({ weightKg: 70 })).toBe('durationSec');
    expect(fieldOf({ ...ok, durationSec: -60 })).toBe('durationSec');
    expect(fieldOf({ ...ok, durationSec: '5400' })).toBe('durationSec');
    expect(fieldOf({ durationSec: 5400 })).toBe('weightKg');
    expect(fieldOf({ ...ok, weightKg: 0 })).toBe('weightKg');
    expect(fieldOf({ ...ok, sweatRateLPerHour: NaN })).toBe('sweatRateLPerHour');
    expect(fieldOf({ ...ok, sweatRateLPerHour: 9 })).toBe('sweatRateLPerHour');
    expect(fieldOf({ ...ok, tempC: 80 })).toBe('tempC');
    expect(fieldOf({ ...ok, tempC: null })).toBe('tempC');
    expect(fieldOf(ok)).toBeUndefined();
  });
});
