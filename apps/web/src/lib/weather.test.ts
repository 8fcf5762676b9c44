import { preRunWeatherNote } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';
import {
  fluidsPerHour,
  formatPlace,
  parseCoordinate,
  roundCoordinate,
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
});
