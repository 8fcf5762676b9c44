// Rules that set the colour regardless of the summed score, applied as caps so the score always matches its colour.
import type { Reason } from '@runningcoach/contracts';
import { round } from '../util/math.ts';
import type { HrvAssessment } from './hrv.ts';
import type { RestingHrAssessment } from './resting-hr.ts';
import type { SignalAssessment } from './types.ts';
import { READINESS_GREEN_MIN, READINESS_YELLOW_MIN } from './weights.ts';

/** Highest score a red override leaves (the top of the red band). */
export const RED_CAP_SCORE = READINESS_YELLOW_MIN - 1;
/** Highest score when a signal at its worst keeps the day from green (the top of the yellow band). */
export const YELLOW_CAP_SCORE = READINESS_GREEN_MIN - 1;
/** Soreness 5/5 ("very sore") is red on its own (brief rule; may be injury rather than fatigue, Hooper & Mackinnon 1995). */
export const SEVERE_SORENESS = 5;

export interface OverrideInput {
  soreness: number | undefined;
  hrv: HrvAssessment;
  restingHr: RestingHrAssessment;
  signals: readonly SignalAssessment[];
}

export interface OverrideResult {
  score: number;
  reasons: Reason[];
}

/**
 * Red regardless: soreness 5/5, or HRV very far below a personal baseline together with a resting HR more than
 * 5 bpm up (Buchheit 2014: HRV falling while resting HR rises is the fatigue/illness pattern). Not green: any signal
 * at its worst (full weight lost, or this morning's HRV > 1.5 SD below a personal baseline).
 */
export function applyOverrides(score: number, input: OverrideInput): OverrideResult {
  const reasons: Reason[] = [];
  let capped = score;
  if (input.soreness === SEVERE_SORENESS) {
    capped = Math.min(capped, RED_CAP_SCORE);
    reasons.push({
      code: 'OVERRIDE_RED',
      message:
        'Red regardless of the other signals: soreness 5/5 can mean injury rather than ordinary fatigue.',
      data: { rule: 'SORENESS_SEVERE', scoreBefore: round(score), cap: RED_CAP_SCORE },
    });
  }
  if (input.hrv.veryLow && input.restingHr.elevated) {
    capped = Math.min(capped, RED_CAP_SCORE);
    reasons.push({
      code: 'OVERRIDE_RED',
      message:
        'Red regardless of the other signals: HRV far below your baseline and resting HR raised at the same ' +
        'time is the typical pattern of deep fatigue or oncoming illness.',
      data: { rule: 'HRV_DROP_WITH_RHR_ELEVATED', scoreBefore: round(score), cap: RED_CAP_SCORE },
    });
  }
  const worst = input.signals.filter((s) => s.blocksGreen).map((s) => s.signal);
  if (worst.length > 0 && capped > YELLOW_CAP_SCORE) {
    capped = YELLOW_CAP_SCORE;
    reasons.push({
      code: 'CAP_YELLOW',
      message: `Not green today: ${worst.join(', ')} ${worst.length > 1 ? 'are' : 'is'} at the worst end of your range.`,
      data: {
        rule: 'WORST_SIGNAL',
        signals: worst.join(','),
        scoreBefore: round(score),
        cap: YELLOW_CAP_SCORE,
      },
    });
  }
  return { score: capped, reasons };
}
