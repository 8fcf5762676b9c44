import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, dateFromDayNumber, dayNumber, startOfWeek, weekdayOf } from './dates.ts';

describe('dates', () => {
  it('maps known days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(weekdayOf('2026-11-22')).toBe('sun');
    expect(weekdayOf('2024-02-29')).toBe('thu');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16');
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });

  it('rejects impossible dates naming the field', () => {
    expect(() => dayNumber('2026-02-30', 'goal.raceDate')).toThrow(/goal.raceDate/);
    expect(() => dayNumber('26-1-1')).toThrow(/YYYY-MM-DD/);
  });

  it('round-trips and agrees with the platform calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const s = dateFromDayNumber(n);
        expect(dayNumber(s)).toBe(n);
        expect(s).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});
