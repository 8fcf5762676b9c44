// Heart-rate variability: ln(rMSSD) against the runner's rolling baseline (Plews et al. 2012, 2013; Kiviniemi et al. 2007).
import type { DailyMetrics, Reason } from '@runningcoach/contracts';
import { dayNumber } from '../util/dates.ts';
import { requireFinite } from '../util/errors.ts';
import { clamp, mean, round, stdDev } from '../util/math.ts';
import { BASELINE_WINDOW_DAYS, MIN_BASELINE_VALUES, priorDays, valuesBetween } from './history.ts';
import type { ReadinessBaselineSource, PriorDay, SignalAssessment } from './types.ts';
import { READINESS_MAX_PENALTY, RUNNER_BASELINE_PENALTY_SCALE } from './weights.ts';

// Plews et al. (2012, 2013): trends are read from the 7-day rolling mean of lnRMSSD, not single days.
export const HRV_ROLLING_DAYS = 7;
// Plews et al. (2014): at least 3 valid mornings per week make the weekly mean valid.
export const MIN_ROLLING_VALUES = 3;
// Smallest worthwhile change = 0.5 x the baseline SD of lnRMSSD (Plews et al. 2012; Buchheit 2014).
export const HRV_SWC_SD = 0.5;
// Design choice: the 7-day mean costs the full HRV weight at 1.5 SD (3 x the SWC) below baseline.
export const HRV_7D_FULL_PENALTY_SD = 1.5;
// Single mornings are noisy (Plews et al. 2012), so today alone starts to count only 1 SD below and fully at 2 SD.
export const HRV_TODAY_ALERT_SD = 1;
export const HRV_TODAY_FULL_PENALTY_SD = 2;
/** Below mean - 1.5 SD (7-day or today), i.e. 3 x the SWC, counts as a very large drop (design choice). */
export const HRV_VERY_LOW_SD = 1.5;
// Far above baseline can be parasympathetic saturation under heavy load (Plews et al. 2012; Le Meur et al. 2013).
export const HRV_HIGH_SD = 1.5;
// Assumed day-to-day SD of lnRMSSD when only a runner-entered baseline exists (design assumption, no spread known yet).
export const ASSUMED_LN_RMSSD_SD = 0.25;
// Numerical floor on the SD so identical readings cannot make any change look infinite (design guard).
const SD_FLOOR = 0.05;
// Confidence credit: a reading today plus a valid 7-day mean is full evidence, either alone 0.7 (design choice).
const PARTIAL_READING_EVIDENCE = 0.7;
// Confidence credit of a runner-entered baseline relative to a measured one (design choice).
const RUNNER_BASELINE_EVIDENCE = 0.5;

export interface LnRmssdBaseline {
  /** Mean lnRMSSD (ln of ms). */
  mean: number;
  /** SD of daily lnRMSSD (population SD, floored at 0.05); assumed 0.25 for a runner-entered baseline. */
  sd: number;
  /** Personal readings in the 60-day window. */
  count: number;
  source: ReadinessBaselineSource;
}

export interface LnRmssdRolling {
  /** Mean lnRMSSD over the 7 days ending today. */
  mean: number;
  /** Readings in the window (3-7). */
  count: number;
}

export interface HrvAssessment extends SignalAssessment {
  signal: 'hrv';
  /** 7-day mean or today's value more than 1.5 SD below a personal baseline. */
  veryLow: boolean;
  /** Where the baseline the reading was judged against came from; null when there was none. */
  baselineSource: ReadinessBaselineSource | null;
}

/** Natural log of rMSSD in ms (Plews et al. 2012: the log makes day-to-day changes near-normal). */
export function lnRmssd(rmssdMs: number): number {
  requireFinite(rmssdMs, 'hrvRmssd', 3, 300);
  return Math.log(rmssdMs);
}

/** Baseline from already-prepared prior days: personal if >= 14 readings in the 60 days before today. */
export function baselineFromPriorDays(
  days: readonly PriorDay[],
  todayDay: number,
  runnerRmssd?: number,
): LnRmssdBaseline | null {
  const values = valuesBetween(days, 'hrvRmssd', todayDay - BASELINE_WINDOW_DAYS, todayDay - 1).map(Math.log);
  if (values.length >= MIN_BASELINE_VALUES) {
    return {
      mean: mean(values),
      sd: Math.max(stdDev(values), SD_FLOOR),
      count: values.length,
      source: 'personal',
    };
  }
  if (runnerRmssd != null) {
    requireFinite(runnerRmssd, 'baselines.hrvRmssd', 3, 300);
    return { mean: Math.log(runnerRmssd), sd: ASSUMED_LN_RMSSD_SD, count: values.length, source: 'runner' };
  }
  return null;
}

/**
 * The lnRMSSD baseline for `today`: mean and SD of the readings in the 60 days before it (Plews et al. 2013), or
 * the runner-entered rMSSD while fewer than 14 readings exist, or null.
 */
export function lnRmssdBaseline(
  history: readonly DailyMetrics[],
  today: string,
  runnerRmssd?: number,
): LnRmssdBaseline | null {
  return baselineFromPriorDays(priorDays(history, today), dayNumber(today, 'today'), runnerRmssd);
}

/** 7-day rolling mean from prepared prior days plus today's reading; null with fewer than 3 readings. */
export function rollingFromPriorDays(
  days: readonly PriorDay[],
  todayDay: number,
  todayRmssd?: number,
): LnRmssdRolling | null {
  const values = valuesBetween(days, 'hrvRmssd', todayDay - HRV_ROLLING_DAYS + 1, todayDay - 1).map(Math.log);
  if (todayRmssd != null) values.push(lnRmssd(todayRmssd));
  if (values.length < MIN_ROLLING_VALUES) return null;
  return { mean: mean(values), count: values.length };
}

/** The 7-day rolling mean of lnRMSSD including today's reading (Plews et al. 2012), or null below 3 readings. */
export function lnRmssdRolling(
  history: readonly DailyMetrics[],
  today: string,
  todayRmssd?: number,
): LnRmssdRolling | null {
  return rollingFromPriorDays(priorDays(history, today), dayNumber(today, 'today'), todayRmssd);
}

const r2 = (x: number | null): number | null => (x === null ? null : round(x, 2));

/** Scores HRV: the 7-day mean and today's value, each as SDs from the baseline. */
export function assessHrv(
  days: readonly PriorDay[],
  todayDay: number,
  todayRmssd: number | undefined,
  runnerRmssd?: number,
): HrvAssessment {
  const baseline = baselineFromPriorDays(days, todayDay, runnerRmssd);
  const rolling = rollingFromPriorDays(days, todayDay, todayRmssd);
  const lnToday = todayRmssd == null ? null : lnRmssd(todayRmssd);
  const none: HrvAssessment = {
    signal: 'hrv',
    evidence: 0,
    penalty: 0,
    blocksGreen: false,
    veryLow: false,
    baselineSource: null,
    reasons: [],
  };
  if (lnToday === null && rolling === null) return none;
  if (!baseline) {
    const have = valuesBetween(days, 'hrvRmssd', todayDay - BASELINE_WINDOW_DAYS, todayDay - 1).length;
    none.reasons.push({
      code: 'HRV_NO_BASELINE',
      message:
        `HRV is not scored yet: a personal baseline needs ${MIN_BASELINE_VALUES} mornings in the last ` +
        `${BASELINE_WINDOW_DAYS} days and you have ${have}.`,
      data: { baselineDays: have, needed: MIN_BASELINE_VALUES },
    });
    return none;
  }

  const personal = baseline.source === 'personal';
  const z7 = rolling ? (rolling.mean - baseline.mean) / baseline.sd : null;
  const zToday = lnToday === null ? null : (lnToday - baseline.mean) / baseline.sd;
  // Linear from the SWC (0.5 SD below) to 1.5 SD below for the 7-day mean (Plews et al. 2012 SWC band).
  const f7 = z7 === null ? 0 : clamp((-z7 - HRV_SWC_SD) / (HRV_7D_FULL_PENALTY_SD - HRV_SWC_SD), 0, 1);
  // Linear from 1 SD to 2 SD below for a single morning (design choice, single days are noisier).
  const fToday =
    zToday === null
      ? 0
      : clamp((-zToday - HRV_TODAY_ALERT_SD) / (HRV_TODAY_FULL_PENALTY_SD - HRV_TODAY_ALERT_SD), 0, 1);
  const fraction = Math.max(f7, fToday);
  const maxPoints = READINESS_MAX_PENALTY.hrv * (personal ? 1 : RUNNER_BASELINE_PENALTY_SCALE);
  const penalty = maxPoints * fraction;
  const todayVeryLow = zToday !== null && zToday < -HRV_VERY_LOW_SD;
  const veryLow = personal && ((z7 !== null && z7 < -HRV_VERY_LOW_SD) || todayVeryLow);
  const readingEvidence = lnToday !== null && rolling !== null ? 1 : PARTIAL_READING_EVIDENCE;
  const evidence = readingEvidence * (personal ? 1 : RUNNER_BASELINE_EVIDENCE);

  const baselineText = personal
    ? `your ${BASELINE_WINDOW_DAYS}-day baseline ${baseline.mean.toFixed(2)}`
    : `the baseline you entered ${baseline.mean.toFixed(2)} (${runnerRmssd} ms)`;
  const data = {
    lnRmssd7d: r2(rolling ? rolling.mean : null),
    rollingDays: rolling ? rolling.count : 0,
    lnRmssdToday: r2(lnToday),
    rmssdToday: todayRmssd ?? null,
    baselineMean: round(baseline.mean, 2),
    baselineSd: round(baseline.sd, 3),
    baselineSource: baseline.source,
    baselineDays: baseline.count,
    z7d: r2(z7),
    zToday: r2(zToday),
    points: round(penalty, 1),
  };
  const reasons: Reason[] = [];
  if (penalty > 0) {
    if (f7 >= fToday && z7 !== null && rolling) {
      reasons.push({
        code: 'HRV_BELOW_BASELINE',
        message:
          `HRV 7-day average ${rolling.mean.toFixed(2)} (ln rMSSD) is ${(-z7).toFixed(1)} SD below ${baselineText}; ` +
          `more than ${HRV_SWC_SD} SD is a worthwhile drop.`,
        data: { ...data, threshold: -HRV_SWC_SD },
      });
    } else if (zToday !== null && lnToday !== null) {
      reasons.push({
        code: 'HRV_DROP_TODAY',
        message:
          `This morning's HRV ${round(todayRmssd ?? 0, 1)} ms (ln ${lnToday.toFixed(2)}) is ${(-zToday).toFixed(1)} SD below ` +
          `${baselineText}.`,
        data: { ...data, threshold: -HRV_TODAY_ALERT_SD },
      });
    }
  }
  if (z7 !== null && rolling && z7 > HRV_HIGH_SD) {
    reasons.push({
      code: 'HRV_ABOVE_BASELINE',
      message:
        `HRV 7-day average ${rolling.mean.toFixed(2)} is ${z7.toFixed(1)} SD above ${baselineText}: usually good ` +
        'recovery, but under heavy training an unusually high HRV can also be a sign of fatigue.',
      data: { ...data, points: 0, threshold: HRV_HIGH_SD },
    });
  }
  return {
    signal: 'hrv',
    evidence,
    penalty,
    blocksGreen: personal && (fraction >= 1 || todayVeryLow),
    veryLow,
    baselineSource: baseline.source,
    reasons,
  };
}
