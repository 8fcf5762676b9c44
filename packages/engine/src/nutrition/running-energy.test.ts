import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runningEnergyKcal } from './running-energy.ts';

describe('runningEnergyKcal (Margaria et al. 1963)', () => {
  it('is about 1 kcal per kg per km', () => {
    // Margaria 1963: net cost ~1 kcal/kg/km, so 70 kg over 10 km is ~700 kcal.
    expect(runningEnergyKcal(10_000, 70)).toBe(700);
    expect(runningEnergyKcal(42_195, 60)).toBeCloseTo(2531.7, 1);
    expect(runningEnergyKcal(0, 60)).toBe(0);
  });

  it('rejects bad input naming the field', () => {
    expect(() => runningEnergyKcal(-1, 70)).toThrow(/distanceMeters/);
    expect(() => runningEnergyKcal(1000, 10)).toThrow(/weightKg/);
  });

  it('is proportional to distance and weight (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 40, max: 120 }), (d, w) => {
        expect(runningEnergyKcal(2 * d, w)).toBeCloseTo(2 * runningEnergyKcal(d, w), 6);
        expect(runningEnergyKcal(d, w + 10)).toBeGreaterThanOrEqual(runningEnergyKcal(d, w));
      }),
    );
  });
});
