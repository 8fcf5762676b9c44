import type { Workout } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../util/testing.ts';
import type { ForecastDay } from './weather-types.ts';
import { weatherSuggestions } from './weather-schedule.ts';

// Monday 2027-07-05 to Sunday 2027-07-11: intervals Wednesday, long run Sunday, easy days between.
const week: Pick<Workout, 'id' | 'date' | 'type' | 'targetDistanceMeters'>[] = [
  { id: 'tue', date: '2027-07-06', type: 'easy', targetDistanceMeters: 8000 },
  { id: 'wed', date: '2027-07-07', type: 'intervals', targetDistanceMeters: 10_000 },
  { id: 'thu', date: '2027-07-08', type: 'easy', targetDistanceMeters: 8000 },
  { id: 'fri', date: '2027-07-09', type: 'recovery', targetDistanceMeters: 5000 },
  { id: 'sat', date: '2027-07-10', type: 'easy', targetDistanceMeters: 8000 },
  { id: 'sun', date: '2027-07-11', type: 'long', targetDistanceMeters: 20_000 },
];
const cool = { morn: 14, day: 20, eve: 18, night: 12 };
const hot = { morn: 28, day: 34, eve: 31, night: 26 };
const day = (date: string, tempC = cool, dewPointC = 10): ForecastDay => ({ date, tempC, dewPointC });
const forecast = (overrides: Record<string, ForecastDay> = {}) =>
  ['05', '06', '07', '08', '09', '10', '11'].map((d) => overrides[d] ?? day(`2027-07-${d}`));

describe('weatherSuggestions', () => {
  it('a cool week changes nothing', () => {
    expect(weatherSuggestions({ workouts: week, forecast: forecast(), today: '2027-07-05' })).toEqual([]);
  });

  it('a hot Sunday, hot from the morning, moves the long run to a cooler easy day, with the reason', () => {
    const f = forecast({ '11': day('2027-07-11', hot, 22), '10': day('2027-07-10', hot, 21) });
    const [s, ...rest] = weatherSuggestions({ workouts: week, forecast: f, today: '2027-07-05' });
    expect(rest).toEqual([]);
    // Saturday is hot too; Friday's recovery run is cool and two days clear of Wednesday's intervals.
    expect(s).toMatchObject({ workoutId: 'sun', action: 'move', toDate: '2027-07-09', swapWorkoutId: 'fri' });
    expect(s!.reason.code).toBe('HEAT_MOVE_SESSION');
    expect(s!.reason.message).toMatch(/Sunday stays hot.*Friday is cooler/);
    // 28 °C + 22 °C dew point = 154 °F in the morning there; Friday morning 14 °C / 10 °C = 107 °F.
    expect(s!.reason.data).toMatchObject({ morningSumF: 154, toMorningSumF: 107 });
  });

  it('a hot week with no cooler day softens the long run: same time, slower, shorter, with the reason', () => {
    const all = Object.fromEntries(
      ['05', '06', '07', '08', '09', '10', '11'].map((d) => [d, day(`2027-07-${d}`, hot, 22)]),
    );
    const out = weatherSuggestions({ workouts: week, forecast: forecast(all), today: '2027-07-05' });
    const long = out.find((s) => s.workoutId === 'sun')!;
    expect(long.action).toBe('soften');
    // Hadley chart at 154 °F: 141-150 is 3-4.5 %, 151-160 is 4.5-6 %, interpolated 5.1 %.
    expect(long.paceAdjustmentPct).toBeCloseTo(5.1, 1);
    expect(long.targetDistanceMeters).toBe(19_000);
    expect(long.reason.code).toBe('HEAT_SOFTEN_SESSION');
    // Intervals take half the adjustment (Hadley: repeats with recoveries).
    expect(out.find((s) => s.workoutId === 'wed')!.paceAdjustmentPct).toBeCloseTo(2.55, 2);
  });

  it('a day hot only after the morning says run early', () => {
    const f = forecast({ '11': day('2027-07-11', { morn: 17, day: 33, eve: 30, night: 20 }, 15) });
    const [s] = weatherSuggestions({ workouts: week, forecast: f, today: '2027-07-05' });
    expect(s).toMatchObject({ workoutId: 'sun', action: 'run_early' });
    expect(s!.reason.code).toBe('HEAT_RUN_EARLY');
  });

  it('never moves into the past or into the two days before a race', () => {
    const withRace = [...week.slice(0, 4), { id: 'race', date: '2027-07-10', type: 'race' as const }];
    const f = forecast({ '07': day('2027-07-07', hot, 22) });
    // Wednesday's intervals: Tuesday is in the past, Thursday and Friday lead into Saturday's race.
    const out = weatherSuggestions({ workouts: withRace, forecast: f, today: '2027-07-07' });
    expect(out).toMatchObject([{ workoutId: 'wed', action: 'soften' }]);
  });

  it('names a bad forecast field', () => {
    const bad = [{ ...day('2027-07-05'), dewPointC: Number.NaN }];
    expect(fieldOf(() => weatherSuggestions({ workouts: week, forecast: bad, today: '2027-07-05' }))).toBe(
      'forecast[0].dewPointC',
    );
  });
});
