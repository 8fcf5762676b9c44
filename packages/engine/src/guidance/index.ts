export { flattenStructure } from './flatten.ts';
export { startGuidance, workoutGuidance } from './guidance.ts';
export { DEFAULT_GUIDANCE_SETTINGS, resolveGuidanceOptions } from './options.ts';
export { describeStep, formatClock, formatPace } from './format.ts';
export { CUE_CODES } from './types.ts';
export type {
  BandState,
  Cue,
  CueCode,
  FlatStep,
  Guidance,
  GuidanceOptions,
  GuidanceSample,
  GuidanceSettings,
  GuidanceState,
  HrSettings,
  SignalSettings,
  SmoothState,
  StepRemaining,
} from './types.ts';
