import type { Weekday } from '@runningcoach/contracts';
import { WEEKDAYS } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { addDays } from '../util/dates.ts';
import { generatePlan, type GeneratePlanInput } from './generate.ts';

const input = (startDate: string): GeneratePlanInput => ({
  startDate,
  profile: { birthDate: '1990-04-02', sex: 'female', weightKg: 60, heightCm: 168, restingHr: 52, maxHr: 188 },
  goal: { raceDate: addDays(startDate, 16 * 7), distanceMeters: 21_097.5, name: 'City Half' },
  fitness: {
    recentRace: { distanceMeters: 10_000, timeSec: 50 * 60, date: addDays(startDate, -30) },
    weeklyDistanceMeters: 30_000,
    longestRecentRunMeters: 14_000,
  },
  availability: { runDays: [...WEEKDAYS] as Weekday[], longRunDay: 'sun' },
  version: 1,
  idPrefix: 'p:',
  units: 'km',
});

describe('a plan starting mid-week', () => {
  it('drops the short first week’s spare easy days from its end, so the first day is a run', () => {
    // Thursday: 4/7 of 30 km with a 9 km long run leaves room for two easy runs of >= 3 km, not three.
    const plan = generatePlan(input('2026-12-03'));
    const firstWeek = plan.workouts.filter((w) => w.date <= '2026-12-06').map((w) => `${w.date} ${w.type}`);
    expect(firstWeek).toEqual(['2026-12-03 easy', '2026-12-04 easy', '2026-12-06 long']);
  });
});
