export { RHR_TACHYCARDIA_BPM, RMSSD_VERY_LOW_MS } from './absolute.ts';
export { assessReadiness, readinessColor } from './assess.ts';
export {
  HRV_ROLLING_DAYS,
  HRV_SWC_SD,
  HRV_VERY_LOW_SD,
  lnRmssd,
  lnRmssdBaseline,
  lnRmssdRolling,
  type LnRmssdBaseline,
  type LnRmssdRolling,
} from './hrv.ts';
export {
  RHR_NOTABLE_RISE_BPM,
  RHR_STRONG_RISE_BPM,
  restingHrBaseline,
  type RestingHrBaseline,
} from './resting-hr.ts';
export { RECOMMENDED_SLEEP_HOURS, sleepIndex, sleepPenaltyFraction } from './sleep.ts';
export type {
  ReadinessBaselineSource,
  ReadinessBaselines,
  ReadinessInput,
  ReadinessSignal,
} from './types.ts';
export {
  READINESS_EVIDENCE_WEIGHT,
  READINESS_GREEN_MIN,
  READINESS_MAX_PENALTY,
  READINESS_YELLOW_MIN,
} from './weights.ts';
export { wellnessPenaltyFraction, type WellnessItem, type WellnessWorseEnd } from './wellness.ts';
