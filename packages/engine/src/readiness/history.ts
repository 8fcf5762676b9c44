// Validation of daily check-ins and the prior-days series the baselines are built from.
import type { DailyMetrics } from '@runningcoach/contracts';
import { dayNumber } from '../util/dates.ts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { mean } from '../util/math.ts';
import type { PriorDay } from './types.ts';

// Plews et al. (2013): the personal baseline is the mean and SD of roughly the last 60 days.
export const BASELINE_WINDOW_DAYS = 60;
// Two weeks of mornings before a personal baseline is trusted (design choice; Plews et al. 2014 want >= 3 per week).
export const MIN_BASELINE_VALUES = 14;

function optionalNumber(value: unknown, field: string, min: number, max: number): void {
  if (value == null) return;
  requireFinite(value as number, field, min, max);
}

function optionalAnswer(value: unknown, field: string): void {
  if (value == null) return;
  requireFinite(value as number, field, 1, 5);
  if (!Number.isInteger(value)) {
    throw new EngineError(
      'NOT_INTEGER',
      field,
      `${field} must be a whole number from 1 to 5, got ${String(value)}`,
    );
  }
}

/** Checks one day's check-in against the DailyMetrics contract ranges, naming the field at fault. */
export function validateDailyMetrics(metrics: DailyMetrics, field: string): void {
  if (metrics == null || typeof metrics !== 'object') {
    throw new EngineError('INVALID_INPUT', field, `${field} must be an object`);
  }
  dayNumber(metrics.date, `${field}.date`);
  optionalNumber(metrics.restingHr, `${field}.restingHr`, 25, 150);
  optionalNumber(metrics.hrvRmssd, `${field}.hrvRmssd`, 3, 300);
  optionalNumber(metrics.sleepDurationMinutes, `${field}.sleepDurationMinutes`, 0, 24 * 60);
  optionalNumber(metrics.weightKg, `${field}.weightKg`, 25, 250);
  optionalAnswer(metrics.sleepQuality, `${field}.sleepQuality`);
  optionalAnswer(metrics.soreness, `${field}.soreness`);
  optionalAnswer(metrics.stress, `${field}.stress`);
  optionalAnswer(metrics.mood, `${field}.mood`);
  optionalAnswer(metrics.morningReadiness, `${field}.morningReadiness`);
}

function mergedValue(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  // Sorted before summing so the result does not depend on the order the entries arrived in.
  return mean([...values].sort((a, b) => a - b));
}

/**
 * The objective readings of the days before `today`, oldest first. Entries dated on/after `today` are ignored;
 * a day logged more than once gets the mean of its readings. Throws EngineError naming e.g. `history[3].hrvRmssd`.
 */
export function priorDays(history: readonly DailyMetrics[], today: string, field = 'history'): PriorDay[] {
  const todayDay = dayNumber(today, 'today');
  if (!Array.isArray(history)) throw new EngineError('INVALID_INPUT', field, `${field} must be an array`);
  const byDay = new Map<number, { date: string; hrv: number[]; rhr: number[] }>();
  history.forEach((entry: DailyMetrics, i: number) => {
    const at = `${field}[${i}]`;
    if (entry == null || typeof entry !== 'object') {
      throw new EngineError('INVALID_INPUT', at, `${at} must be an object`);
    }
    const day = dayNumber(entry.date, `${at}.date`);
    if (day >= todayDay) return;
    validateDailyMetrics(entry, at);
    let slot = byDay.get(day);
    if (!slot) {
      slot = { date: entry.date, hrv: [], rhr: [] };
      byDay.set(day, slot);
    }
    if (entry.hrvRmssd != null) slot.hrv.push(entry.hrvRmssd);
    if (entry.restingHr != null) slot.rhr.push(entry.restingHr);
  });
  const days: PriorDay[] = [];
  for (const [day, slot] of byDay) {
    const prior: PriorDay = { date: slot.date, day };
    const hrv = mergedValue(slot.hrv);
    const rhr = mergedValue(slot.rhr);
    if (hrv !== undefined) prior.hrvRmssd = hrv;
    if (rhr !== undefined) prior.restingHr = rhr;
    days.push(prior);
  }
  return days.sort((a, b) => a.day - b.day);
}

/** Values of one reading on the days `from`..`to` (day numbers, inclusive), oldest first. */
export function valuesBetween(
  days: readonly PriorDay[],
  key: 'hrvRmssd' | 'restingHr',
  from: number,
  to: number,
): number[] {
  const out: number[] = [];
  for (const d of days) {
    const v = d[key];
    if (v !== undefined && d.day >= from && d.day <= to) out.push(v);
  }
  return out;
}
