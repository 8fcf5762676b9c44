import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { energyAvailability, energyAvailabilityLevel } from './energy-availability.ts';

describe('energyAvailability (Loucks & Thuma 2003; Mountjoy et al. 2018)', () => {
  it('computes (intake - exercise) / FFM', () => {
    // 2500 kcal in, 700 kcal running, 50 kg FFM: 36 kcal/kg FFM, "reduced".
    const r = energyAvailability({ intakeKcal: 2500, exerciseKcal: 700, fatFreeMassKg: 50 });
    expect(r.kcalPerKgFfm).toBe(36);
    expect(r.level).toBe('reduced');
    expect(r.redsRisk).toBe(false);
    expect(r.reasons[0]?.code).toBe('ENERGY_AVAILABILITY_REDUCED');
  });

  it('uses the RED-S thresholds: < 30 low, 30-45 reduced, >= 45 optimal', () => {
    expect(energyAvailabilityLevel(29.9)).toBe('low');
    expect(energyAvailabilityLevel(30)).toBe('reduced');
    expect(energyAvailabilityLevel(44.9)).toBe('reduced');
    expect(energyAvailabilityLevel(45)).toBe('optimal');
    const low = energyAvailability({ intakeKcal: 1800, exerciseKcal: 800, fatFreeMassKg: 45 });
    expect(low.level).toBe('low');
    expect(low.redsRisk).toBe(true);
  });

  it('rejects bad input naming the field', () => {
    expect(() => energyAvailability({ intakeKcal: 2000, exerciseKcal: 500, fatFreeMassKg: 0 })).toThrow(
      /fatFreeMassKg/,
    );
    expect(() => energyAvailability({ intakeKcal: -1, exerciseKcal: 500, fatFreeMassKg: 50 })).toThrow(
      /intakeKcal/,
    );
  });

  it('falls as exercise rises (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 500 }),
        (intake, exercise, more) => {
          const a = energyAvailability({ intakeKcal: intake, exerciseKcal: exercise, fatFreeMassKg: 50 });
          const b = energyAvailability({
            intakeKcal: intake,
            exerciseKcal: exercise + more,
            fatFreeMassKg: 50,
          });
          expect(b.kcalPerKgFfm).toBeLessThan(a.kcalPerKgFfm);
        },
      ),
    );
  });
});
