import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatIndex, heatIndexF } from './heat-index.ts';
import { cToF, fToC } from './temperature.ts';

describe('heatIndex (NWS / Rothfusz 1990)', () => {
  it('matches the NWS heat index table (°F)', () => {
    // NWS heat index chart: 90 °F / 60 % -> 100; 96 °F / 65 % -> 121; 100 °F / 40 % -> 109.
    expect(Math.round(heatIndexF(90, 60))).toBe(100);
    expect(Math.round(heatIndexF(96, 65))).toBe(121);
    expect(Math.round(heatIndexF(100, 40))).toBe(109);
    // Rows needing the NWS humid adjustment (RH > 85 %, 80-87 °F): 86 °F / 90 % -> 105; 84 °F / 90 % -> 98.
    expect(Math.round(heatIndexF(86, 90))).toBe(105);
    expect(Math.round(heatIndexF(84, 90))).toBe(98);
  });

  it('uses the NWS simple formula below 80 °F', () => {
    // 0.5 x (T + 61 + 1.2 (T - 68) + 0.094 RH) at 75 °F, 50 %: 75.05 °F.
    expect(heatIndexF(75, 50)).toBeCloseTo(0.5 * (75 + 61 + 7 * 1.2 + 4.7), 10);
  });

  it('applies the NWS dry-air adjustment (RH < 13 %, 80-112 °F)', () => {
    const raw = heatIndexF(100, 13);
    const adjusted = heatIndexF(100, 5);
    // The adjustment is ((13 - 5) / 4) x sqrt((17 - 5) / 17) = 1.68 °F on top of the regression change.
    expect(adjusted).toBeLessThan(raw);
  });

  it('returns °C for °C input', () => {
    expect(heatIndex(fToC(90), 60)).toBeCloseTo(fToC(heatIndexF(90, 60)), 10);
    expect(heatIndex(32.2, 60)).toBeCloseTo(fToC(heatIndexF(cToF(32.2), 60)), 10);
  });

  it('rejects bad input naming the field', () => {
    expect(() => heatIndex(Number.NaN, 50)).toThrow(/tempC/);
    expect(() => heatIndex(30, 120)).toThrow(/relativeHumidityPct/);
  });

  // The NWS procedure steps slightly where it switches formula (~80 °F), so each formula's domain is
  // checked on its own.
  it('rises with temperature and with humidity in running weather (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 22, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (t, dt, rh) => {
          expect(heatIndex(t + dt, rh)).toBeGreaterThan(heatIndex(t, rh) - 1e-9);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 27, max: 45, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 40, max: 100, noNaN: true }),
        (t, dt, rh) => {
          expect(heatIndex(t + dt, rh)).toBeGreaterThanOrEqual(heatIndex(t, rh) - 1e-9);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 28, max: 45, noNaN: true }),
        fc.double({ min: 15, max: 95, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (t, rh, drh) => {
          expect(heatIndex(t, rh + drh)).toBeGreaterThanOrEqual(heatIndex(t, rh) - 1e-9);
        },
      ),
    );
  });
});
