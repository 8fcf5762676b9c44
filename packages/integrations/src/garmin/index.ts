export { GarminClient } from './client.ts';
export { garminActivity, garminActivityDetails, garminDaily, garminHrv, garminSleep } from './mapping.ts';
export * from './types.ts';
