export {
  estimateMaxHr,
  heartRateZones,
  zoneOfHeartRate,
  type HrZone,
  type HrZoneInput,
  type HrZoneMethod,
} from './heart-rate.ts';
export { paceZones, type PaceZone } from './pace.ts';
