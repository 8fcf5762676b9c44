import { describe, expect, it } from 'vitest';
import { trainingPaces } from './paces.ts';

describe('Daniels training paces (s/km)', () => {
  // Daniels' Running Formula, VDOT 50: M 4:31/km, T 4:15/km (1:42/400), I 3:55/km (1:34/400), R 1:29/400.
  it('VDOT 50 matches the table', () => {
    const p = trainingPaces(50);
    expect(Math.abs(p.marathon - 271)).toBeLessThanOrEqual(2);
    expect(Math.abs(p.threshold - 255)).toBeLessThanOrEqual(3);
    expect(Math.abs(p.interval - 235)).toBeLessThanOrEqual(3);
    expect(Math.abs((p.repetition * 400) / 1000 - 89)).toBeLessThanOrEqual(2);
    expect(p.easy.min).toBeGreaterThan(p.marathon);
    expect(p.easy.max).toBeGreaterThan(p.easy.min);
  });

  // Daniels' tables via the VDOT 52.7 row: E 5:05, M 4:20, T 4:05, I 3:45 per km.
  it('VDOT 52.66 matches the table', () => {
    const p = trainingPaces(52.66);
    expect(Math.abs(p.marathon - 260)).toBeLessThanOrEqual(3);
    expect(Math.abs(p.threshold - 245)).toBeLessThanOrEqual(3);
    expect(Math.abs(p.interval - 225)).toBeLessThanOrEqual(3);
    expect(305).toBeGreaterThanOrEqual(p.easy.min);
    expect(305).toBeLessThanOrEqual(p.easy.max);
  });

  it('orders paces from slow to fast for every VDOT', () => {
    for (let v = 25; v <= 85; v += 0.5) {
      const p = trainingPaces(v);
      expect(p.easy.max).toBeGreaterThan(p.easy.min);
      expect(p.easy.min).toBeGreaterThan(p.marathon);
      expect(p.marathon).toBeGreaterThan(p.threshold);
      expect(p.threshold).toBeGreaterThan(p.interval);
      expect(p.interval).toBeGreaterThan(p.repetition);
    }
  });
});
