// The watch subset of the Brain: zones, real-time guidance and the interval state. No dependencies, tiny.
export { ENGINE_VERSION } from './version.ts';
export {
  estimateMaxHr,
  heartRateZones,
  zoneOfHeartRate,
  type HrZone,
  type HrZoneInput,
} from './zones/heart-rate.ts';
export { paceZones, type PaceZone } from './zones/pace.ts';
export * from './guidance/index.ts';
