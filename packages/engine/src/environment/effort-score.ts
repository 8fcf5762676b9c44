// Effort score: how hard a pace was once hills and heat are taken out.
// Method: the actual pace is converted to a flat, cool equivalent in two multiplicative steps,
//   1. grade: flat-equivalent pace = pace x Cr(0) / Cr(i)        (Minetti et al. 2002),
//   2. heat:  cool-equivalent pace = pace / (1 + adjustment %)   (Hadley temperature + dew point chart),
// and scored as a speed: percent of threshold speed when the runner's threshold pace is known
// (100 = threshold effort), otherwise the equivalent flat-cool speed in km/h. It rates intensity,
// not load: duration does not add to it.
import type { Reason } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';
import { dewPointC as dewPointFromRh } from './dew-point.ts';
import { heatAdjustedPace } from './heat-adjusted-pace.ts';
import { gradeCostRatio } from './running-cost.ts';
import { gradeAdjustedPace } from './grade-adjusted-pace.ts';

export interface EffortInput {
  /** Either a pace, or a distance and a duration. */
  paceSecPerKm?: number;
  distanceMeters?: number;
  durationSec?: number;
  /** Average gradient (0.05 = 5 %) of a one-way climb or descent; takes precedence over elevation gain. */
  grade?: number;
  /** Total climb of a run that returns to its start (needs distanceMeters). */
  elevationGainMeters?: number;
  tempC?: number;
  /** Heat needs tempC plus dewPointC or relativeHumidityPct. */
  dewPointC?: number;
  relativeHumidityPct?: number;
  /** Scores relative to this pace when given. */
  thresholdPaceSecPerKm?: number;
}

export interface EffortScore {
  /** Percent of threshold speed (basis "threshold") or equivalent flat-cool km/h (basis "speed"). */
  score: number;
  basis: 'threshold' | 'speed';
  paceSecPerKm: number;
  /** The flat, cool pace that would cost the same effort. */
  equivalentPaceSecPerKm: number;
  /** Cr(i) / Cr(0); 1 on the flat. */
  gradeCostRatio: number;
  /** Percent the heat slowed the pace; 0 when cool or unknown. */
  heatAdjustmentPct: number;
  reasons: Reason[];
}

export function effortScore(input: EffortInput): EffortScore {
  const reasons: Reason[] = [];
  const pace = resolvePace(input);

  const ratio = gradeRatio(input, pace, reasons);
  // Minetti et al. 2002: equal metabolic power, pace scales by Cr(0) / Cr(i).
  const flatPace = pace / ratio;

  let heatPct = 0;
  if (input.tempC !== undefined) {
    const td =
      input.dewPointC ??
      (input.relativeHumidityPct !== undefined
        ? dewPointFromRh(input.tempC, input.relativeHumidityPct)
        : undefined);
    if (td === undefined) {
      reasons.push({
        code: 'HEAT_HUMIDITY_UNKNOWN',
        message: 'Without a dew point or humidity the heat cost is not counted.',
      });
    } else {
      const heat = heatAdjustedPace(pace, input.tempC, td);
      heatPct = heat.adjustmentPct;
      reasons.push(...heat.reasons);
    }
  }
  // Hadley chart: a pace run in heat is as hard as a pace (1 + adjustment) faster in cool air.
  const equivalent = flatPace / (1 + heatPct / 100);

  let score: number;
  let basis: EffortScore['basis'];
  if (input.thresholdPaceSecPerKm !== undefined) {
    const threshold = requireFinite(input.thresholdPaceSecPerKm, 'thresholdPaceSecPerKm', 120, 900);
    score = (100 * threshold) / equivalent;
    basis = 'threshold';
    reasons.push({
      code: 'EFFORT_VS_THRESHOLD',
      message: `Equivalent to ${paceText(equivalent)} on the flat in cool air: ${round(score)} % of threshold speed.`,
      data: { equivalentPaceSecPerKm: round(equivalent, 1), score: round(score, 1) },
    });
  } else {
    score = 3600 / equivalent;
    basis = 'speed';
    reasons.push({
      code: 'EFFORT_EQUIVALENT_SPEED',
      message: `Equivalent to ${paceText(equivalent)} (${round(score, 1)} km/h) on the flat in cool air.`,
      data: { equivalentPaceSecPerKm: round(equivalent, 1), score: round(score, 2) },
    });
  }
  return {
    score,
    basis,
    paceSecPerKm: pace,
    equivalentPaceSecPerKm: equivalent,
    gradeCostRatio: ratio,
    heatAdjustmentPct: heatPct,
    reasons,
  };
}

function resolvePace(input: EffortInput): number {
  if (input.paceSecPerKm !== undefined) return requireFinite(input.paceSecPerKm, 'paceSecPerKm', 60, 3600);
  if (input.distanceMeters === undefined || input.durationSec === undefined) {
    throw new EngineError('MISSING', 'paceSecPerKm', 'give paceSecPerKm, or distanceMeters and durationSec');
  }
  const d = requireFinite(input.distanceMeters, 'distanceMeters', 1, 500_000);
  const t = requireFinite(input.durationSec, 'durationSec', 1, 60 * 60 * 72);
  return requireFinite((t / d) * 1000, 'paceSecPerKm', 60, 3600);
}

function gradeRatio(input: EffortInput, pace: number, reasons: Reason[]): number {
  if (input.grade !== undefined) {
    const gap = gradeAdjustedPace(pace, input.grade);
    if (input.grade !== 0) reasons.push(...gap.reasons);
    return gap.costRatio;
  }
  if (input.elevationGainMeters === undefined || input.elevationGainMeters === 0) return 1;
  const gain = requireFinite(input.elevationGainMeters, 'elevationGainMeters', 0, 20_000);
  if (input.distanceMeters === undefined) {
    throw new EngineError('MISSING', 'distanceMeters', 'elevationGainMeters needs distanceMeters');
  }
  const d = requireFinite(input.distanceMeters, 'distanceMeters', 1, 500_000);
  // Judgement: a run with only its total climb known is taken as a loop, half the distance up at
  // 2 x gain / distance and half down at the same gradient (most runs end where they start).
  const g = (2 * gain) / d;
  const ratio = (gradeCostRatio(g) + gradeCostRatio(-g)) / 2;
  reasons.push({
    code: 'EFFORT_HILLY_LOOP',
    message: `${round(gain)} m of climbing over ${round(d / 1000, 1)} km, taken as a loop, costs about ${round((ratio - 1) * 100, 1)} % more than flat (Minetti 2002).`,
    data: { elevationGainMeters: round(gain), costRatio: round(ratio, 4) },
  });
  return ratio;
}

function paceText(secPerKm: number): string {
  const s = Math.round(secPerKm);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}/km`;
}
