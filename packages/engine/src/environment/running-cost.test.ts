import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeCostRatio, runningCostJPerKgM } from './running-cost.ts';

describe('runningCostJPerKgM (Minetti et al. 2002)', () => {
  it('gives the polynomial values', () => {
    expect(runningCostJPerKgM(0)).toBe(3.6);
    // Cr(+0.10) = 0.001554 - 0.00304 - 0.0433 + 0.463 + 1.95 + 3.6 = 5.968 J/kg/m.
    expect(runningCostJPerKgM(0.1)).toBeCloseTo(5.968, 3);
    // Cr(-0.10) = 2.152 J/kg/m: cheaper than the flat.
    expect(runningCostJPerKgM(-0.1)).toBeCloseTo(2.152, 3);
  });

  it('stays within the measured SD of the values Minetti reports', () => {
    // Minetti 2002 abstract: 3.40 ± 0.24 on the level, 18.93 ± 1.74 at +0.45,
    // 1.73 ± 0.36 at -0.20 (the minimum), 3.92 ± 0.81 at -0.45.
    expect(Math.abs(runningCostJPerKgM(0) - 3.4)).toBeLessThan(0.24);
    expect(Math.abs(runningCostJPerKgM(0.45) - 18.93)).toBeLessThan(1.74);
    expect(Math.abs(runningCostJPerKgM(-0.2) - 1.73)).toBeLessThan(0.36);
    expect(Math.abs(runningCostJPerKgM(-0.45) - 3.92)).toBeLessThan(0.81);
  });

  it('has its minimum near -0.2', () => {
    let best = 0;
    for (let i = -45; i <= 45; i++) {
      if (runningCostJPerKgM(i / 100) < runningCostJPerKgM(best / 100)) best = i;
    }
    expect(best).toBeGreaterThanOrEqual(-20);
    expect(best).toBeLessThanOrEqual(-16);
  });

  it('clamps outside ±0.45', () => {
    expect(runningCostJPerKgM(0.6)).toBe(runningCostJPerKgM(0.45));
    expect(runningCostJPerKgM(-0.9)).toBe(runningCostJPerKgM(-0.45));
    expect(() => runningCostJPerKgM(Number.NaN)).toThrow(/grade/);
  });

  it('rises with gradient uphill and stays positive (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.15, max: 0.44, noNaN: true }), (i) => {
        expect(runningCostJPerKgM(i + 0.01)).toBeGreaterThan(runningCostJPerKgM(i));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -0.45, max: 0.45, noNaN: true }), (i) => {
        expect(gradeCostRatio(i)).toBeGreaterThan(0);
      }),
    );
  });
});
