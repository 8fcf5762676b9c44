// NWS heat index ("feels like" in hot, humid air), computed in °F as the NWS does and returned in °C.
// Source: NWS Weather Prediction Center, "The Heat Index Equation", after Rothfusz (1990),
// NWS Southern Region Technical Attachment SR 90-23, fitted to Steadman (1979).
import { requireFinite } from '../util/errors.ts';
import { cToF, fToC } from './temperature.ts';

/** Heat index in °C for an air temperature in °C and relative humidity in percent (0-100). */
export function heatIndex(tempC: number, relativeHumidityPct: number): number {
  requireFinite(tempC, 'tempC', -60, 60);
  requireFinite(relativeHumidityPct, 'relativeHumidityPct', 0, 100);
  return fToC(heatIndexF(cToF(tempC), relativeHumidityPct));
}

/** The NWS procedure on °F, exported for tests against the published °F table. */
export function heatIndexF(t: number, rh: number): number {
  // NWS simple formula (Steadman-consistent), used when its average with T is below 80 °F.
  const simple = 0.5 * (t + 61 + (t - 68) * 1.2 + rh * 0.094);
  if ((simple + t) / 2 < 80) return simple;
  // Rothfusz (1990) multiple regression on Steadman's apparent temperature.
  let hi =
    -42.379 +
    2.04901523 * t +
    10.14333127 * rh -
    0.22475541 * t * rh -
    0.00683783 * t * t -
    0.05481717 * rh * rh +
    0.00122874 * t * t * rh +
    0.00085282 * t * rh * rh -
    0.00000199 * t * t * rh * rh;
  // NWS dry-air adjustment: RH < 13 % and 80-112 °F.
  if (rh < 13 && t >= 80 && t <= 112) hi -= ((13 - rh) / 4) * Math.sqrt((17 - Math.abs(t - 95)) / 17);
  // NWS humid-air adjustment: RH > 85 % and 80-87 °F.
  if (rh > 85 && t >= 80 && t <= 87) hi += ((rh - 85) / 10) * ((87 - t) / 5);
  return hi;
}
