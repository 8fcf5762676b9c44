export { banisterTrimp, edwardsTrimp, sessionRpeLoad, type BanisterInput } from './trimp.ts';
export {
  MONOTONY_CAP,
  rollingLoad,
  type DailyLoad,
  type RollingLoadDay,
  type RollingLoadOptions,
} from './rolling.ts';
export { ACWR_HIGH, ACWR_SWEET_SPOT, MONOTONY_HIGH, loadRiskFlags } from './risk.ts';
