// Subjective wellness answers: soreness, stress, mood and morning readiness (Hooper & Mackinnon 1995 Hooper index;
// McLean et al. 2010 wellness questionnaire; Saw, Main & Gastin 2016: these respond to load better than objective ones).
import type { DailyMetrics, Reason } from '@runningcoach/contracts';
import { clamp, round } from '../util/math.ts';
import type { ReadinessSignal, SignalAssessment } from './types.ts';
import { READINESS_MAX_PENALTY } from './weights.ts';

export type WellnessItem = 'soreness' | 'stress' | 'mood' | 'morningReadiness';

/** Which end of the 1-5 answer is the bad one. */
export type WellnessWorseEnd = 'high' | 'low';

interface ItemSpec {
  worse: WellnessWorseEnd;
  code: string;
  label: string;
  /** Word for the answer at each value 1..5. */
  words: readonly [string, string, string, string, string];
}

// Rule codes and the wording of each 1-5 answer (McLean et al. 2010 style anchors, 3 = normal).
const ITEMS: Readonly<Record<WellnessItem, ItemSpec>> = {
  soreness: {
    worse: 'high',
    code: 'SORENESS_HIGH',
    label: 'Muscle soreness',
    words: ['none', 'a little', 'normal', 'more sore than normal', 'very sore'],
  },
  stress: {
    worse: 'high',
    code: 'STRESS_HIGH',
    label: 'Stress',
    words: ['very relaxed', 'relaxed', 'normal', 'more stressed than normal', 'very stressed'],
  },
  mood: {
    worse: 'low',
    code: 'MOOD_LOW',
    label: 'Mood',
    words: ['very low', 'low', 'normal', 'good', 'very good'],
  },
  morningReadiness: {
    worse: 'low',
    code: 'READINESS_LOW',
    label: 'Feeling ready to train',
    words: ['not at all', 'less than normal', 'normal', 'ready', 'very ready'],
  },
};

export const WELLNESS_ITEMS: readonly WellnessItem[] = ['soreness', 'stress', 'mood', 'morningReadiness'];

/** The middle answer, "normal" on the McLean et al. (2010) scale: answers on the good side of it cost nothing. */
export const NORMAL_ANSWER = 3;

/**
 * Share of an item's weight lost for a 1-5 answer: 0 for normal or better, 0.5 one step worse than normal,
 * 1 at the worst answer (linear in steps beyond the McLean et al. 2010 "normal" anchor; design choice).
 */
export function wellnessPenaltyFraction(answer: number, worse: WellnessWorseEnd): number {
  const stepsWorse = worse === 'high' ? answer - NORMAL_ANSWER : NORMAL_ANSWER - answer;
  return clamp(stepsWorse / 2, 0, 1);
}

/** Scores one answered item; an unanswered item carries no evidence and no points. */
export function assessWellnessItem(item: WellnessItem, answer: number | undefined): SignalAssessment {
  const signal: ReadinessSignal = item;
  if (answer == null) return { signal, evidence: 0, penalty: 0, blocksGreen: false, reasons: [] };
  const spec = ITEMS[item];
  const fraction = wellnessPenaltyFraction(answer, spec.worse);
  const penalty = READINESS_MAX_PENALTY[item] * fraction;
  const reasons: Reason[] = [];
  if (penalty > 0) {
    reasons.push({
      code: spec.code,
      message: `${spec.label} ${answer}/5 (${spec.words[answer - 1] ?? String(answer)}).`,
      data: { answer, normal: NORMAL_ANSWER, worseEnd: spec.worse, points: round(penalty, 1) },
    });
  }
  return { signal, evidence: 1, penalty, blocksGreen: fraction >= 1, reasons };
}

/** Scores the four wellness answers of a check-in, in a fixed order. */
export function assessWellness(metrics: DailyMetrics): SignalAssessment[] {
  return WELLNESS_ITEMS.map((item) => assessWellnessItem(item, metrics[item]));
}
