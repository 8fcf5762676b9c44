// Weights and thresholds that turn signals into one readiness score. Design choices, documented here in one place;
// each signal's own file names the source of its curve.
import type { ReadinessSignal } from './types.ts';

/**
 * Points each signal can take off the 100-point score when it is at its worst. Subjective items together (110) outweigh
 * the objective markers (70) because they respond to load more consistently (Saw, Main & Gastin 2016); HRV is the
 * heaviest single marker (Plews et al. 2013). No single signal can turn the day red through the score alone (all
 * <= 40); a signal at its worst makes it yellow through the cap in overrides.ts, several together reach red.
 */
export const READINESS_MAX_PENALTY: Readonly<Record<ReadinessSignal, number>> = {
  hrv: 40,
  restingHr: 30,
  sleep: 30,
  soreness: 30,
  morningReadiness: 30,
  stress: 25,
  mood: 25,
};

/**
 * Share of the confidence each signal carries when fully present (sums to 1): HRV against a personal baseline,
 * resting HR against a baseline, sleep duration and quality, and the four wellness answers (0.075 each).
 */
export const READINESS_EVIDENCE_WEIGHT: Readonly<Record<ReadinessSignal, number>> = {
  hrv: 0.3,
  restingHr: 0.2,
  sleep: 0.2,
  soreness: 0.075,
  stress: 0.075,
  mood: 0.075,
  morningReadiness: 0.075,
};

/** A baseline the runner typed in counts for less than one measured over weeks (design choice, "lean on answers"). */
export const RUNNER_BASELINE_PENALTY_SCALE = 0.5;

// Traffic-light bands on the 0-100 score (design choice: green >= 75, so two moderate flags such as
// short sleep plus marked soreness already ease the day; yellow 40-74; red < 40).
export const READINESS_GREEN_MIN = 75;
export const READINESS_YELLOW_MIN = 40;

/** Below this confidence the day is reported as THIN_DATA (design choice: under half the wanted evidence). */
export const THIN_DATA_CONFIDENCE = 0.5;

/** Score when no signal was usable: nothing argues against the plan (no warning signs), with confidence 0. */
export const NO_DATA_SCORE = 100;
