export { adaptPlan } from './adapt-plan.ts';
export { detectMissed } from './missed.ts';
export type { AdaptationContext, AdaptationResult, WorkoutChange } from './types.ts';
