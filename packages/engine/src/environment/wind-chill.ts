// Wind chill ("feels like" in cold wind), the 2001 North American wind chill index.
// Source: Osczevski & Bluestein (2005), "The new wind chill equivalent temperature chart", Bull. Amer.
// Meteor. Soc. 86:1453-1458; NWS/Environment Canada: WCT = 13.12 + 0.6215 T - 11.37 V^0.16 + 0.3965 T V^0.16,
// T in °C, V in km/h at 10 m, defined for T <= 10 °C and V >= 4.8 km/h.
import { requireFinite } from '../util/errors.ts';

export function windChillC(tempC: number, windKmh: number): number {
  requireFinite(tempC, 'tempC', -60, 60);
  requireFinite(windKmh, 'windKmh', 0, 300);
  if (tempC > 10 || windKmh < 4.8) return tempC;
  const v = windKmh ** 0.16;
  return 13.12 + 0.6215 * tempC - 11.37 * v + 0.3965 * tempC * v;
}
