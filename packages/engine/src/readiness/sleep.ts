// Last night's sleep as one quality-adjusted duration, against the adult 7 h minimum (Watson et al. 2015, AASM/SRS).
import type { Reason } from '@runningcoach/contracts';
import { requireFinite } from '../util/errors.ts';
import { clamp, round } from '../util/math.ts';
import type { SignalAssessment } from './types.ts';
import { READINESS_MAX_PENALTY } from './weights.ts';

// Watson et al. (2015) AASM/SRS consensus: adults need at least 7 h (7-9 h); athletes may need more, so no upper cap.
export const RECOMMENDED_SLEEP_HOURS = 7;
// Van Dongen et al. (2003): 4 h a night was their severe-restriction condition; at or below it sleep costs the full weight.
export const SEVERE_SHORT_SLEEP_HOURS = 4;
// McLean et al. (2010) wellness scale anchors 3 as "normal"; ratings below it discount the hours slept.
export const NORMAL_SLEEP_QUALITY = 3;
// Confidence credit when only one of duration or quality was given (design choice).
const PARTIAL_SLEEP_EVIDENCE = 0.5;

/**
 * Sleep index = hours x min(1, quality / 3): quality-adjusted hours of sleep. A night rated "normal" (3/5) or better
 * counts at face value, 2/5 counts two thirds, 1/5 one third (McLean et al. 2010 anchors; design choice that a great
 * rating cannot make up for short sleep). A missing duration is taken as the recommended 7 h and a missing quality as
 * normal, so only what was given moves the index. Null when neither was given.
 */
export function sleepIndex(durationMinutes?: number, quality?: number): number | null {
  if (durationMinutes == null && quality == null) return null;
  const hours =
    durationMinutes == null
      ? RECOMMENDED_SLEEP_HOURS
      : requireFinite(durationMinutes, 'sleepDurationMinutes', 0, 24 * 60) / 60;
  const q = quality == null ? NORMAL_SLEEP_QUALITY : requireFinite(quality, 'sleepQuality', 1, 5);
  return hours * Math.min(1, q / NORMAL_SLEEP_QUALITY);
}

/** Share of the sleep weight lost: 0 at >= 7 index-hours, linear to 1 at <= 4 (Watson 2015; Van Dongen 2003). */
export function sleepPenaltyFraction(index: number): number {
  return clamp(
    (RECOMMENDED_SLEEP_HOURS - index) / (RECOMMENDED_SLEEP_HOURS - SEVERE_SHORT_SLEEP_HOURS),
    0,
    1,
  );
}

export function assessSleep(durationMinutes?: number, quality?: number): SignalAssessment {
  const index = sleepIndex(durationMinutes, quality);
  if (index === null) return { signal: 'sleep', evidence: 0, penalty: 0, blocksGreen: false, reasons: [] };
  const fraction = sleepPenaltyFraction(index);
  const penalty = READINESS_MAX_PENALTY.sleep * fraction;
  const hours = durationMinutes == null ? null : durationMinutes / 60;
  const reasons: Reason[] = [];
  if (penalty > 0) {
    const data = {
      hours: hours === null ? null : round(hours, 1),
      quality: quality ?? null,
      sleepIndex: round(index, 1),
      recommendedHours: RECOMMENDED_SLEEP_HOURS,
      points: round(penalty, 1),
    };
    const qualityText = quality == null ? '' : ` (quality ${quality}/5)`;
    if (hours !== null && hours < RECOMMENDED_SLEEP_HOURS) {
      reasons.push({
        code: 'SLEEP_SHORT',
        message:
          `You slept ${round(hours, 1)} h${qualityText}, which counts as ${round(index, 1)} h against the ` +
          `${RECOMMENDED_SLEEP_HOURS} h adults need at least.`,
        data,
      });
    } else {
      const slept = hours === null ? 'Your sleep' : `Your ${round(hours, 1)} h of sleep`;
      reasons.push({
        code: 'SLEEP_POOR',
        message:
          `${slept} was rated ${quality}/5, below normal: it counts as ${round(index, 1)} h against the ` +
          `${RECOMMENDED_SLEEP_HOURS} h adults need at least.`,
        data,
      });
    }
  }
  return {
    signal: 'sleep',
    evidence: durationMinutes != null && quality != null ? 1 : PARTIAL_SLEEP_EVIDENCE,
    penalty,
    blocksGreen: fraction >= 1,
    reasons,
  };
}
