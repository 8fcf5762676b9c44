// Morning resting heart rate against the runner's baseline (Buchheit 2014: > ~5 bpm above is notable, > ~10 strong).
import type { DailyMetrics, Reason } from '@runningcoach/contracts';
import { dayNumber } from '../util/dates.ts';
import { requireFinite } from '../util/errors.ts';
import { clamp, mean, round } from '../util/math.ts';
import { BASELINE_WINDOW_DAYS, MIN_BASELINE_VALUES, priorDays, valuesBetween } from './history.ts';
import type { ReadinessBaselineSource, PriorDay, SignalAssessment } from './types.ts';
import { READINESS_MAX_PENALTY, RUNNER_BASELINE_PENALTY_SCALE } from './weights.ts';

// Buchheit (2014): a rise of more than ~5 bpm over baseline is notable, more than ~10 bpm strong.
export const RHR_NOTABLE_RISE_BPM = 5;
export const RHR_STRONG_RISE_BPM = 10;
// Confidence credit of a runner-entered resting HR relative to a measured baseline (design choice).
const RUNNER_BASELINE_EVIDENCE = 0.6;

export interface RestingHrBaseline {
  /** Mean morning resting HR, bpm. */
  mean: number;
  /** Personal readings in the 60-day window. */
  count: number;
  source: ReadinessBaselineSource;
}

export interface RestingHrAssessment extends SignalAssessment {
  signal: 'restingHr';
  /** More than 5 bpm above a personal baseline. */
  elevated: boolean;
  /** Where the baseline today's reading was judged against came from; null when there was none. */
  baselineSource: ReadinessBaselineSource | null;
}

/** Baseline from prepared prior days: mean of >= 14 readings in the 60 days before today, else the runner's value. */
export function restingHrBaselineFromPriorDays(
  days: readonly PriorDay[],
  todayDay: number,
  runnerRestingHr?: number,
): RestingHrBaseline | null {
  const values = valuesBetween(days, 'restingHr', todayDay - BASELINE_WINDOW_DAYS, todayDay - 1);
  if (values.length >= MIN_BASELINE_VALUES)
    return { mean: mean(values), count: values.length, source: 'personal' };
  if (runnerRestingHr != null) {
    requireFinite(runnerRestingHr, 'baselines.restingHr', 25, 150);
    return { mean: runnerRestingHr, count: values.length, source: 'runner' };
  }
  return null;
}

/** The resting-HR baseline for `today`: the 60-day personal mean, or the runner-entered value, or null. */
export function restingHrBaseline(
  history: readonly DailyMetrics[],
  today: string,
  runnerRestingHr?: number,
): RestingHrBaseline | null {
  return restingHrBaselineFromPriorDays(
    priorDays(history, today),
    dayNumber(today, 'today'),
    runnerRestingHr,
  );
}

/** Scores today's resting HR: no points up to +5 bpm, linear to the full weight at +10 bpm (Buchheit 2014). */
export function assessRestingHr(
  days: readonly PriorDay[],
  todayDay: number,
  todayRestingHr: number | undefined,
  runnerRestingHr?: number,
): RestingHrAssessment {
  const none: RestingHrAssessment = {
    signal: 'restingHr',
    evidence: 0,
    penalty: 0,
    blocksGreen: false,
    elevated: false,
    baselineSource: null,
    reasons: [],
  };
  if (todayRestingHr == null) return none;
  const baseline = restingHrBaselineFromPriorDays(days, todayDay, runnerRestingHr);
  if (!baseline) {
    const have = valuesBetween(days, 'restingHr', todayDay - BASELINE_WINDOW_DAYS, todayDay - 1).length;
    none.reasons.push({
      code: 'RHR_NO_BASELINE',
      message:
        `Resting HR is not scored yet: a baseline needs ${MIN_BASELINE_VALUES} mornings in the last ` +
        `${BASELINE_WINDOW_DAYS} days (you have ${have}) or a resting HR entered in your profile.`,
      data: { baselineDays: have, needed: MIN_BASELINE_VALUES },
    });
    return none;
  }
  const personal = baseline.source === 'personal';
  const delta = todayRestingHr - baseline.mean;
  const fraction = clamp((delta - RHR_NOTABLE_RISE_BPM) / (RHR_STRONG_RISE_BPM - RHR_NOTABLE_RISE_BPM), 0, 1);
  const penalty = READINESS_MAX_PENALTY.restingHr * (personal ? 1 : RUNNER_BASELINE_PENALTY_SCALE) * fraction;
  const reasons: Reason[] = [];
  if (penalty > 0) {
    const strength = delta >= RHR_STRONG_RISE_BPM ? 'strongly' : 'notably';
    const baselineText = personal ? 'your baseline' : 'the resting HR you entered,';
    reasons.push({
      code: 'RHR_ELEVATED',
      message:
        `Resting HR ${round(todayRestingHr)} bpm is ${round(delta, 1)} bpm above ${baselineText} ` +
        `${round(baseline.mean, 1)} bpm: ${strength} raised (over +${RHR_NOTABLE_RISE_BPM} is notable, ` +
        `+${RHR_STRONG_RISE_BPM} or more strong).`,
      data: {
        today: todayRestingHr,
        baseline: round(baseline.mean, 1),
        delta: round(delta, 1),
        threshold: RHR_NOTABLE_RISE_BPM,
        strongThreshold: RHR_STRONG_RISE_BPM,
        baselineSource: baseline.source,
        baselineDays: baseline.count,
        points: round(penalty, 1),
      },
    });
  }
  return {
    signal: 'restingHr',
    evidence: personal ? 1 : RUNNER_BASELINE_EVIDENCE,
    penalty,
    blocksGreen: personal && delta >= RHR_STRONG_RISE_BPM,
    elevated: personal && delta > RHR_NOTABLE_RISE_BPM,
    baselineSource: baseline.source,
    reasons,
  };
}
