// assessReadiness: today's check-in and recent history into a green/yellow/red readiness with its reasons.
import type { Readiness, ReadinessColor, Reason } from '@runningcoach/contracts';
import { dayNumber } from '../util/dates.ts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { clamp, round } from '../util/math.ts';
import { applyAbsoluteChecks } from './absolute.ts';
import { evidenceReasons, readinessConfidence } from './confidence.ts';
import { priorDays, validateDailyMetrics } from './history.ts';
import { assessHrv } from './hrv.ts';
import { applyOverrides } from './overrides.ts';
import { assessRestingHr } from './resting-hr.ts';
import { assessSleep } from './sleep.ts';
import type { ReadinessInput, SignalAssessment } from './types.ts';
import { READINESS_GREEN_MIN, NO_DATA_SCORE, READINESS_YELLOW_MIN } from './weights.ts';
import { assessWellness } from './wellness.ts';

/** Colour band of a 0-100 score: green >= 75, yellow 40-74, red < 40 (see weights.ts). */
export function readinessColor(score: number): ReadinessColor {
  requireFinite(score, 'score', 0, 100);
  return score >= READINESS_GREEN_MIN ? 'green' : score >= READINESS_YELLOW_MIN ? 'yellow' : 'red';
}

function validateInput(input: ReadinessInput): void {
  if (input == null || typeof input !== 'object') {
    throw new EngineError('INVALID_INPUT', 'input', 'input must be an object');
  }
  dayNumber(input.today, 'today');
  validateDailyMetrics(input.metrics, 'metrics');
  if (!Array.isArray(input.history)) {
    throw new EngineError('INVALID_INPUT', 'history', 'history must be an array (empty when there is none)');
  }
  if (input.metrics.date !== input.today) {
    throw new EngineError(
      'DATE_MISMATCH',
      'metrics.date',
      `metrics.date must be today's date ${input.today}, got ${input.metrics.date}`,
    );
  }
  const b = input.baselines;
  if (b != null) {
    if (typeof b !== 'object')
      throw new EngineError('INVALID_INPUT', 'baselines', 'baselines must be an object');
    if (b.restingHr != null) requireFinite(b.restingHr, 'baselines.restingHr', 25, 150);
    if (b.hrvRmssd != null) requireFinite(b.hrvRmssd, 'baselines.hrvRmssd', 3, 300);
  }
}

/** Reasons that moved the score first (largest first), then informational ones, each group in signal order. */
function signalReasons(signals: readonly SignalAssessment[]): Reason[] {
  const moving: { points: number; reason: Reason }[] = [];
  const info: Reason[] = [];
  for (const s of signals) {
    for (const reason of s.reasons) {
      const points = reason.data?.points;
      if (typeof points === 'number' && points > 0) moving.push({ points, reason });
      else info.push(reason);
    }
  }
  moving.sort((a, b) => b.points - a.points);
  return [...moving.map((m) => m.reason), ...info];
}

/**
 * Today's readiness to train. Score = 100 minus the points each signal loses (READINESS_MAX_PENALTY x how far it is from
 * normal: HRV vs. a 60-day lnRMSSD baseline, resting HR vs. baseline, quality-adjusted sleep vs. 7 h, and the four
 * wellness answers vs. "normal"), then capped by the override rules; colour from the score bands; confidence from
 * how much of the wanted evidence was present. With nothing usable: score 100, green, confidence 0, and NO_DATA (or
 * NO_BASELINE when heart readings came in but there is no baseline to judge them yet). Without a personal baseline a
 * resting HR >= 100 bpm or an rMSSD < 10 ms still caps the day at yellow (absolute.ts).
 * Throws EngineError naming the field: `input`, `today`, `metrics`, `metrics.soreness`, `history`, `history[3].date`, ...
 */
export function assessReadiness(input: ReadinessInput): Readiness {
  validateInput(input);
  const { today, metrics } = input;
  const todayDay = dayNumber(today, 'today');
  const days = priorDays(input.history, today);
  const runnerHrv = input.baselines?.hrvRmssd ?? undefined;
  const runnerRhr = input.baselines?.restingHr ?? undefined;

  const hrv = assessHrv(days, todayDay, metrics.hrvRmssd ?? undefined, runnerHrv);
  const restingHr = assessRestingHr(days, todayDay, metrics.restingHr ?? undefined, runnerRhr);
  const sleep = assessSleep(metrics.sleepDurationMinutes ?? undefined, metrics.sleepQuality ?? undefined);
  const signals: SignalAssessment[] = [hrv, restingHr, sleep, ...assessWellness(metrics)];

  const confidence = readinessConfidence(signals);
  const evidence = evidenceReasons(confidence, {
    metrics,
    days,
    todayDay,
    signals,
    runnerHrv: runnerHrv != null,
    runnerRestingHr: runnerRhr != null,
  });
  const absoluteInput = {
    restingHr: metrics.restingHr ?? undefined,
    hrvRmssd: metrics.hrvRmssd ?? undefined,
    hrv,
    restingHrSignal: restingHr,
  };
  if (confidence === 0) {
    // Nothing could be scored, but a reading far outside the healthy range still keeps the day from green.
    const absolute = applyAbsoluteChecks(NO_DATA_SCORE, absoluteInput);
    return {
      color: readinessColor(absolute.score),
      score: absolute.score,
      confidence,
      reasons: [...absolute.reasons, ...signalReasons(signals), ...evidence],
    };
  }

  let penalty = 0;
  for (const s of signals) penalty += s.penalty;
  const raw = clamp(100 - penalty, 0, 100);
  const overridden = applyOverrides(raw, {
    soreness: metrics.soreness ?? undefined,
    hrv,
    restingHr,
    signals,
  });
  const absolute = applyAbsoluteChecks(overridden.score, absoluteInput);
  const score = round(absolute.score);
  const reasons = [...overridden.reasons, ...absolute.reasons, ...signalReasons(signals), ...evidence];
  // Not "all normal" when an absolute limit fired: that reading is outside the healthy range.
  if (penalty === 0 && absolute.reasons.length === 0) {
    const checked = signals.filter((s) => s.evidence > 0).map((s) => s.signal);
    reasons.push({
      code: 'ALL_NORMAL',
      message: `Everything you logged is within your normal range (${checked.join(', ')}).`,
      data: { signals: checked.join(','), count: checked.length },
    });
  }
  return { color: readinessColor(score), score, confidence, reasons };
}
