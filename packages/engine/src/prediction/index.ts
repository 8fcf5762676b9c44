export {
  fractionOfVo2max,
  oxygenCost,
  predictRaceTime,
  riegel,
  vdotFromRace,
  velocityForVo2,
} from './vdot.ts';
export { MARATHON_METERS, paceAtFraction, trainingPaces, type TrainingPaces } from './paces.ts';
export { estimateVdot, type FitnessEstimate } from './estimate.ts';
