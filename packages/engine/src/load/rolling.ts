import { EngineError, requireFinite } from '../util/errors.ts';
import { dateFromDayNumber, dayNumber } from '../util/dates.ts';
import { round } from '../util/math.ts';

export interface DailyLoad {
  date: string;
  load: number;
}

export interface RollingLoadOptions {
  /** Acute window N (days), λ = 2/(N+1). Default 7. */
  acuteDays?: number;
  /** Chronic window N (days). Default 28. */
  chronicDays?: number;
  /** First and last day of the output; default the first and last input day. Missing days load 0. */
  from?: string;
  to?: string;
  /** EWMA values on the day before `from`, e.g. from an earlier series or onboarding volume. Default 0. */
  seed?: { acute: number; chronic: number; fitness?: number; fatigue?: number };
  /** ACWR stays null until this many days of history (incl. a seed, which counts as full). Default 21. */
  minHistoryDays?: number;
}

export interface RollingLoadDay {
  date: string;
  load: number;
  acute: number;
  chronic: number;
  /** acute / chronic; null until the chronic load means something. */
  acwr: number | null;
  /** chronic - acute (API.md's definition of TSB). */
  tsb: number;
  /** Foster: mean / SD of the last 7 days (rest days 0); null before 7 days or with no load. */
  monotony: number | null;
  /** Foster: 7-day load x monotony. */
  strain: number;
  /** Banister/Coggan impulse-response: 42-day fitness, 7-day fatigue, form = fitness - fatigue. */
  fitness: number;
  fatigue: number;
  form: number;
}

/** A week of identical non-zero loads has SD 0: report it as this (very monotonous) rather than infinity. */
export const MONOTONY_CAP = 10;

/**
 * Daily load model. Acute/chronic are EWMAs with λ = 2/(N+1) (Williams et al. 2017, Br J Sports Med
 * 51:209); fitness/fatigue use the exponential decay e^(-1/τ) of Banister's model (τ 42/7, as in Coggan's
 * Performance Manager); monotony and strain after Foster (1998). One pass, O(days).
 */
export function rollingLoad(
  dailyLoads: readonly DailyLoad[],
  options: RollingLoadOptions = {},
): RollingLoadDay[] {
  const acuteDays = requireFinite(options.acuteDays ?? 7, 'options.acuteDays', 1, 365);
  const chronicDays = requireFinite(options.chronicDays ?? 28, 'options.chronicDays', 1, 365);
  const minHistory = options.minHistoryDays ?? 21;

  let first = Infinity;
  let last = -Infinity;
  const days = new Float64Array(dailyLoads.length);
  for (let i = 0; i < dailyLoads.length; i++) {
    const d = dailyLoads[i]!;
    const n = dayNumber(d.date, `dailyLoads[${i}].date`);
    const l = d.load;
    if (!(l >= 0 && l <= 100_000)) requireFinite(l, `dailyLoads[${i}].load`, 0, 100_000);
    days[i] = n;
    if (n < first) first = n;
    if (n > last) last = n;
  }
  if (options.from) first = dayNumber(options.from, 'options.from');
  if (options.to) last = dayNumber(options.to, 'options.to');
  if (!Number.isFinite(first) || !Number.isFinite(last)) return [];
  if (last < first) throw new EngineError('INVALID_RANGE', 'options.to', 'options.to is before options.from');
  // Days are contiguous, so a dense array beats a map; loads outside the range are ignored.
  const byDay = new Float64Array(last - first + 1);
  for (let i = 0; i < dailyLoads.length; i++) {
    const k = days[i]! - first;
    if (k >= 0 && k < byDay.length) byDay[k]! += dailyLoads[i]!.load;
  }

  // Williams et al. (2017): EWMA_today = load·λ + (1-λ)·EWMA_yesterday, λ = 2/(N+1).
  const la = 2 / (acuteDays + 1);
  const lc = 2 / (chronicDays + 1);
  // Banister impulse-response decay per day: k = 1 - e^(-1/τ).
  const kFit = 1 - Math.exp(-1 / 42);
  const kFat = 1 - Math.exp(-1 / 7);

  const seed = options.seed;
  let acute = seed?.acute ?? 0;
  let chronic = seed?.chronic ?? 0;
  let fitness = seed?.fitness ?? seed?.chronic ?? 0;
  let fatigue = seed?.fatigue ?? seed?.acute ?? 0;
  const seeded = seed !== undefined && seed.chronic > 0;

  const window = new Float64Array(7);
  let sum = 0;
  let sumSq = 0;
  const out: RollingLoadDay[] = new Array(last - first + 1);
  for (let n = first, i = 0; n <= last; n++, i++) {
    const load = byDay[i]!;
    acute = load * la + (1 - la) * acute;
    chronic = load * lc + (1 - lc) * chronic;
    fitness += (load - fitness) * kFit;
    fatigue += (load - fatigue) * kFat;

    const slot = i % 7;
    const old = window[slot]!;
    sum += load - old;
    sumSq += load * load - old * old;
    window[slot] = load;

    let monotony: number | null = null;
    if (i >= 6 && sum > 1e-9) {
      const m = sum / 7;
      // Population SD over the 7 days, as Foster computes it.
      const sd = Math.sqrt(Math.max(sumSq / 7 - m * m, 0));
      monotony = sd < m / MONOTONY_CAP ? MONOTONY_CAP : m / sd;
    }
    const history = seeded ? Infinity : i + 1;
    out[i] = {
      date: dateFromDayNumber(n),
      load: round(load, 2),
      acute: round(acute, 2),
      chronic: round(chronic, 2),
      acwr: history >= minHistory && chronic > 1e-6 ? round(acute / chronic, 3) : null,
      tsb: round(chronic - acute, 2),
      monotony: monotony === null ? null : round(monotony, 3),
      strain: monotony === null ? 0 : round(sum * monotony, 1),
      fitness: round(fitness, 2),
      fatigue: round(fatigue, 2),
      form: round(fitness - fatigue, 2),
    };
  }
  return out;
}
