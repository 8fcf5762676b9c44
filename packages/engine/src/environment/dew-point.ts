// Dew point and relative humidity from each other, Magnus form over water.
// Constants b = 17.625, c = 243.04 °C from Alduchov & Eskridge (1996), J. Appl. Meteor. 35:601-609
// (their AERK fit, within 0.4 % for -40..50 °C).
import { EngineError, requireFinite } from '../util/errors.ts';

const B = 17.625;
const C = 243.04;

/** Weather feeds round temperature and dew point separately, so a dew point a hair above T is accepted. */
export const DEW_POINT_TOLERANCE_C = 1;

/** Dew point in °C from air temperature (°C) and relative humidity (percent, > 0). */
export function dewPointC(tempC: number, rhPct: number): number {
  requireFinite(tempC, 'tempC', -60, 60);
  requireFinite(rhPct, 'rhPct', 0, 100);
  if (rhPct === 0)
    throw new EngineError('OUT_OF_RANGE', 'rhPct', 'rhPct must be above 0 to have a dew point');
  // Magnus-Tetens inverted for the dew point (Alduchov & Eskridge 1996 constants).
  const gamma = Math.log(rhPct / 100) + (B * tempC) / (C + tempC);
  return (C * gamma) / (B - gamma);
}

/** Relative humidity in percent from air temperature and dew point (both °C). */
export function relativeHumidityPct(tempC: number, dewPoint: number): number {
  requireFinite(tempC, 'tempC', -60, 60);
  requireFinite(dewPoint, 'dewPointC', -90, 60);
  if (dewPoint > tempC + DEW_POINT_TOLERANCE_C) {
    throw new EngineError('OUT_OF_RANGE', 'dewPointC', 'dewPointC cannot be above the air temperature');
  }
  // Ratio of Magnus saturation vapour pressures, e_s(Td) / e_s(T) (Alduchov & Eskridge 1996).
  const rh = 100 * Math.exp((B * dewPoint) / (C + dewPoint) - (B * tempC) / (C + tempC));
  return Math.min(100, rh);
}
