// How much of the wanted evidence was present, and the reasons that say so when it was thin.
import type { DailyMetrics, Reason } from '@runningcoach/contracts';
import { round } from '../util/math.ts';
import { BASELINE_WINDOW_DAYS, MIN_BASELINE_VALUES, valuesBetween } from './history.ts';
import type { PriorDay, SignalAssessment } from './types.ts';
import { READINESS_EVIDENCE_WEIGHT, THIN_DATA_CONFIDENCE } from './weights.ts';
import { WELLNESS_ITEMS } from './wellness.ts';

/** Confidence 0-1 = sum over signals of (evidence weight x share present), see READINESS_EVIDENCE_WEIGHT. */
export function readinessConfidence(signals: readonly SignalAssessment[]): number {
  let total = 0;
  for (const s of signals) total += READINESS_EVIDENCE_WEIGHT[s.signal] * s.evidence;
  // Rounded to 2 decimals; the weights sum to 1 so only float noise can push it past the ends.
  return Math.min(1, Math.max(0, round(total, 2)));
}

function gapText(
  label: string,
  evidence: number,
  readingToday: boolean,
  have: number,
  runner: boolean,
): string | null {
  if (evidence === 0 && !readingToday) return `no ${label} reading`;
  if (have >= MIN_BASELINE_VALUES) return null;
  const own = `${have}/${MIN_BASELINE_VALUES} mornings`;
  return runner
    ? `${label} compared with the value you entered (own baseline ${own})`
    : `${label} baseline still building (${own})`;
}

export interface EvidenceContext {
  metrics: DailyMetrics;
  days: readonly PriorDay[];
  todayDay: number;
  signals: readonly SignalAssessment[];
  runnerHrv: boolean;
  runnerRestingHr: boolean;
}

/**
 * THIN_DATA when confidence is under 0.5 or a device reading could not be judged against a personal baseline yet;
 * NO_DATA when nothing was usable (the day stays green at confidence 0: nothing argues against the plan).
 */
export function evidenceReasons(confidence: number, ctx: EvidenceContext): Reason[] {
  const from = ctx.todayDay - BASELINE_WINDOW_DAYS;
  const hrvDays = valuesBetween(ctx.days, 'hrvRmssd', from, ctx.todayDay - 1).length;
  const rhrDays = valuesBetween(ctx.days, 'restingHr', from, ctx.todayDay - 1).length;
  const answers = WELLNESS_ITEMS.filter((item) => ctx.metrics[item] != null).length;
  const sleepLogged = ctx.metrics.sleepDurationMinutes != null || ctx.metrics.sleepQuality != null;
  const data = {
    confidence,
    hrvBaselineDays: hrvDays,
    restingHrBaselineDays: rhrDays,
    neededBaselineDays: MIN_BASELINE_VALUES,
    answers,
    sleepLogged,
  };
  if (confidence === 0) {
    return [
      {
        code: 'NO_DATA',
        message:
          'No check-in, sleep or heart data to judge today: nothing says hold back, but nothing confirms you are ' +
          'ready either. Answer the morning questions for a real assessment.',
        data,
      },
    ];
  }
  const hrvToday = ctx.metrics.hrvRmssd != null;
  const rhrToday = ctx.metrics.restingHr != null;
  const building = (hrvToday && hrvDays < MIN_BASELINE_VALUES) || (rhrToday && rhrDays < MIN_BASELINE_VALUES);
  if (confidence >= THIN_DATA_CONFIDENCE && !building) return [];
  const evidenceOf = (signal: SignalAssessment['signal']): number =>
    ctx.signals.find((x) => x.signal === signal)?.evidence ?? 0;
  const gaps = [
    gapText('HRV', evidenceOf('hrv'), hrvToday, hrvDays, ctx.runnerHrv),
    gapText('resting HR', evidenceOf('restingHr'), rhrToday, rhrDays, ctx.runnerRestingHr),
    sleepLogged ? null : 'no sleep logged',
    answers < WELLNESS_ITEMS.length ? `${answers} of ${WELLNESS_ITEMS.length} wellness answers` : null,
  ].filter((g): g is string => g !== null);
  return [
    {
      code: 'THIN_DATA',
      message:
        `Based on limited data (confidence ${confidence.toFixed(2)}): ${gaps.join('; ')}. ` +
        'Today leans on how you say you feel.',
      data,
    },
  ];
}
