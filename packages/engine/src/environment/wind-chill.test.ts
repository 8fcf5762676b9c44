import { describe, expect, it } from 'vitest';
import { fieldOf } from '../util/testing.ts';
import { windChillC } from './wind-chill.ts';

describe('windChillC', () => {
  // Environment Canada / NWS wind chill chart (2001 index), values to the nearest degree.
  it.each([
    [-10, 20, -18],
    [0, 10, -3],
    [-20, 30, -33],
    [5, 40, -1],
  ])('%d °C in a %d km/h wind feels like %d °C', (t, v, published) => {
    expect(Math.round(windChillC(t, v))).toBe(published);
  });

  it('is the air temperature above 10 °C or in still air', () => {
    expect(windChillC(15, 30)).toBe(15);
    expect(windChillC(-5, 3)).toBe(-5);
  });

  it('names a bad field', () => {
    expect(fieldOf(() => windChillC(Number.NaN, 10))).toBe('tempC');
    expect(fieldOf(() => windChillC(0, -1))).toBe('windKmh');
  });
});
