import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effortScore } from './effort-score.ts';

describe('effortScore', () => {
  it('scores the same pace higher in heat (30 °C, dew point 24 °C) than cool (10 °C / 5 °C)', () => {
    const hot = effortScore({ paceSecPerKm: 300, tempC: 30, dewPointC: 24 });
    const cool = effortScore({ paceSecPerKm: 300, tempC: 10, dewPointC: 5 });
    expect(hot.score).toBeGreaterThan(cool.score);
    // 86 + 75.2 = 161.2 °F: Hadley 6-8 % row, 6.24 %.
    expect(hot.heatAdjustmentPct).toBeCloseTo(6.24, 2);
    expect(cool.heatAdjustmentPct).toBe(0);
    expect(cool.score).toBeCloseTo(12, 10); // 5:00/km = 12 km/h
  });

  it('scores uphill higher than flat, and a hilly loop higher than flat', () => {
    const flat = effortScore({ paceSecPerKm: 330, grade: 0 });
    const up = effortScore({ paceSecPerKm: 330, grade: 0.05 });
    const loop = effortScore({ distanceMeters: 10_000, durationSec: 3300, elevationGainMeters: 300 });
    expect(up.score).toBeGreaterThan(flat.score);
    expect(loop.score).toBeGreaterThan(flat.score);
    expect(loop.reasons.map((r) => r.code)).toContain('EFFORT_HILLY_LOOP');
  });

  it('scores against threshold pace when given', () => {
    const r = effortScore({ paceSecPerKm: 250, thresholdPaceSecPerKm: 250 });
    expect(r.basis).toBe('threshold');
    expect(r.score).toBeCloseTo(100, 10);
    const easy = effortScore({ paceSecPerKm: 330, thresholdPaceSecPerKm: 250 });
    expect(easy.score).toBeCloseTo((100 * 250) / 330, 10);
  });

  it('derives humidity from relative humidity, and skips heat without it', () => {
    const viaRh = effortScore({ paceSecPerKm: 300, tempC: 30, relativeHumidityPct: 70 });
    expect(viaRh.heatAdjustmentPct).toBeGreaterThan(0);
    const unknown = effortScore({ paceSecPerKm: 300, tempC: 30 });
    expect(unknown.heatAdjustmentPct).toBe(0);
    expect(unknown.reasons.map((r) => r.code)).toContain('HEAT_HUMIDITY_UNKNOWN');
  });

  it('rejects missing or bad input naming the field', () => {
    expect(() => effortScore({})).toThrow(/paceSecPerKm/);
    expect(() => effortScore({ paceSecPerKm: 300, elevationGainMeters: 100 })).toThrow(/distanceMeters/);
    expect(() => effortScore({ paceSecPerKm: 300, thresholdPaceSecPerKm: 0 })).toThrow(
      /thresholdPaceSecPerKm/,
    );
  });

  it('rises with temperature, gradient and speed (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 180, max: 600, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (pace, t, g) => {
          const base = effortScore({ paceSecPerKm: pace, grade: g, tempC: t, dewPointC: t - 5 });
          const hotter = effortScore({ paceSecPerKm: pace, grade: g, tempC: t + 2, dewPointC: t - 3 });
          const steeper = effortScore({ paceSecPerKm: pace, grade: g + 0.02, tempC: t, dewPointC: t - 5 });
          const faster = effortScore({ paceSecPerKm: pace - 10, grade: g, tempC: t, dewPointC: t - 5 });
          expect(hotter.score).toBeGreaterThanOrEqual(base.score);
          expect(steeper.score).toBeGreaterThan(base.score);
          expect(faster.score).toBeGreaterThan(base.score);
        },
      ),
    );
  });
});
