import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatAdjustedPace, heatAdjustmentPct } from './heat-adjusted-pace.ts';
import { fToC } from './temperature.ts';

describe('heatAdjustedPace (Hadley temperature + dew point chart)', () => {
  it('hits the chart row ends', () => {
    // Hadley (2013): <=100: 0; 110: 0.5; 120: 1; 130: 2; 140: 3; 150: 4.5; 160: 6; 170: 8; 180: 10 %.
    const rows: [number, number][] = [
      [90, 0],
      [100, 0],
      [110, 0.5],
      [120, 1],
      [130, 2],
      [140, 3],
      [150, 4.5],
      [160, 6],
      [170, 8],
      [180, 10],
    ];
    for (const [sum, pct] of rows) expect(heatAdjustmentPct(sum)).toBeCloseTo(pct, 10);
  });

  it('interpolates within a row', () => {
    // Hadley's worked example: 74 °F + 71 °F = 145 -> 3 % to 4.5 %; the midpoint is 3.75 %.
    expect(heatAdjustmentPct(145)).toBeCloseTo(3.75, 10);
    const r = heatAdjustedPace(300, fToC(74), fToC(71));
    expect(r.sumF).toBeCloseTo(145, 6);
    expect(r.band).toEqual({ minSumF: 140, maxSumF: 150, minPct: 3, maxPct: 4.5 });
    expect(r.level).toBe('high');
    expect(r.paceSecPerKm).toBeCloseTo(300 * 1.0375, 6);
  });

  it('leaves cool weather alone', () => {
    const r = heatAdjustedPace(300, 10, 5);
    expect(r.adjustmentPct).toBe(0);
    expect(r.paceSecPerKm).toBe(300);
    expect(r.level).toBe('none');
    expect(r.band.minSumF).toBeNull();
  });

  it('halves the adjustment for repeats, as Hadley advises', () => {
    const full = heatAdjustedPace(300, 30, 24);
    const reps = heatAdjustedPace(300, 30, 24, { repeats: true });
    expect(reps.adjustmentPct).toBeCloseTo(full.adjustmentPct / 2, 10);
    expect(reps.reasons.map((x) => x.code)).toContain('HEAT_REPEATS_HALVED');
  });

  it('flags sums above 180 as not for hard running', () => {
    const r = heatAdjustedPace(300, 35, 28); // 95 + 82.4 = 177.4 °F
    expect(r.hardRunningNotRecommended).toBe(false);
    const x = heatAdjustedPace(300, 38, 30); // 100.4 + 86 = 186.4 °F
    expect(x.level).toBe('extreme');
    expect(x.hardRunningNotRecommended).toBe(true);
    expect(x.adjustmentPct).toBe(10);
    expect(x.band.maxSumF).toBeNull();
    expect(x.reasons.map((r) => r.code)).toContain('HEAT_HARD_RUNNING_NOT_RECOMMENDED');
  });

  it('rejects bad input naming the field', () => {
    expect(() => heatAdjustedPace(0, 20, 10)).toThrow(/paceSecPerKm/);
    expect(() => heatAdjustedPace(300, 20, 25)).toThrow(/dewPointC/);
    expect(() => heatAdjustedPace(300, Number.NaN, 10)).toThrow(/tempC/);
  });

  it('accepts a dew point rounded just above the temperature', () => {
    expect(heatAdjustedPace(300, 20, 20.4).sumF).toBeCloseTo(136, 6);
  });

  it('never speeds up, and slows more as it gets hotter or more humid (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 45, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (t, spread, dt) => {
          const a = heatAdjustedPace(300, t, t - spread);
          const hotter = heatAdjustedPace(300, t + dt, t - spread);
          const wetter = heatAdjustedPace(300, t, Math.min(t, t - spread + dt));
          expect(a.paceSecPerKm).toBeGreaterThanOrEqual(300);
          expect(hotter.paceSecPerKm).toBeGreaterThanOrEqual(a.paceSecPerKm);
          expect(wetter.paceSecPerKm).toBeGreaterThanOrEqual(a.paceSecPerKm);
        },
      ),
    );
  });
});
