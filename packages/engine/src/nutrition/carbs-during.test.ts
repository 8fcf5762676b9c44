import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carbsDuring } from './carbs-during.ts';
import { fieldOf } from '../util/testing.ts';

describe('carbsDuring (Jeukendrup 2014; ACSM 2016)', () => {
  it('follows the duration bands', () => {
    // < 45 min: none needed.
    expect(carbsDuring(40 * 60, 1)).toEqual({ band: 'none', range: { min: 0, max: 0 }, target: 0 });
    // 45-75 min: small amounts or mouth rinse.
    expect(carbsDuring(60 * 60, 0.5).band).toBe('mouth_rinse');
    // 1-2.5 h: 30-60 g/h.
    expect(carbsDuring(2 * 3600, 0).range).toEqual({ min: 30, max: 60 });
    expect(carbsDuring(2 * 3600, 0).target).toBe(30);
    expect(carbsDuring(2 * 3600, 1).target).toBe(60);
    // > 2.5 h: up to 90 g/h.
    expect(carbsDuring(3 * 3600, 1)).toEqual({ band: 'high', range: { min: 60, max: 90 }, target: 90 });
    expect(carbsDuring(3 * 3600, 0.25).target).toBe(70); // 67.5 rounded to 5 g steps
  });

  it('never asks for less as the session gets longer or harder (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 * 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        (t, dt, f) => {
          expect(carbsDuring(t + dt, f).target).toBeGreaterThanOrEqual(carbsDuring(t, f).target);
          expect(carbsDuring(t, f + 0.2).target).toBeGreaterThanOrEqual(carbsDuring(t, f).target);
          expect(carbsDuring(t, f).target).toBeLessThanOrEqual(90);
        },
      ),
    );
  });

  it('names the bad argument', () => {
    for (const bad of [-1, NaN, Infinity, '3600', null, 8 * 24 * 3600]) {
      expect(fieldOf(() => carbsDuring(bad as number, 0.5))).toBe('durationSec');
    }
    for (const bad of [-0.1, 1.1, NaN, '0.5', undefined]) {
      expect(fieldOf(() => carbsDuring(3600, bad as number))).toBe('intensity');
    }
    // The ends of both ranges are accepted.
    expect(carbsDuring(0, 0).band).toBe('none');
    expect(carbsDuring(7 * 24 * 3600, 1).target).toBe(90);
  });
});
