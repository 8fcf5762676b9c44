import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SMOOTH, median3, smooth } from './smoothing.ts';

describe('smoothing', () => {
  it('median3 picks the middle value', () => {
    expect(median3(1, 2, 3)).toBe(2);
    expect(median3(3, 1, 2)).toBe(2);
    expect(median3(2, 3, 1)).toBe(2);
    expect(median3(5, 5, 100)).toBe(5);
  });

  it('moves 1 − 1/e of the way in one time constant', () => {
    const s0 = smooth(EMPTY_SMOOTH, 0, 0, 10, 100, false);
    const s1 = smooth(s0, 100, 10, 10, 100, false);
    expect(s1.value).toBeCloseTo(100 * (1 - Math.exp(-1)), 9);
  });

  it('is independent of the sample spacing for a constant input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (n) => {
        let a = smooth(EMPTY_SMOOTH, 0, 0, 10, 100, false);
        for (let i = 1; i <= n; i++) a = smooth(a, 50, (10 * i) / n, 10, 100, false);
        const b = smooth(smooth(EMPTY_SMOOTH, 0, 0, 10, 100, false), 50, 10, 10, 100, false);
        expect(a.value).toBeCloseTo(b.value ?? NaN, 9);
      }),
    );
  });

  it('the spike filter removes a single outlier entirely', () => {
    let s = EMPTY_SMOOTH;
    for (let t = 0; t < 5; t++) s = smooth(s, 4, t, 10, 10, true);
    s = smooth(s, 8.3, 5, 10, 10, true);
    expect(s.value).toBe(4);
    s = smooth(s, 4, 6, 10, 10, true);
    expect(s.value).toBe(4);
  });

  it('with the spike filter, waits for three readings so a first-sample spike cannot seed it', () => {
    let s = smooth(EMPTY_SMOOTH, 8.3, 0, 10, 10, true);
    expect(s.value).toBeNull();
    s = smooth(s, 4, 1, 10, 10, true);
    expect(s.value).toBeNull();
    s = smooth(s, 4, 2, 10, 10, true);
    expect(s.value).toBe(4);
  });

  it('restarts from the new reading after a long gap', () => {
    const s = smooth(smooth(EMPTY_SMOOTH, 150, 0, 3, 10, false), 170, 30, 3, 10, false);
    expect(s.value).toBe(170);
  });
});
