import { describe, expect, it } from 'vitest';
import { parseDistance } from './distance.ts';
import { parseDuration, parsePace } from './time.ts';
import { parseChoice, parseDate, parseNumber, parseWeekdays } from './values.ts';

describe('parseDistance', () => {
  it.each([
    ['5k', 5000],
    ['10K', 10_000],
    ['half', 21_097.5],
    ['marathon', 42_195],
    ['1500', 1500],
    ['21.1km', 21_100],
    ['13.1mi', 13.1 * 1609.344],
    ['800m', 800],
  ])('%s is %d m', (text, meters) => expect(parseDistance(text, '--distance')).toBeCloseTo(meters, 6));

  it('names the option on a bad value', () => {
    expect(() => parseDistance('far', '--distance')).toThrow(/^--distance: expected 5k/);
    expect(() => parseDistance('0km', '--distance')).toThrow('--distance');
  });
});

describe('parseDuration and parsePace', () => {
  it('reads mm:ss and h:mm:ss', () => {
    expect(parseDuration('19:57', '--time')).toBe(1197);
    expect(parseDuration('3:30:00', '--time')).toBe(12_600);
    expect(parseDuration('90:00', '--time')).toBe(5400);
  });

  it('rejects malformed times', () => {
    for (const bad of ['19', '19:75', '1:60:00', 'abc', '0:00']) {
      expect(() => parseDuration(bad, '--time')).toThrow(/^--time: /);
    }
  });

  it('reads paces per the output unit unless suffixed', () => {
    expect(parsePace('4:15', '--threshold-pace', 'km')).toBe(255);
    expect(parsePace('4:15/km', '--threshold-pace', 'mi')).toBe(255);
    expect(parsePace('6:50', '--threshold-pace', 'mi')).toBeCloseTo(410 / 1.609344, 6);
    expect(parsePace('6:50 /mi', '--threshold-pace', 'km')).toBeCloseTo(410 / 1.609344, 6);
  });
});

describe('values', () => {
  it('checks numbers, ranges and integers', () => {
    expect(parseNumber('52', '--resting-hr', { min: 25, max: 120, integer: true })).toBe(52);
    expect(() => parseNumber('x', '--age')).toThrow('--age: expected a number, got "x"');
    expect(() => parseNumber('300', '--max-hr', { min: 120, max: 230 })).toThrow(
      '--max-hr: must be between 120 and 230, got 300',
    );
    expect(() => parseNumber('2.5', '--week', { min: 1, integer: true })).toThrow(
      '--week: expected a whole number',
    );
  });

  it('checks calendar dates', () => {
    expect(parseDate('2026-02-28', '--start')).toBe('2026-02-28');
    expect(() => parseDate('2026-02-30', '--start')).toThrow('--start: is not a calendar date');
    expect(() => parseDate('tomorrow', '--start')).toThrow('--start: must be a date as YYYY-MM-DD');
  });

  it('reads choices case-insensitively and weekday lists', () => {
    expect(parseChoice('PERCENTMAX', '--method', ['karvonen', 'percentMax'] as const)).toBe('percentMax');
    expect(parseWeekdays('mon, Wednesday,FRI', '--run-days')).toEqual(['mon', 'wed', 'fri']);
    expect(() => parseWeekdays('mon,funday', '--run-days')).toThrow(/^--run-days: expected one of mon/);
    expect(() => parseWeekdays('mon,,fri', '--run-days')).toThrow('--run-days');
  });
});
