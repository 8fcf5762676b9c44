import type { Reason } from '@runningcoach/contracts';
import type { RollingLoadDay } from './rolling.ts';

// Gabbett (2016) "sweet spot" 0.8-1.3 and danger zone > 1.5; Foster (1998) monotony > 2.0.
// Shown as guardrails: ACWR is an association with injury, not a prediction (Impellizzeri et al. 2020).
export const ACWR_SWEET_SPOT = { min: 0.8, max: 1.3 } as const;
export const ACWR_HIGH = 1.5;
export const MONOTONY_HIGH = 2.0;

// A missing, NaN or infinite ratio says nothing about risk, so it raises no flag.
function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** ACWR_HIGH and MONOTONY_HIGH flags for one day; null or non-finite values are ignored. */
export function loadRiskFlags(
  day: Pick<RollingLoadDay, 'acwr' | 'monotony' | 'acute' | 'chronic'>,
): Reason[] {
  const flags: Reason[] = [];
  if (isFiniteNumber(day.acwr) && day.acwr > ACWR_HIGH) {
    flags.push({
      code: 'ACWR_HIGH',
      message: `Your last week's load is ${day.acwr.toFixed(2)}x what you are used to (above ${ACWR_HIGH}): ease off for a few days`,
      data: { acwr: day.acwr, threshold: ACWR_HIGH, acute: day.acute, chronic: day.chronic },
    });
  }
  if (isFiniteNumber(day.monotony) && day.monotony > MONOTONY_HIGH) {
    flags.push({
      code: 'MONOTONY_HIGH',
      message: `Your days have been too alike (monotony ${day.monotony.toFixed(2)}, above ${MONOTONY_HIGH}): mix in easier and rest days`,
      data: { monotony: day.monotony, threshold: MONOTONY_HIGH },
    });
  }
  return flags;
}
