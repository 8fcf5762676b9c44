import { describe, expect, it } from 'vitest';
import { ACWR_HIGH, MONOTONY_HIGH, loadRiskFlags } from './risk.ts';

const codes = (day: Parameters<typeof loadRiskFlags>[0]) => loadRiskFlags(day).map((f) => f.code);

describe('loadRiskFlags (Gabbett 2016 ACWR > 1.5; Foster 1998 monotony > 2.0)', () => {
  it('flags only values strictly above the thresholds', () => {
    expect(codes({ acwr: 1.51, monotony: 2.01, acute: 450, chronic: 298 })).toEqual([
      'ACWR_HIGH',
      'MONOTONY_HIGH',
    ]);
    expect(codes({ acwr: ACWR_HIGH, monotony: MONOTONY_HIGH, acute: 300, chronic: 200 })).toEqual([]);
    expect(codes({ acwr: null, monotony: null, acute: 0, chronic: 0 })).toEqual([]);
  });

  it('ignores NaN and infinite ratios instead of raising flags', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(codes({ acwr: bad, monotony: bad, acute: 100, chronic: 0 })).toEqual([]);
    }
    // A bad ratio on one measure does not hide a real flag on the other.
    expect(codes({ acwr: Infinity, monotony: 2.5, acute: 100, chronic: 0 })).toEqual(['MONOTONY_HIGH']);
  });

  it('puts the numbers behind a flag in its data', () => {
    const [flag] = loadRiskFlags({ acwr: 1.8, monotony: 1.2, acute: 540, chronic: 300 });
    expect(flag).toMatchObject({
      code: 'ACWR_HIGH',
      data: { acwr: 1.8, threshold: 1.5, acute: 540, chronic: 300 },
    });
    expect(flag!.message).toContain('1.80x');
  });
});
