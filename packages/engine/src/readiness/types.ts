import type { DailyMetrics, Reason } from '@runningcoach/contracts';

/** Baselines the runner typed in (e.g. at onboarding); used only while their own history is too thin. */
export interface ReadinessBaselines {
  /** bpm */
  restingHr?: number;
  /** rMSSD in ms */
  hrvRmssd?: number;
}

export interface ReadinessInput {
  /** The runner's local calendar day, YYYY-MM-DD. */
  today: string;
  /** Today's check-in; its date must be `today`. */
  metrics: DailyMetrics;
  /** Earlier days in any order, possibly empty or sparse; entries dated on/after `today` are ignored. */
  history: readonly DailyMetrics[];
  baselines?: ReadinessBaselines;
}

export type ReadinessSignal =
  'hrv' | 'restingHr' | 'sleep' | 'soreness' | 'stress' | 'mood' | 'morningReadiness';

/** Where a baseline came from: the runner's own recent readings, or the value they entered. */
export type ReadinessBaselineSource = 'personal' | 'runner';

/** What one signal contributes to the day's readiness. */
export interface SignalAssessment {
  signal: ReadinessSignal;
  /** 0-1: share of the evidence wanted for this signal that was actually present. */
  evidence: number;
  /** Points taken off the 100-point score. */
  penalty: number;
  /** The signal is at its worst on a trusted scale, so the day cannot be green. */
  blocksGreen: boolean;
  reasons: Reason[];
}

/** A prior day's objective readings after validation, with same-day duplicates merged. */
export interface PriorDay {
  date: string;
  /** Days since 1970-01-01. */
  day: number;
  restingHr?: number;
  hrvRmssd?: number;
}
