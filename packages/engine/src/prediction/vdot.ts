import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';

// Daniels & Gilbert (1979), "Oxygen Power": oxygen cost of running at v metres/minute, ml/kg/min.
export function oxygenCost(vMetersPerMin: number): number {
  return -4.6 + 0.182258 * vMetersPerMin + 0.000104 * vMetersPerMin * vMetersPerMin;
}

// Daniels & Gilbert (1979) "drop-dead" curve: fraction of VO2max sustainable for t minutes.
export function fractionOfVo2max(minutes: number): number {
  return 0.8 + 0.1894393 * Math.exp(-0.012778 * minutes) + 0.2989558 * Math.exp(-0.1932605 * minutes);
}

/** Inverse of the oxygen cost: the speed (m/min) that costs `vo2` ml/kg/min (quadratic root). */
export function velocityForVo2(vo2: number): number {
  const a = 0.000104;
  const b = 0.182258;
  const c = -4.6 - vo2;
  return (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
}

function rawVdot(distanceMeters: number, timeSec: number): number {
  const minutes = timeSec / 60;
  return oxygenCost(distanceMeters / minutes) / fractionOfVo2max(minutes);
}

/** VDOT (Daniels–Gilbert pseudo-VO2max) from a race result. */
export function vdotFromRace(distanceMeters: number, timeSec: number): number {
  requireFinite(distanceMeters, 'distanceMeters', 400, 500_000);
  requireFinite(timeSec, 'timeSec', 30, 60 * 60 * 72);
  const speed = distanceMeters / timeSec;
  if (speed > 11)
    throw new EngineError(
      'IMPOSSIBLE_PERFORMANCE',
      'timeSec',
      'timeSec is faster than world-record pace for that distance',
    );
  return round(rawVdot(distanceMeters, timeSec), 2);
}

/**
 * Race time (s) that a VDOT predicts for a distance: the Daniels–Gilbert equations solved for t by
 * bisection (VDOT falls monotonically with t at a fixed distance).
 */
export function predictRaceTime(vdot: number, distanceMeters: number): number {
  requireFinite(vdot, 'vdot', 10, 90);
  requireFinite(distanceMeters, 'distanceMeters', 400, 500_000);
  let lo = distanceMeters / 11; // faster than any human
  let hi = distanceMeters / 0.5; // a slow walk
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (rawVdot(distanceMeters, mid) > vdot) lo = mid;
    else hi = mid;
  }
  return round((lo + hi) / 2, 1);
}

// Riegel (1981), "Athletic records and human endurance": t2 = t1 * (d2/d1)^1.06.
export function riegel(t1Sec: number, d1Meters: number, d2Meters: number, exponent = 1.06): number {
  requireFinite(t1Sec, 't1Sec', 1, 60 * 60 * 72);
  requireFinite(d1Meters, 'd1Meters', 1, 500_000);
  requireFinite(d2Meters, 'd2Meters', 1, 500_000);
  requireFinite(exponent, 'exponent', 1, 1.3);
  return round(t1Sec * (d2Meters / d1Meters) ** exponent, 1);
}
