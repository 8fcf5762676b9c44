import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyFuelTargets, loadLevelFromMinutes } from './daily-fuel-targets.ts';

describe('dailyFuelTargets (Burke et al. 2011; Thomas, Erdman & Burke 2016)', () => {
  it('uses the published carbohydrate rows', () => {
    // Burke 2011 / ACSM 2016: light 3-5, moderate 5-7, high 6-10, very high 8-12 g/kg/day.
    expect(dailyFuelTargets({ weightKg: 60, dailyLoad: 'light' }).carbsGPerKg).toEqual({ min: 3, max: 5 });
    expect(dailyFuelTargets({ weightKg: 60, dailyLoad: 'moderate' }).carbsGPerKg).toEqual({ min: 5, max: 7 });
    expect(dailyFuelTargets({ weightKg: 60, dailyLoad: 'high' }).carbsGPerKg).toEqual({ min: 6, max: 10 });
    expect(dailyFuelTargets({ weightKg: 60, dailyLoad: 'very_high' }).carbsGPerKg).toEqual({
      min: 8,
      max: 12,
    });
  });

  it('gives grams and the 1.2-2.0 g/kg protein range', () => {
    const r = dailyFuelTargets({ weightKg: 70, trainingMinutes: 60 });
    expect(r.level).toBe('moderate');
    expect(r.carbsGrams).toEqual({ min: 350, max: 490 });
    expect(r.proteinGPerKg).toEqual({ min: 1.2, max: 2 });
    expect(r.proteinGrams).toEqual({ min: 84, max: 140 });
    expect(r.fatPctOfEnergy).toEqual({ min: 20, max: 35 });
  });

  it('maps minutes and intensity to a load row', () => {
    expect(loadLevelFromMinutes({ trainingMinutes: 0 })).toBe('light');
    expect(loadLevelFromMinutes({ trainingMinutes: 30, intensity: 'high' })).toBe('moderate');
    expect(loadLevelFromMinutes({ trainingMinutes: 60 })).toBe('moderate');
    expect(loadLevelFromMinutes({ trainingMinutes: 60, intensity: 'low' })).toBe('light');
    expect(loadLevelFromMinutes({ trainingMinutes: 120 })).toBe('high');
    expect(loadLevelFromMinutes({ trainingMinutes: 300 })).toBe('very_high');
  });

  it('rejects bad input naming the field', () => {
    expect(() => dailyFuelTargets({ weightKg: 70 })).toThrow(/trainingMinutes/);
    expect(() => dailyFuelTargets({ weightKg: Number.NaN, dailyLoad: 'light' })).toThrow(/weightKg/);
    expect(() => dailyFuelTargets({ weightKg: 70, dailyLoad: 'huge' as 'light' })).toThrow(/dailyLoad/);
    expect(() => loadLevelFromMinutes({ trainingMinutes: 60, intensity: 'max' as 'low' })).toThrow(
      /intensity/,
    );
  });

  it('never lowers the carbohydrate floor as training time grows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('low' as const, 'moderate' as const, 'high' as const),
        (m, extra, intensity) => {
          const a = dailyFuelTargets({ weightKg: 65, trainingMinutes: m, intensity });
          const b = dailyFuelTargets({ weightKg: 65, trainingMinutes: m + extra, intensity });
          expect(b.carbsGPerKg.min).toBeGreaterThanOrEqual(a.carbsGPerKg.min);
        },
      ),
    );
  });
});
