import { preRunWeatherNote } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';
import {
  fluidsPerHour,
  formatPlace,
  type HeatSuggestion,
  inUnits,
  parseCoordinate,
  roundCoordinate,
  suggestionAction,
  temperature,
  weatherAdvice,
} from './weather.ts';

describe('weather formatting', () => {
  it('rounds a position to 0.01° (about a kilometre)', () => {
    expect(roundCoordinate(38.716_89)).toBe(38.72);
    expect(roundCoordinate(-9.139_66)).toBe(-9.14);
    expect(roundCoordinate(0.004)).toBe(0);
  });

  it('parses typed coordinates, with the reason when they are not', () => {
    expect(parseCoordinate(' 38.7169 ', 'lat')).toEqual({ value: 38.72 });
    expect(parseCoordinate('-9,1397', 'lon')).toEqual({ value: -9.14 });
    expect(parseCoordinate('', 'lat').error).toBe('Latitude is required.');
    expect(parseCoordinate('north', 'lat').error).toMatch(/must be a number/);
    expect(parseCoordinate('91', 'lat').error).toBe('Latitude must be between -90 and 90.');
    expect(parseCoordinate('-181', 'lon').error).toBe('Longitude must be between -180 and 180.');
    expect(parseCoordinate('180', 'lon')).toEqual({ value: 180 });
  });

  it('names the hemispheres', () => {
    expect(formatPlace({ lat: 38.72, lon: -9.14 })).toBe('38.72° N, 9.14° W');
    expect(formatPlace({ lat: -33.87, lon: 151.2 })).toBe('33.87° S, 151.20° E');
  });

  it('gives temperatures in °C with kilometres and °F with miles', () => {
    expect(temperature(35.6, 'km')).toBe('36 °C');
    expect(temperature(35.6, 'mi')).toBe('96 °F');
    expect(temperature(-10, 'mi')).toBe('14 °F');
    expect(temperature(0, 'mi')).toBe('32 °F');
  });

  it('gives fluids in ml or fl oz per hour, with the sodium when there is some', () => {
    const hot = { mlPerHour: { min: 600, max: 800 }, sodiumMgPerHour: { min: 276, max: 552 } };
    expect(fluidsPerHour(hot, 'km')).toBe('600–800 ml per hour with 276–552 mg sodium');
    expect(fluidsPerHour(hot, 'mi')).toBe('20–27 fl oz per hour with 276–552 mg sodium');
    expect(fluidsPerHour({ mlPerHour: { min: 0, max: 800 } }, 'km')).toBe('up to 800 ml per hour');
  });

  it("keeps the engine's advice and leaves out the feels-like and fluids shown on their own", () => {
    const hot = preRunWeatherNote({
      weather: { tempC: 34, dewPointC: 22, humidityPct: 50, aqi: 4 },
      durationSec: 5400,
      weightKg: 70,
    });
    expect(hot.message).toMatch(/^Feels like \d+ °C\. .* Drink 600-800 ml per hour with/);
    const advice = weatherAdvice(hot.message);
    expect(advice).not.toMatch(/Feels like|Drink|ml/);
    expect(advice).toMatch(/^Hot and humid|^Very hot|^Dangerous heat/);
    expect(advice).toMatch(/Air quality is poor \(4\/5\)/);

    const cool = preRunWeatherNote({ weather: { tempC: 12, dewPointC: 5 }, durationSec: 1800, weightKg: 70 });
    expect(cool.message).toMatch(/Drinking is optional/);
    expect(weatherAdvice(cool.message)).toBe('Good running weather: no pace adjustment needed.');

    const cold = preRunWeatherNote({
      weather: { tempC: -8, dewPointC: -12, windSpeedMs: 6 },
      durationSec: 3600,
      weightKg: 70,
    });
    expect(weatherAdvice(cold.message)).toMatch(/^Good running weather.* Cold: cover hands/);
  });

  it("puts the server's Celsius in Fahrenheit with miles", () => {
    const text = 'Sat 5 Dec reaches 34 °C with a 22 °C dew point; run it early, when it is about -1.5 °C.';
    expect(inUnits(text, 'km')).toBe(text);
    expect(inUnits(text, 'mi')).toBe(
      'Sat 5 Dec reaches 93 °F with a 72 °F dew point; run it early, when it is about 29 °F.',
    );
    expect(inUnits('about 5.1 % slower than planned, 8.5 km instead of 9 km.', 'mi')).toBe(
      'about 5.1 % slower than planned, 5.3 mi instead of 5.6 mi.',
    );
  });

  it('says what to do about a hot session', () => {
    const base: HeatSuggestion = {
      workoutId: 'w',
      date: '2026-12-05',
      workoutType: 'long',
      action: 'run_early',
      paceAdjustmentPct: 0.4,
      reason: { code: 'HEAT_RUN_EARLY', message: '' },
    };
    const day = (d: string) => `day ${d}`;
    const km = (m: number, u: string) => `${m / 1000} ${u}`;
    expect(suggestionAction(base, 'km', day, km)).toBe('Run it early');
    expect(
      suggestionAction(
        { ...base, action: 'move', toDate: '2026-12-07', paceAdjustmentPct: 6.4 },
        'km',
        day,
        km,
      ),
    ).toBe('Swap with day 2026-12-07’s easy run, about 6% slower than the planned paces');
    expect(suggestionAction({ ...base, action: 'soften', targetDistanceMeters: 8000 }, 'mi', day, km)).toBe(
      'Shorten to 8 mi',
    );
  });
});
