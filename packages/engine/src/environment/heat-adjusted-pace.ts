// Slowing a pace for heat and humidity by the temperature + dew point sum (both °F).
// Source: Mark Hadley, "Maximum Performance Running" (2013) temperature + dew point pace-adjustment
// chart, including his advice to use half the adjustment for repeats with recoveries.
import type { Reason } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';
import { DEW_POINT_TOLERANCE_C } from './dew-point.ts';
import { cToF } from './temperature.ts';

export type HeatLevel = 'none' | 'low' | 'moderate' | 'high' | 'very_high' | 'extreme';

export interface HeatAdjustedPace {
  /** Adjusted (slower) pace in seconds per km. */
  paceSecPerKm: number;
  /** Percent slower than the cool-weather pace. */
  adjustmentPct: number;
  /** Temperature + dew point, both in °F. */
  sumF: number;
  /** The chart row the sum falls in, e.g. 141-150 °F: 3-4.5 %. */
  band: { minSumF: number | null; maxSumF: number | null; minPct: number; maxPct: number | null };
  level: HeatLevel;
  /** True above 180: the chart advises against hard running, and the percentage is only a floor. */
  hardRunningNotRecommended: boolean;
  advice: string;
  reasons: Reason[];
}

export interface HeatAdjustOptions {
  /** Interval or repeat session: Hadley advises half the continuous-run adjustment. */
  repeats?: boolean;
}

// Chart knots (sum °F, % slower). Each row's range is interpolated linearly between its ends.
const KNOTS: readonly (readonly [number, number])[] = [
  [100, 0],
  [110, 0.5],
  [120, 1],
  [130, 2],
  [140, 3],
  [150, 4.5],
  [160, 6],
  [170, 8],
  [180, 10],
];
const MAX_SUM_F = 180;
const MAX_PCT = 10;

/** Percent pace adjustment for a temperature + dew point sum in °F (Hadley chart, interpolated). */
export function heatAdjustmentPct(sumF: number): number {
  if (sumF <= 100) return 0;
  if (sumF >= MAX_SUM_F) return MAX_PCT;
  for (let k = 1; k < KNOTS.length; k++) {
    const [x1, y1] = KNOTS[k]!;
    const [x0, y0] = KNOTS[k - 1]!;
    if (sumF <= x1) return y0 + ((sumF - x0) * (y1 - y0)) / (x1 - x0);
  }
  return MAX_PCT;
}

function bandFor(sumF: number): HeatAdjustedPace['band'] {
  if (sumF <= 100) return { minSumF: null, maxSumF: 100, minPct: 0, maxPct: 0 };
  if (sumF > MAX_SUM_F) return { minSumF: MAX_SUM_F, maxSumF: null, minPct: MAX_PCT, maxPct: null };
  const top = Math.min(MAX_SUM_F, Math.ceil(sumF / 10) * 10);
  const lo = KNOTS.find(([x]) => x === top - 10)!;
  const hi = KNOTS.find(([x]) => x === top)!;
  return { minSumF: top - 10, maxSumF: top, minPct: lo[1], maxPct: hi[1] };
}

function levelFor(sumF: number): HeatLevel {
  if (sumF <= 100) return 'none';
  if (sumF <= 120) return 'low';
  if (sumF <= 140) return 'moderate';
  if (sumF <= 160) return 'high';
  if (sumF <= MAX_SUM_F) return 'very_high';
  return 'extreme';
}

const ADVICE: Record<HeatLevel, string> = {
  none: 'Good running weather: no pace adjustment needed.',
  low: 'Slightly warm: run by effort, the pace cost is small.',
  moderate: 'Warm and humid: slow down a little, drink to thirst and run by effort rather than pace.',
  high: 'Hot and humid: slow down clearly, carry fluids and shorten hard efforts.',
  very_high:
    'Very hot and humid: run easy, keep it short, carry fluids, consider the treadmill or a cooler time.',
  extreme: 'Dangerous heat: hard running is not recommended; run easy and short, or move the session.',
};

/** Seconds per km, slowed for heat by the temperature + dew point chart. Temperatures in °C. */
export function heatAdjustedPace(
  paceSecPerKm: number,
  tempC: number,
  dewPointC: number,
  options: HeatAdjustOptions = {},
): HeatAdjustedPace {
  requireFinite(paceSecPerKm, 'paceSecPerKm', 60, 3600);
  requireFinite(tempC, 'tempC', -60, 60);
  requireFinite(dewPointC, 'dewPointC', -90, 60);
  if (dewPointC > tempC + DEW_POINT_TOLERANCE_C) {
    throw new EngineError('OUT_OF_RANGE', 'dewPointC', 'dewPointC cannot be above the air temperature');
  }
  const td = Math.min(dewPointC, tempC);
  const sumF = cToF(tempC) + cToF(td);
  const full = heatAdjustmentPct(sumF);
  const pct = options.repeats ? full / 2 : full;
  const level = levelFor(sumF);
  const adjusted = paceSecPerKm * (1 + pct / 100);
  const reasons: Reason[] = [
    {
      code: 'HEAT_PACE_ADJUSTMENT',
      message:
        pct > 0
          ? `Temperature + dew point is ${round(sumF)} °F: about ${round(pct, 1)} % slower (${round(adjusted - paceSecPerKm)} s/km).`
          : `Temperature + dew point is ${round(sumF)} °F: no pace adjustment.`,
      data: { sumF: round(sumF, 1), adjustmentPct: round(pct, 2), repeats: options.repeats === true },
    },
  ];
  if (options.repeats && full > 0) {
    reasons.push({
      code: 'HEAT_REPEATS_HALVED',
      message: 'Repeats with recoveries let the body cool, so half the continuous-run adjustment is used.',
    });
  }
  if (level === 'extreme') {
    reasons.push({
      code: 'HEAT_HARD_RUNNING_NOT_RECOMMENDED',
      message: `Above 180 °F (temperature + dew point) hard running is not recommended; ${MAX_PCT} % is a minimum, not an estimate.`,
      data: { sumF: round(sumF, 1) },
    });
  }
  return {
    paceSecPerKm: adjusted,
    adjustmentPct: pct,
    sumF,
    band: bandFor(sumF),
    level,
    hardRunningNotRecommended: level === 'extreme',
    advice: ADVICE[level],
    reasons,
  };
}
