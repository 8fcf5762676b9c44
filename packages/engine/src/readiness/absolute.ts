// Absolute sanity limits for heart readings that cannot yet be judged against the runner's own baseline.
import type { Reason } from '@runningcoach/contracts';
import { round } from '../util/math.ts';
import type { HrvAssessment } from './hrv.ts';
import { YELLOW_CAP_SCORE } from './overrides.ts';
import type { RestingHrAssessment } from './resting-hr.ts';

// American Heart Association, "Tachycardia: fast heart rate": a resting heart rate over 100 bpm is tachycardia
// (taken here as 100 inclusive, one beat on the cautious side).
export const RHR_TACHYCARDIA_BPM = 100;
// Nunan, Sandercock & Brodie (2010) PACE 33:1407: short-term rMSSD in healthy adults 42 +/- 15 ms, normal range
// 19-75 ms; under 10 ms is far below it (design limit: about half the lower end of that range).
export const RMSSD_VERY_LOW_MS = 10;

export interface AbsoluteCheckInput {
  /** Today's readings, already validated. */
  restingHr: number | undefined;
  hrvRmssd: number | undefined;
  hrv: HrvAssessment;
  restingHrSignal: RestingHrAssessment;
}

export interface AbsoluteCheckResult {
  score: number;
  reasons: Reason[];
}

/**
 * Caps the day at yellow when a reading is outside the healthy adult range and there is no personal baseline to
 * judge it against (no baseline at all, or only a value the runner typed in): resting HR >= 100 bpm
 * (RHR_VERY_HIGH_ABSOLUTE) or rMSSD < 10 ms (HRV_VERY_LOW_ABSOLUTE). With a personal baseline the relative rules
 * in hrv.ts / resting-hr.ts decide instead, so a runner whose own normal is low is not flagged every morning.
 */
export function applyAbsoluteChecks(score: number, input: AbsoluteCheckInput): AbsoluteCheckResult {
  const reasons: Reason[] = [];
  const { restingHr, hrvRmssd } = input;
  const cap = (s: number) => Math.min(s, YELLOW_CAP_SCORE);
  if (
    restingHr !== undefined &&
    restingHr >= RHR_TACHYCARDIA_BPM &&
    input.restingHrSignal.baselineSource !== 'personal'
  ) {
    reasons.push({
      code: 'RHR_VERY_HIGH_ABSOLUTE',
      message:
        `Resting HR ${round(restingHr)} bpm is ${RHR_TACHYCARDIA_BPM} or more, the range the American Heart ` +
        'Association calls tachycardia, and there is no baseline of yours to compare it with: not green today. ' +
        'Re-measure lying still; if it stays this high at rest, or comes with dizziness or chest pain, see a doctor.',
      data: {
        restingHr,
        threshold: RHR_TACHYCARDIA_BPM,
        baselineSource: input.restingHrSignal.baselineSource,
        scoreBefore: round(score),
        cap: YELLOW_CAP_SCORE,
      },
    });
  }
  if (hrvRmssd !== undefined && hrvRmssd < RMSSD_VERY_LOW_MS && input.hrv.baselineSource !== 'personal') {
    reasons.push({
      code: 'HRV_VERY_LOW_ABSOLUTE',
      message:
        `HRV ${round(hrvRmssd, 1)} ms (rMSSD) is below ${RMSSD_VERY_LOW_MS} ms, far under the 19-75 ms usual in ` +
        'healthy adults, and there is no baseline of yours to compare it with: not green today. A poor recording ' +
        'can also cause this, so re-measure at rest tomorrow.',
      data: {
        hrvRmssd,
        threshold: RMSSD_VERY_LOW_MS,
        baselineSource: input.hrv.baselineSource,
        scoreBefore: round(score),
        cap: YELLOW_CAP_SCORE,
      },
    });
  }
  return { score: reasons.length > 0 ? cap(score) : score, reasons };
}
