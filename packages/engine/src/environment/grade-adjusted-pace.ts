// Grade-adjusted pace (GAP): the flat pace with the same metabolic cost per second, from the Minetti
// et al. (2002) cost of running. Equal power means speed x Cr is constant, so
// flat-equivalent pace = pace x Cr(0) / Cr(i).
import type { Reason } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { clamp, round } from '../util/math.ts';
import { MINETTI_MAX_GRADE, MINETTI_MIN_GRADE, gradeCostRatio, runningCostJPerKgM } from './running-cost.ts';

export interface GradeAdjustedPace {
  /** Flat-equivalent pace, seconds per km. */
  paceSecPerKm: number;
  /** The gradient used, after clamping to the Minetti range. */
  grade: number;
  clamped: boolean;
  /** Cr at that gradient, J/kg/m. */
  costJPerKgM: number;
  /** Cr(i) / Cr(0). */
  costRatio: number;
  reasons: Reason[];
}

/** Flat-equivalent pace for a pace (s/km) run on a gradient (rise over run, 0.05 = 5 %). */
export function gradeAdjustedPace(paceSecPerKm: number, grade: number): GradeAdjustedPace {
  requireFinite(paceSecPerKm, 'paceSecPerKm', 60, 3600);
  requireFinite(grade, 'grade', -1, 1);
  const used = clamp(grade, MINETTI_MIN_GRADE, MINETTI_MAX_GRADE);
  const ratio = gradeCostRatio(used);
  // Minetti et al. 2002: same metabolic power on the flat, so pace scales by Cr(0) / Cr(i).
  const gap = paceSecPerKm / ratio;
  const reasons: Reason[] = [
    {
      code: 'GRADE_ADJUSTED_PACE',
      message: `On a ${round(used * 100, 1)} % gradient each metre costs ${round(ratio, 2)}x a flat metre (Minetti 2002).`,
      data: { grade: round(used, 4), costRatio: round(ratio, 4) },
    },
  ];
  if (used !== grade) reasons.push(clampReason(grade));
  return {
    paceSecPerKm: gap,
    grade: used,
    clamped: used !== grade,
    costJPerKgM: runningCostJPerKgM(used),
    costRatio: ratio,
    reasons,
  };
}

function clampReason(grade: number): Reason {
  return {
    code: 'GRADE_CLAMPED',
    message: `A ${round(grade * 100, 1)} % gradient is outside the ±45 % Minetti measured; ±45 % was used.`,
    data: { grade: round(grade, 4) },
  };
}

/** One piece of a run: distance covered, net climb (negative for descent) and time taken. */
export interface RunSegment {
  distanceMeters: number;
  elevationChangeMeters: number;
  durationSec: number;
}

export interface RunGradeAdjustedPace {
  /** Actual average pace, seconds per km. */
  paceSecPerKm: number;
  /** Grade-adjusted (flat-equivalent) average pace, seconds per km. */
  gradeAdjustedPaceSecPerKm: number;
  distanceMeters: number;
  /** Flat metres costing the same energy as the run. */
  flatEquivalentMeters: number;
  durationSec: number;
  elevationGainMeters: number;
  elevationLossMeters: number;
  clampedSegments: number;
  reasons: Reason[];
}

/**
 * GAP for a whole run: every segment is converted to flat-equivalent metres, d x Cr(i) / Cr(0), and the
 * run's GAP is total time over total flat-equivalent distance, so steep sections weigh by their cost.
 */
export function runGradeAdjustedPace(segments: readonly RunSegment[]): RunGradeAdjustedPace {
  if (segments.length === 0) throw new EngineError('EMPTY', 'segments', 'segments must not be empty');
  let distance = 0;
  let flat = 0;
  let time = 0;
  let gain = 0;
  let loss = 0;
  let clamped = 0;
  segments.forEach((s, k) => {
    const d = requireFinite(s.distanceMeters, `segments[${k}].distanceMeters`, 0, 500_000);
    const dh = requireFinite(
      s.elevationChangeMeters,
      `segments[${k}].elevationChangeMeters`,
      -10_000,
      10_000,
    );
    time += requireFinite(s.durationSec, `segments[${k}].durationSec`, 0, 60 * 60 * 72);
    if (dh > 0) gain += dh;
    else loss -= dh;
    // A climb with no distance (GPS jitter while stopped) has no gradient and costs no running metres.
    if (d === 0) return;
    const grade = dh / d;
    if (grade < MINETTI_MIN_GRADE || grade > MINETTI_MAX_GRADE) clamped++;
    distance += d;
    flat += d * gradeCostRatio(grade);
  });
  if (distance <= 0 || time <= 0) {
    throw new EngineError('EMPTY', 'segments', 'segments must cover some distance in some time');
  }
  const pace = (time / distance) * 1000;
  const gap = (time / flat) * 1000;
  const reasons: Reason[] = [
    {
      code: 'RUN_GRADE_ADJUSTED_PACE',
      message: `With ${round(gain)} m up and ${round(loss)} m down the run was worth ${round(flat / 1000, 2)} flat km (Minetti 2002).`,
      data: { distanceMeters: round(distance), flatEquivalentMeters: round(flat) },
    },
  ];
  if (clamped > 0) {
    reasons.push({
      code: 'GRADE_CLAMPED',
      message: `${clamped} segment(s) were steeper than ±45 %, the Minetti range, and were counted at ±45 %.`,
      data: { clampedSegments: clamped },
    });
  }
  return {
    paceSecPerKm: pace,
    gradeAdjustedPaceSecPerKm: gap,
    distanceMeters: distance,
    flatEquivalentMeters: flat,
    durationSec: time,
    elevationGainMeters: gain,
    elevationLossMeters: loss,
    clampedSegments: clamped,
    reasons,
  };
}

/** A sample of a recorded stream: cumulative distance, altitude and elapsed time. */
export interface StreamPoint {
  distanceMeters: number;
  elevationMeters: number;
  timeSec: number;
}

/**
 * Cuts a stream into segments of at least `minSegmentMeters`, because GPS altitude noise over a few
 * metres gives absurd gradients; 50 m by default (a judgement, not from Minetti).
 */
export function segmentsFromStream(points: readonly StreamPoint[], minSegmentMeters = 50): RunSegment[] {
  requireFinite(minSegmentMeters, 'minSegmentMeters', 0, 10_000);
  if (points.length < 2) throw new EngineError('EMPTY', 'points', 'points needs at least two samples');
  const segments: RunSegment[] = [];
  const span = (a: StreamPoint, b: StreamPoint): RunSegment => ({
    distanceMeters: b.distanceMeters - a.distanceMeters,
    elevationChangeMeters: b.elevationMeters - a.elevationMeters,
    durationSec: b.timeSec - a.timeSec,
  });
  let start = checkPoint(points[0]!, 0);
  let prev = start;
  for (let k = 1; k < points.length; k++) {
    const p = checkPoint(points[k]!, k);
    if (p.distanceMeters < prev.distanceMeters || p.timeSec < prev.timeSec) {
      throw new EngineError(
        'NOT_MONOTONIC',
        `points[${k}]`,
        `points[${k}] goes backwards in distance or time`,
      );
    }
    prev = p;
    if (p.distanceMeters - start.distanceMeters >= minSegmentMeters) {
      segments.push(span(start, p));
      start = p;
    }
  }
  if (prev !== start) {
    // A short tail joins the last segment rather than standing alone with a noisy gradient.
    const last = segments.pop();
    if (last) {
      const tail = span(start, prev);
      segments.push({
        distanceMeters: last.distanceMeters + tail.distanceMeters,
        elevationChangeMeters: last.elevationChangeMeters + tail.elevationChangeMeters,
        durationSec: last.durationSec + tail.durationSec,
      });
    } else {
      segments.push(span(start, prev));
    }
  }
  return segments;
}

function checkPoint(p: StreamPoint, k: number): StreamPoint {
  requireFinite(p.distanceMeters, `points[${k}].distanceMeters`, 0, 500_000);
  requireFinite(p.elevationMeters, `points[${k}].elevationMeters`, -500, 9000);
  requireFinite(p.timeSec, `points[${k}].timeSec`, 0, 60 * 60 * 72);
  return p;
}
