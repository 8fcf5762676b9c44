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
 * NO_BASELINE when nothing was usable but heart readings came in (listing them); NO_DATA when nothing came in at all.
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
  const hrvRmssd = ctx.metrics.hrvRmssd ?? null;
  const restingHr = ctx.metrics.restingHr ?? null;
  if (confidence === 0 && (hrvRmssd !== null || restingHr !== null)) {
    // Readings arrived but none could be scored: say what came in, rather than "no heart data".
    const received: string[] = [];
    const progress: string[] = [];
    if (hrvRmssd !== null) {
      received.push(`HRV ${round(hrvRmssd, 1)} ms`);
      progress.push(`HRV ${hrvDays}/${MIN_BASELINE_VALUES}`);
    }
    if (restingHr !== null) {
      received.push(`resting HR ${round(restingHr)} bpm`);
      progress.push(`resting HR ${rhrDays}/${MIN_BASELINE_VALUES}`);
    }
    return [
      {
        code: 'NO_BASELINE',
        message:
          `Received ${received.join(' and ')}, but they cannot be judged yet: there is no baseline to compare ` +
          `them with (mornings so far: ${progress.join(', ')}; or enter your usual values in your profile). ` +
          'Answer the morning questions for a real assessment today.',
        data: {
          ...data,
          received: [hrvRmssd !== null ? 'hrvRmssd' : null, restingHr !== null ? 'restingHr' : null]
            .filter((x) => x !== null)
            .join(','),
          hrvRmssd,
          restingHr,
        },
      },
    ];
  }
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
  const hrvToday = hrvRmssd !== null;
  const rhrToday = restingHr !== null;
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
