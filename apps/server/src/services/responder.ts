import type { ResponderStatus } from '../schema/index.ts';

export interface ResponderInput {
  /** ln(rMSSD) of the week's mornings. */
  week: readonly number[];
  /** ln(rMSSD) of the three weeks before it: the runner's baseline. */
  baseline: readonly number[];
  weekLoad: number;
  /** Mean weekly load of the baseline weeks. */
  baselineWeeklyLoad: number;
}

export interface ResponderResult {
  status: ResponderStatus;
  data: Record<string, number | boolean | null>;
}

/** Fewer readings than this and a weekly mean says nothing (Plews et al. 2013 ask for most mornings). */
export const MIN_WEEK_READINGS = 3;
export const MIN_BASELINE_READINGS = 7;
/** A week's load above the baseline weeks' by this much counts as rising. */
export const LOAD_RISE = 1.1;
/** Floor of the smallest worthwhile change in ln units (~2%), for a baseline with almost no spread. */
const MIN_SWC = 0.02;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How HRV answers the training load, after Plews, Laursen, Stanley, Kilding & Buchheit (2013), "Training
 * adaptation and heart rate variability in elite endurance athletes", Sports Med 43:773-781: the weekly
 * mean of ln(rMSSD) against the runner's baseline, with a smallest worthwhile change (SWC) of 0.5 x the
 * baseline's SD. Kept simple on purpose:
 * - below baseline by more than the SWC → `maladapting` (HRV suppressed: load or life stress is too much);
 * - above it by more than the SWC → `responding`;
 * - within the SWC → `responding` if the load rose (HRV holds while the load climbs), else `stable`;
 * - too few readings → `unknown`.
 */
export function classifyResponder(input: ResponderInput): ResponderResult {
  const loadRising =
    input.baselineWeeklyLoad > 0 ? input.weekLoad > input.baselineWeeklyLoad * LOAD_RISE : input.weekLoad > 0;
  if (input.week.length < MIN_WEEK_READINGS || input.baseline.length < MIN_BASELINE_READINGS) {
    return {
      status: 'unknown',
      data: { weekReadings: input.week.length, baselineReadings: input.baseline.length, loadRising },
    };
  }
  const weekMean = mean(input.week);
  const baselineMean = mean(input.baseline);
  const swc = Math.max(MIN_SWC, 0.5 * sd(input.baseline));
  const change = weekMean - baselineMean;
  const status: ResponderStatus =
    change < -swc ? 'maladapting' : change > swc ? 'responding' : loadRising ? 'responding' : 'stable';
  return {
    status,
    data: {
      lnRmssdWeek: round3(weekMean),
      lnRmssdBaseline: round3(baselineMean),
      swc: round3(swc),
      change: round3(change),
      weekLoad: Math.round(input.weekLoad),
      baselineWeeklyLoad: Math.round(input.baselineWeeklyLoad),
      loadRising,
    },
  };
}
