import { addDays, rollingLoad } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';
import { historyDays, loadRows, MAX_POINTS, thin, tickInterval, weekRows } from './chart-data.ts';

const TODAY = '2027-01-05';
const days = 3 * 365;
const series = rollingLoad(
  Array.from({ length: days }, (_, i) => ({ date: addDays(TODAY, i - days + 1), load: 300 + (i % 7) * 40 })),
  { from: addDays(TODAY, -days + 1), to: TODAY },
);

describe('analytics chart data', () => {
  it('thins long series to what a chart can draw, keeping the last day', () => {
    const rows = Array.from({ length: 365 }, (_, i) => i);
    const kept = thin(rows);
    expect(kept.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(kept.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(kept.at(-1)).toBe(364);
    expect(thin(rows.slice(0, 91))).toEqual(rows.slice(0, 91));
  });

  it('keeps the range asked for, ending on today with its rounded figures', () => {
    const rows = loadRows(series, addDays(TODAY, -90));
    expect(rows).toHaveLength(91);
    expect(rows[0]!.date).toBe(addDays(TODAY, -90));
    const last = series.at(-1)!;
    expect(rows.at(-1)).toMatchObject({
      date: TODAY,
      fitness: Math.round(last.chronic * 10) / 10,
      fatigue: Math.round(last.acute * 10) / 10,
      load: Math.round(last.load),
    });
    const year = loadRows(series, addDays(TODAY, -364));
    expect(year.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(year.at(-1)!.date).toBe(TODAY);
    expect(loadRows(series, addDays(TODAY, 1))).toEqual([]);
  });

  it('shows weekly distance in the runner’s units', () => {
    const week = { week: '2027-01-04', meters: 16_093.44, easyMin: 90.4, moderateMin: 20.6, hardMin: 0 };
    expect(weekRows([week], 'mi')[0]).toMatchObject({ distance: 10, easy: 90, moderate: 21, hard: 0 });
    expect(weekRows([week], 'km')[0]!.distance).toBe(16.1);
  });

  it('labels about six dates whatever the range, and counts days of history', () => {
    expect(tickInterval(6)).toBe(0);
    expect(Math.ceil(91 / (tickInterval(91) + 1))).toBeLessThanOrEqual(6);
    expect(historyDays(undefined, TODAY)).toBe(0);
    expect(historyDays(TODAY, TODAY)).toBe(1);
    expect(historyDays(addDays(TODAY, -41), TODAY)).toBe(42);
  });
});
