import type { DailyMetrics } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../util/dates.ts';
import { EngineError } from '../util/errors.ts';
import { priorDays, validateDailyMetrics, valuesBetween } from './history.ts';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return `${e.code}:${e.field}`;
    throw e;
  }
  return 'no error';
}

describe('validateDailyMetrics', () => {
  it('accepts a full, in-range check-in', () => {
    expect(() =>
      validateDailyMetrics(
        {
          date: '2026-03-10',
          restingHr: 48,
          hrvRmssd: 72.5,
          sleepDurationMinutes: 465,
          sleepQuality: 4,
          soreness: 2,
          stress: 3,
          mood: 4,
          morningReadiness: 5,
          weightKg: 68,
        },
        'metrics',
      ),
    ).not.toThrow();
  });

  it('names the field at fault', () => {
    const base: DailyMetrics = { date: '2026-03-10' };
    expect(fieldOf(() => validateDailyMetrics({ ...base, soreness: 6 }, 'metrics'))).toBe(
      'OUT_OF_RANGE:metrics.soreness',
    );
    expect(fieldOf(() => validateDailyMetrics({ ...base, mood: 2.5 }, 'metrics'))).toBe(
      'NOT_INTEGER:metrics.mood',
    );
    expect(fieldOf(() => validateDailyMetrics({ ...base, hrvRmssd: 2 }, 'metrics'))).toBe(
      'OUT_OF_RANGE:metrics.hrvRmssd',
    );
    expect(fieldOf(() => validateDailyMetrics({ ...base, restingHr: Number.NaN }, 'metrics'))).toBe(
      'INVALID_NUMBER:metrics.restingHr',
    );
    expect(fieldOf(() => validateDailyMetrics({ ...base, sleepDurationMinutes: 1441 }, 'm'))).toBe(
      'OUT_OF_RANGE:m.sleepDurationMinutes',
    );
    expect(fieldOf(() => validateDailyMetrics({ date: '2026-02-30' }, 'metrics'))).toBe(
      'INVALID_DATE:metrics.date',
    );
  });
});

describe('priorDays', () => {
  it('keeps only days before today, oldest first', () => {
    const days = priorDays(
      [
        { date: '2026-03-09', hrvRmssd: 60 },
        { date: '2026-03-10', hrvRmssd: 10 },
        { date: '2026-03-01', restingHr: 50 },
        { date: '2026-04-01', hrvRmssd: 10 },
      ],
      '2026-03-10',
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-01', '2026-03-09']);
    expect(days[1]).toMatchObject({ hrvRmssd: 60 });
  });

  it('ignores entries dated on/after today without validating their values', () => {
    expect(priorDays([{ date: '2026-03-12', hrvRmssd: 9999 }], '2026-03-10')).toEqual([]);
  });

  it('names the history entry at fault by its index', () => {
    const history: DailyMetrics[] = [{ date: '2026-03-01' }, { date: '2026-03-02', restingHr: 300 }];
    expect(fieldOf(() => priorDays(history, '2026-03-10'))).toBe('OUT_OF_RANGE:history[1].restingHr');
    expect(fieldOf(() => priorDays([{ date: 'yesterday' }], '2026-03-10'))).toBe(
      'INVALID_DATE:history[0].date',
    );
    expect(fieldOf(() => priorDays([], '2026-13-01'))).toBe('INVALID_DATE:today');
  });

  it('merges a day logged twice into the mean of its readings, whatever the order', () => {
    const a: DailyMetrics = { date: '2026-03-05', hrvRmssd: 40, restingHr: 50 };
    const b: DailyMetrics = { date: '2026-03-05', hrvRmssd: 60 };
    expect(priorDays([a, b], '2026-03-10')).toEqual([
      { date: '2026-03-05', day: dayNumber('2026-03-05'), hrvRmssd: 50, restingHr: 50 },
    ]);
    expect(priorDays([b, a], '2026-03-10')).toEqual(priorDays([a, b], '2026-03-10'));
  });

  it('picks the readings of a day range', () => {
    const days = priorDays(
      [
        { date: '2026-03-01', hrvRmssd: 1 * 10 },
        { date: '2026-03-02', hrvRmssd: 2 * 10 },
        { date: '2026-03-03', restingHr: 50 },
        { date: '2026-03-04', hrvRmssd: 4 * 10 },
      ],
      '2026-03-10',
    );
    expect(valuesBetween(days, 'hrvRmssd', dayNumber('2026-03-02'), dayNumber('2026-03-03'))).toEqual([20]);
    expect(valuesBetween(days, 'hrvRmssd', dayNumber('2026-03-01'), dayNumber('2026-03-09'))).toEqual([
      10, 20, 40,
    ]);
  });
});
