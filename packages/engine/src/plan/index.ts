export {
  generatePlan,
  HARD_TYPES,
  longRunShareCap,
  MAX_PLAN_WEEKS,
  MAX_WEEKLY_INCREASE,
  type GeneratePlanInput,
} from './generate.ts';
export { raceClassOf, type RaceClass, type RaceClassConfig } from './race-class.ts';
export { measureStructure, type StructureMeasure } from './structure.ts';
