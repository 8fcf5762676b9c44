import type { Range, WorkoutStep } from '@runningcoach/contracts';

/** One step of the linear "interval state" the watch walks through. */
export interface FlatStep {
  step: WorkoutStep;
  /** Position in the flattened list, from 0. */
  index: number;
  /** Set when the step comes from a repeat block: iteration `k` of `of`, from 1. */
  repeat?: { iteration: number; of: number };
}

/** One reading from the watch; `t` is seconds since the workout started. */
export interface GuidanceSample {
  t: number;
  /** Total distance since the start, metres. */
  distanceMeters: number;
  hr?: number;
  paceSecPerKm?: number;
  /** The runner pressed lap: ends the current step (the only way out of an open step). */
  lap?: boolean;
}

export const CUE_CODES = [
  'hr_above_zone',
  'hr_below_zone',
  'pace_too_fast',
  'pace_too_slow',
  'back_in_range',
  'step_change',
  'workout_complete',
] as const;
export type CueCode = (typeof CUE_CODES)[number];

/** A spoken/displayed prompt: a stable code, an English sentence, and the numbers behind it. */
export interface Cue {
  code: CueCode;
  message: string;
  data: Record<string, number | string | boolean | null>;
}

/** Hysteresis settings of one signal (heart rate in bpm, pace in s/km). */
export interface SignalSettings {
  /** Time constant of the exponential smoothing, seconds. */
  smoothingSec: number;
  /** How far past the band edge the smoothed value must be to start counting. */
  enterMargin: number;
  /** How far back inside the band it must come to clear the condition. */
  exitMargin: number;
  /** How long the condition must hold before the first cue, seconds. */
  persistSec: number;
  /** No cues during this many seconds after a step starts. */
  graceSec: number;
}

export interface HrSettings extends SignalSettings {
  /** Whether to cue a heart rate under the band (active steps only). */
  belowCues: boolean;
  /** Grace before a "below zone" cue, seconds from the step start. */
  belowGraceSec: number;
}

export interface GuidanceSettings {
  hr: HrSettings;
  pace: SignalSettings;
  /** The same condition is cued again at most this often, seconds. */
  recueSec: number;
  /** A signal silent for longer restarts its smoothing and persistence, seconds. */
  maxGapSec: number;
  /** Derive speed from the distance stream when a sample has no pace. */
  paceFromDistance: boolean;
  /** Heart-rate zones 1..5 (index 0 = zone 1), to resolve steps whose target is only a zone. */
  hrZones: Range[];
}

export interface GuidanceOptions {
  hr?: Partial<HrSettings>;
  pace?: Partial<SignalSettings>;
  recueSec?: number;
  maxGapSec?: number;
  paceFromDistance?: boolean;
  hrZones?: Range[];
}

/** Exponential smoothing state; `prev` holds the last raw values for the median-of-3 spike filter. */
export interface SmoothState {
  value: number | null;
  t: number | null;
  prev: number[];
}

export type BandSide = 'above' | 'below';

/** Hysteresis state of one signal against its target band. */
export interface BandState {
  status: 'in' | BandSide;
  /** Side the value is currently past (margin included) while not yet confirmed. */
  pending: BandSide | null;
  /** When `pending` began. */
  since: number | null;
  /** Whether the current out-of-band episode was announced (so "back in range" makes sense). */
  cued: boolean;
  aboveCueT: number | null;
  belowCueT: number | null;
}

/** Everything the adjuster remembers between samples: plain JSON, no Infinity or NaN. */
export interface GuidanceState {
  version: 1;
  steps: FlatStep[];
  settings: GuidanceSettings;
  /** Current step; `steps.length` once finished. */
  index: number;
  stepStartT: number;
  stepStartM: number;
  lastT: number | null;
  lastM: number;
  /** Smoothed heart rate, bpm. */
  hr: SmoothState;
  /** Smoothed speed, m/s (smoothing speed, not pace, keeps a stop finite). */
  speed: SmoothState;
  hrBand: BandState;
  paceBand: BandState;
  announced: boolean;
  finished: boolean;
}

export type StepRemaining =
  { kind: 'time'; seconds: number } | { kind: 'distance'; meters: number } | { kind: 'open' };

export interface Guidance {
  /** The next state; the input state is never mutated. */
  state: GuidanceState;
  /** The current step, or null once the workout is finished. */
  step: FlatStep | null;
  stepElapsedSec: number;
  stepElapsedMeters: number;
  stepRemaining: StepRemaining | null;
  /** Smoothed heart rate (bpm) and pace (s/km) for display, null when unknown. */
  hr: number | null;
  paceSecPerKm: number | null;
  cues: Cue[];
  finished: boolean;
}
