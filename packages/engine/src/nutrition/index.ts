export { RUNNING_KCAL_PER_KG_KM, runningEnergyKcal } from './running-energy.ts';
export { fatFreeMass, leanBodyMassBoer } from './body-composition.ts';
export type { FatFreeMass, FatFreeMassInput } from './body-composition.ts';
export {
  EA_LOW_BELOW,
  EA_OPTIMAL_FROM,
  energyAvailability,
  energyAvailabilityLevel,
} from './energy-availability.ts';
export type {
  EnergyAvailability,
  EnergyAvailabilityInput,
  EnergyAvailabilityLevel,
} from './energy-availability.ts';
export {
  CARB_G_PER_KG,
  FAT_PCT_OF_ENERGY,
  PROTEIN_G_PER_KG,
  dailyFuelTargets,
  loadLevelFromMinutes,
} from './daily-fuel-targets.ts';
export type {
  DailyFuelInput,
  DailyFuelTargets,
  SessionIntensity,
  TrainingLoadLevel,
} from './daily-fuel-targets.ts';
export { carbsDuring } from './carbs-during.ts';
export type { CarbBand, CarbsDuring } from './carbs-during.ts';
export { fluidPlan } from './fluids.ts';
export type { FluidPlan, FluidPlanInput } from './fluids.ts';
export { fuelingPlan } from './fueling-plan.ts';
export type { FuelingAthlete, FuelingPlan, FuelingWorkout } from './fueling-plan.ts';
export { nutritionAlerts } from './nutrition-alerts.ts';
export type {
  AlertSeverity,
  NutritionAlert,
  NutritionAlertsInput,
  NutritionDay,
} from './nutrition-alerts.ts';
