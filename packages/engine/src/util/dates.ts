// Calendar arithmetic on `YYYY-MM-DD` strings through day numbers: no Date objects, no time zones,
// so the Brain gives the same answer on every device. Days since 1970-01-01 (Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil / civil_from_days).
import type { Weekday } from '@runningcoach/contracts';
import { EngineError } from './errors.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(date: string, field = 'date'): number {
  const m = DATE_RE.exec(date);
  if (!m)
    throw new EngineError('INVALID_DATE', field, `${field} must be a date as YYYY-MM-DD, got "${date}"`);
  const y0 = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y0, mo)) {
    throw new EngineError('INVALID_DATE', field, `${field} is not a calendar date: "${date}"`);
  }
  const y = mo <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dateFromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** b - a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export const WEEKDAY_BY_INDEX: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** 0 = Monday ... 6 = Sunday (ISO 8601). Day 0 (1970-01-01) was a Thursday. */
export function weekdayIndex(date: string | number): number {
  const n = typeof date === 'number' ? date : dayNumber(date);
  return (((n + 3) % 7) + 7) % 7;
}

export function weekdayOf(date: string | number): Weekday {
  return WEEKDAY_BY_INDEX[weekdayIndex(date)]!;
}

export function weekdayToIndex(day: Weekday): number {
  return WEEKDAY_BY_INDEX.indexOf(day);
}

/** The Monday on or before `date`. */
export function startOfWeek(date: string): string {
  const n = dayNumber(date);
  return dateFromDayNumber(n - weekdayIndex(n));
}

/** Whole years between a birth date and `on`. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  dayNumber(birthDate, 'birthDate');
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
