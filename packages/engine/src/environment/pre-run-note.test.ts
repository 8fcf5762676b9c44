import { describe, expect, it } from 'vitest';
import { fieldOf } from '../util/testing.ts';
import { preRunWeatherNote } from './pre-run-note.ts';
import { fToC } from './temperature.ts';

const run = { durationSec: 90 * 60, weightKg: 60 };

describe('preRunWeatherNote', () => {
  it('hot and humid: heat-index feels-like (NWS chart 90 °F, 65 % → 103 °F), slower pace, fluids with sodium', () => {
    const note = preRunWeatherNote({
      ...run,
      weather: { tempC: fToC(90), dewPointC: fToC(77), humidityPct: 65 },
    });
    expect(note.feelsLikeC).toBeCloseTo(fToC(103), 0);
    expect(note.heatLevel).toBe('very_high');
    expect(note.paceAdjustmentPct).toBeGreaterThan(6);
    expect(note.fluids.mlPerHour).toEqual({ min: 600, max: 800 });
    expect(note.fluids.sodiumMgPerHour).toBeDefined();
    expect(note.message).toMatch(/^Feels like 39 °C\..*Drink 600-800 ml per hour with/);
    expect(note.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['FEELS_LIKE', 'HEAT_PACE_ADJUSTMENT', 'HYDRATION']),
    );
  });

  it("cold wind: wind chill feels-like and the cold advice; the provider's feels-like wins when given", () => {
    const note = preRunWeatherNote({
      ...run,
      weather: { tempC: -10, dewPointC: -14, windSpeedMs: 20 / 3.6 },
    });
    expect(Math.round(note.feelsLikeC)).toBe(-18);
    expect(note.reasons.map((r) => r.code)).toContain('COLD');
    expect(note.heatLevel).toBe('none');
    const given = preRunWeatherNote({ ...run, weather: { tempC: -10, dewPointC: -14, feelsLikeC: -12 } });
    expect(given.feelsLikeC).toBe(-12);
  });

  it('poor air says keep it easy or go indoors', () => {
    const note = preRunWeatherNote({ ...run, weather: { tempC: 18, dewPointC: 9, aqi: 4 } });
    expect(note.reasons.find((r) => r.code === 'AIR_QUALITY_POOR')?.message).toMatch(/poor \(4\/5\)/);
  });

  it('names a bad field', () => {
    expect(fieldOf(() => preRunWeatherNote({ ...run, weather: { tempC: 20, dewPointC: 10, aqi: 9 } }))).toBe(
      'weather.aqi',
    );
  });
});
