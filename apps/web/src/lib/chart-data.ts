import { daysBetween, type RollingLoadDay } from '@runningcoach/engine';
import type { Units } from './units.ts';
import type { WeekSummary } from './weekly.ts';

/** Fitness is a 42-day average: before that much history it mostly mirrors fatigue (one day in, CTL = ATL). */
export const FULL_HISTORY_DAYS = 42;

/** More points than a chart is wide in pixels draws nothing more, and Recharts' cost grows with each one. */
export const MAX_POINTS = 120;

/** About this many labels fit under a chart on a phone. */
const MAX_TICKS = 6;

export interface LoadRow {
  date: string;
  load: number;
  fitness: number;
  fatigue: number;
  form: number;
  acwr: number | null;
  monotony: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number | null) => (n == null ? null : Math.round(n * 100) / 100);

/** Every k-th row so at most `max` are left, counted back from the last (today's figures are always drawn). */
export function thin<T>(rows: readonly T[], max = MAX_POINTS): T[] {
  const stride = Math.ceil(rows.length / max);
  if (stride <= 1) return [...rows];
  return rows.filter((_, i) => (rows.length - 1 - i) % stride === 0);
}

/** The rolling load from `from` on, rounded as shown, thinned to what a chart can draw. */
export function loadRows(series: readonly RollingLoadDay[], from: string): LoadRow[] {
  const start = series.findIndex((d) => d.date >= from);
  if (start < 0) return [];
  return thin(series.slice(start)).map((d) => ({
    date: d.date,
    load: Math.round(d.load),
    fitness: round1(d.chronic),
    fatigue: round1(d.acute),
    form: round1(d.tsb),
    acwr: round2(d.acwr),
    monotony: round2(d.monotony),
  }));
}

export interface WeekRow {
  week: string;
  distance: number;
  easy: number;
  moderate: number;
  hard: number;
}

/** Weekly distance in the runner's units and minutes by intensity, rounded as shown. */
export function weekRows(weeks: readonly WeekSummary[], units: Units): WeekRow[] {
  return weeks.map((w) => ({
    week: w.week,
    distance: round1(units === 'mi' ? w.meters / 1609.344 : w.meters / 1000),
    easy: Math.round(w.easyMin),
    moderate: Math.round(w.moderateMin),
    hard: Math.round(w.hardMin),
  }));
}

/**
 * A fixed label interval for `count` points: Recharts' default ('preserveEnd') measures every label's text in
 * the DOM to drop overlapping ones, a forced layout per label per chart.
 */
export function tickInterval(count: number): number {
  return Math.max(0, Math.ceil(count / MAX_TICKS) - 1);
}

/** Days of history from the first activity to `today`, both counted. */
export function historyDays(firstDate: string | undefined, today: string): number {
  return firstDate ? daysBetween(firstDate, today) + 1 : 0;
}
