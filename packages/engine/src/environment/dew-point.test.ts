import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dewPointC, relativeHumidityPct } from './dew-point.ts';

describe('dewPointC (Magnus, Alduchov & Eskridge 1996)', () => {
  it('matches reference values', () => {
    // 20 °C at 50 % RH has a dew point of 9.3 °C (standard psychrometric tables).
    expect(dewPointC(20, 50)).toBeCloseTo(9.26, 2);
    // Saturated air: the dew point is the air temperature.
    expect(dewPointC(25, 100)).toBeCloseTo(25, 10);
    // 30 °C at 70 % RH: 23.9 °C.
    expect(dewPointC(30, 70)).toBeCloseTo(23.9, 1);
  });

  it('inverts to relative humidity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 45, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (t, rh) => {
          expect(relativeHumidityPct(t, dewPointC(t, rh))).toBeCloseTo(rh, 6);
        },
      ),
    );
  });

  it('is never above the air temperature and rises with humidity (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 45, noNaN: true }),
        fc.double({ min: 1, max: 99, noNaN: true }),
        (t, rh) => {
          expect(dewPointC(t, rh)).toBeLessThanOrEqual(t + 1e-9);
          expect(dewPointC(t, rh + 1)).toBeGreaterThan(dewPointC(t, rh));
        },
      ),
    );
  });

  it('rejects bad input naming the field', () => {
    expect(() => dewPointC(20, 0)).toThrow(/rhPct/);
    expect(() => dewPointC(20, 101)).toThrow(/rhPct/);
    expect(() => dewPointC(Number.POSITIVE_INFINITY, 50)).toThrow(/tempC/);
    expect(() => relativeHumidityPct(20, 25)).toThrow(/dewPointC/);
  });
});
