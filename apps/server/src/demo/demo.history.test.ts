import { DailyMetricsSchema, ManualActivitySchema, OnboardingSchema } from '@runningcoach/contracts';
import { addDays, assessReadiness, daysBetween, startOfWeek } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';
import { DEMO_WEEKS, demoHistory } from './demo.history.ts';

const TODAY = '2026-03-18'; // a Wednesday

describe('demo history', () => {
  const h = demoHistory(TODAY);
  const activities = h.days.flatMap((d) => d.activities);
  const runMeters = (days: typeof h.days) =>
    days.flatMap((d) => d.activities).reduce((s, a) => s + (a.body.distanceMeters ?? 0), 0);

  it('is deterministic for a seed and differs for another', () => {
    expect(demoHistory(TODAY)).toEqual(h);
    expect(demoHistory(TODAY, 7)).not.toEqual(h);
  });

  it('covers twelve weeks up to today, with only a check-in today', () => {
    expect(h.days[0]!.date).toBe(addDays(startOfWeek(TODAY), -7 * DEMO_WEEKS));
    expect(h.days.at(-1)!.date).toBe(TODAY);
    expect(h.days.at(-1)!.activities).toEqual([]);
    expect(h.days.at(-1)!.checkIn?.date).toBe(TODAY);
    expect(daysBetween(h.days[0]!.date, TODAY) + 1).toBe(h.days.length);
  });

  it('sends only bodies the API accepts', () => {
    expect(OnboardingSchema.safeParse(h.onboarding).error).toBeUndefined();
    for (const d of h.days) {
      if (d.checkIn) expect(DailyMetricsSchema.strict().safeParse(d.checkIn).error).toBeUndefined();
      for (const a of d.activities) {
        expect(ManualActivitySchema.safeParse(a.body).error).toBeUndefined();
        expect(a.body.date).toBe(d.date);
      }
    }
  });

  it('trains like a half-marathon runner: 4-6 sessions and 25-60 km a week outside the cold', () => {
    for (let w = 0; w < DEMO_WEEKS; w++) {
      const week = h.days.slice(7 * w, 7 * w + 7);
      const km = runMeters(week) / 1000;
      if (w === 8) {
        expect(km).toBeLessThan(15); // the head cold
        continue;
      }
      expect(km).toBeGreaterThan(25);
      expect(km).toBeLessThan(60);
      expect(week.flatMap((d) => d.activities).length).toBeGreaterThanOrEqual(4);
    }
    const kinds = new Set(activities.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['easy', 'intervals', 'long', 'race', 'recovery', 'strength', 'tempo']);
    const longest = Math.max(...activities.map((a) => a.body.distanceMeters ?? 0));
    expect(longest).toBeGreaterThan(15_000);
    expect(longest).toBeLessThan(21_000);
  });

  it('has a rough patch: lower HRV, higher resting HR and worse sleep during the cold', () => {
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const cold = h.days.slice(58, 62).flatMap((d) => (d.checkIn ? [d.checkIn] : []));
    const before = h.days.slice(28, 56).flatMap((d) => (d.checkIn ? [d.checkIn] : []));
    expect(cold.length).toBeGreaterThan(0);
    expect(mean(cold.map((c) => c.hrvRmssd!))).toBeLessThan(0.8 * mean(before.map((c) => c.hrvRmssd!)));
    expect(mean(cold.map((c) => c.restingHr!))).toBeGreaterThan(mean(before.map((c) => c.restingHr!)) + 4);
    expect(mean(cold.map((c) => c.sleepDurationMinutes!))).toBeLessThan(
      mean(before.map((c) => c.sleepDurationMinutes!)),
    );
  });

  it("ends on an amber morning whatever the weekday, so today's workout has a reason to change", () => {
    for (let k = 0; k < 7; k++) {
      const today = addDays(TODAY, k);
      const days = demoHistory(today).days;
      const history = days.slice(-61, -1).flatMap((d) => (d.checkIn ? [d.checkIn] : []));
      const readiness = assessReadiness({
        today,
        metrics: days.at(-1)!.checkIn!,
        history,
        baselines: { restingHr: 51 },
      });
      expect(readiness.color).toBe('yellow');
    }
  });

  it('onboards consistently with the history: the 10K, recent volume, a goal race about ten weeks out', () => {
    const race = activities.find((a) => a.kind === 'race')!.body;
    expect(h.onboarding.fitness.recentRace).toEqual({
      distanceMeters: 10_000,
      timeSec: race.durationSec,
      date: race.date,
    });
    expect(race.durationSec).toBeGreaterThan(40 * 60);
    expect(race.durationSec).toBeLessThan(50 * 60);
    const lastFour = h.days.filter(
      (d) => d.date >= addDays(startOfWeek(TODAY), -28) && d.date < startOfWeek(TODAY),
    );
    expect(h.onboarding.fitness.weeklyDistanceMeters).toBeCloseTo(runMeters(lastFour) / 4, -2);
    const ahead = daysBetween(TODAY, h.onboarding.goal.raceDate);
    expect(ahead).toBeGreaterThanOrEqual(64);
    expect(ahead).toBeLessThanOrEqual(76);
  });

  it('attaches time series that agree with the summary to the race and recent key sessions', () => {
    const withSamples = activities.filter((a) => a.body.samples);
    expect(withSamples.length).toBeGreaterThanOrEqual(8);
    for (const { body } of withSamples) {
      const s = body.samples!;
      const meters = s.speed!.reduce<number>(
        (sum, v, i) => sum + (i > 0 ? v! * (s.t[i]! - s.t[i - 1]!) : 0),
        0,
      );
      expect(Math.abs(meters - body.distanceMeters!) / body.distanceMeters!).toBeLessThan(0.02);
      const hr = s.hr!.map(Number);
      expect(Math.abs(hr.reduce((a, b) => a + b, 0) / hr.length - body.avgHr!)).toBeLessThan(1);
      expect(Math.max(...hr)).toBe(body.maxHr);
      expect(s.t.at(-1)).toBe(body.durationSec);
    }
  });
});
