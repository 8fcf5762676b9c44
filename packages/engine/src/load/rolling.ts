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
  /**
   * acute / chronic; null until the chronic load means something. Without a seed the ratio uses the bias-corrected
   * EWMAs (see rollingLoad), so steady training reads 1.0; `acute` and `chronic` stay the raw Williams EWMAs.
   */
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

/** Largest accepted daily load (arbitrary units; far above any real day, so only typos and unit mix-ups fail). */
const MAX_DAILY_LOAD = 100_000;

function validateSeed(seed: NonNullable<RollingLoadOptions['seed']>): void {
  if (seed === null || typeof seed !== 'object') {
    throw new EngineError('INVALID_INPUT', 'options.seed', 'options.seed must be an object');
  }
  requireFinite(seed.acute, 'options.seed.acute', 0, MAX_DAILY_LOAD);
  requireFinite(seed.chronic, 'options.seed.chronic', 0, MAX_DAILY_LOAD);
  if (seed.fitness !== undefined) requireFinite(seed.fitness, 'options.seed.fitness', 0, MAX_DAILY_LOAD);
  if (seed.fatigue !== undefined) requireFinite(seed.fatigue, 'options.seed.fatigue', 0, MAX_DAILY_LOAD);
}

/** A week of identical non-zero loads has SD 0: report it as this (very monotonous) rather than infinity. */
export const MONOTONY_CAP = 10;

/**
 * Daily load model. Acute/chronic are EWMAs with λ = 2/(N+1) (Williams et al. 2017, Br J Sports Med
 * 51:209); fitness/fatigue use the exponential decay e^(-1/τ) of Banister's model (τ 42/7, as in Coggan's
 * Performance Manager); monotony and strain after Foster (1998). One pass, O(days).
 * Unseeded EWMAs start at 0 and read low for weeks (steady training would show ACWR 1.28 on day 21), so the ratio
 * divides each by 1 - (1-λ)^t for t days of history, the zero-initialised EWMA bias correction of Kingma & Ba (2015).
 * Throws EngineError naming the field (`dailyLoads[3].load`, `options.seed.acute`, ...).
 */
export function rollingLoad(
  dailyLoads: readonly DailyLoad[],
  options: RollingLoadOptions = {},
): RollingLoadDay[] {
  if (!Array.isArray(dailyLoads)) {
    throw new EngineError('INVALID_INPUT', 'dailyLoads', 'dailyLoads must be an array');
  }
  if (options === null || typeof options !== 'object') {
    throw new EngineError('INVALID_INPUT', 'options', 'options must be an object');
  }
  const acuteDays = requireFinite(options.acuteDays ?? 7, 'options.acuteDays', 1, 365);
  const chronicDays = requireFinite(options.chronicDays ?? 28, 'options.chronicDays', 1, 365);
  const minHistory = options.minHistoryDays ?? 21;
  if (typeof minHistory !== 'number' || !Number.isInteger(minHistory) || minHistory < 0) {
    throw new EngineError(
      'INVALID_NUMBER',
      'options.minHistoryDays',
      `options.minHistoryDays must be a whole number >= 0, got ${String(minHistory)}`,
    );
  }
  const seed = options.seed;
  if (seed !== undefined) validateSeed(seed);

  let first = Infinity;
  let last = -Infinity;
  const days = new Float64Array(dailyLoads.length);
  for (let i = 0; i < dailyLoads.length; i++) {
    const d = dailyLoads[i];
    if (d == null || typeof d !== 'object') {
      throw new EngineError('INVALID_INPUT', `dailyLoads[${i}]`, `dailyLoads[${i}] must be an object`);
    }
    const n = dayNumber(d.date, `dailyLoads[${i}].date`);
    const l = d.load;
    // Fast path for the common valid case; requireFinite names the field for anything else ('50', null, true, NaN).
    if (typeof l !== 'number' || !(l >= 0 && l <= MAX_DAILY_LOAD)) {
      requireFinite(l, `dailyLoads[${i}].load`, 0, MAX_DAILY_LOAD);
    }
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

  let acute = seed?.acute ?? 0;
  let chronic = seed?.chronic ?? 0;
  let fitness = seed?.fitness ?? seed?.chronic ?? 0;
  let fatigue = seed?.fatigue ?? seed?.acute ?? 0;
  const seeded = seed !== undefined && seed.chronic > 0;
  // Both EWMAs start at 0 (no seed): they are biased low by the weight still on that 0, (1-λ)^t after t days.
  const zeroStart = !seeded && acute === 0;
  let decayA = 1;
  let decayC = 1;

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
    decayA *= 1 - la;
    decayC *= 1 - lc;

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
    // Zero-initialised EWMA bias correction EWMA_t / (1 - (1-λ)^t) (Kingma & Ba 2015, "Adam", §3): steady load
    // reads ACWR 1.0 from the start. Reported acute/chronic/TSB use the same corrected values so they add up.
    const a = zeroStart ? acute / (1 - decayA) : acute;
    const c = zeroStart ? chronic / (1 - decayC) : chronic;
    out[i] = {
      date: dateFromDayNumber(n),
      load: round(load, 2),
      acute: round(a, 2),
      chronic: round(c, 2),
      acwr: history >= minHistory && c > 1e-6 ? round(a / c, 3) : null,
      tsb: round(c - a, 2),
      monotony: monotony === null ? null : round(monotony, 3),
      strain: monotony === null ? 0 : round(sum * monotony, 1),
      fitness: round(fitness, 2),
      fatigue: round(fatigue, 2),
      form: round(fitness - fatigue, 2),
    };
  }
  return out;
}
