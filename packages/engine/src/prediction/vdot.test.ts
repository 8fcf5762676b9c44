import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictRaceTime, riegel, vdotFromRace } from './vdot.ts';

const hms = (h: number, m: number, s: number) => h * 3600 + m * 60 + s;

// Daniels' Running Formula, Table "VDOT values associated with race times".
const DANIELS_TABLE: Array<[vdot: number, distance: number, time: number, tolerance: number]> = [
  [30, 5000, hms(0, 30, 40), 10],
  [30, 10_000, hms(1, 3, 46), 20],
  [30, 21_097.5, hms(2, 21, 4), 45],
  [30, 42_195, hms(4, 49, 17), 90],
  [40, 5000, hms(0, 24, 8), 10],
  [40, 10_000, hms(0, 50, 3), 15],
  [40, 21_097.5, hms(1, 50, 59), 30],
  [40, 42_195, hms(3, 49, 45), 60],
  [50, 1609.34, hms(0, 5, 50), 5],
  [50, 5000, hms(0, 19, 57), 10],
  [50, 10_000, hms(0, 41, 21), 15],
  [50, 21_097.5, hms(1, 31, 35), 30],
  [50, 42_195, hms(3, 10, 49), 60],
];

describe('Daniels–Gilbert VDOT', () => {
  it.each(DANIELS_TABLE)('VDOT %d predicts %d m in the published time', (vdot, distance, time, tol) => {
    expect(Math.abs(predictRaceTime(vdot, distance) - time)).toBeLessThanOrEqual(tol);
  });

  it.each(DANIELS_TABLE)('a VDOT %d race at %d m gives back VDOT within 0.5', (vdot, distance, time) => {
    expect(Math.abs(vdotFromRace(distance, time) - vdot)).toBeLessThan(0.5);
  });

  it('inverts itself for any runner and distance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 25, max: 85, noNaN: true }),
        fc.integer({ min: 1500, max: 100_000 }),
        (v, d) => {
          expect(vdotFromRace(d, predictRaceTime(v, d))).toBeCloseTo(v, 1);
        },
      ),
    );
  });

  it('rejects nonsense naming the field', () => {
    expect(() => vdotFromRace(5000, 100)).toThrow(/timeSec/);
    expect(() => vdotFromRace(Number.NaN, 1200)).toThrow(/distanceMeters/);
    expect(() => predictRaceTime(5, 5000)).toThrow(/vdot/);
  });
});

describe('Riegel', () => {
  it('matches the published exponent', () => {
    // Riegel 1981: a 20:00 5K predicts 41:42 for 10K (2^1.06 = 2.085).
    expect(riegel(1200, 5000, 10_000)).toBeCloseTo(2502, 0);
    expect(riegel(3600, 10_000, 10_000)).toBe(3600);
    expect(riegel(1200, 5000, 10_000, 1.15)).toBeCloseTo(1200 * 2 ** 1.15, 0);
  });
});
