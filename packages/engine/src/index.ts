export { ENGINE_VERSION } from './version.ts';
export { EngineError } from './util/errors.ts';
export { addDays, dateFromDayNumber, dayNumber, daysBetween, startOfWeek, weekdayOf } from './util/dates.ts';
export * from './prediction/index.ts';
export * from './zones/index.ts';
export * from './load/index.ts';
export * from './readiness/index.ts';
export * from './plan/index.ts';
export * from './nutrition/index.ts';
export * from './environment/index.ts';
export {
  CUE_CODES,
  DEFAULT_GUIDANCE_SETTINGS,
  describeStep,
  flattenStructure,
  resolveGuidanceOptions,
  startGuidance,
  workoutGuidance,
  type Cue,
  type CueCode,
  type FlatStep,
  type Guidance,
  type GuidanceOptions,
  type GuidanceSample,
  type GuidanceSettings,
  type GuidanceState,
  type StepRemaining,
} from './guidance/index.ts';
export * from './adapt/index.ts';
