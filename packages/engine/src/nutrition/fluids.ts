// Fluid and sodium during a run. Source: Sawka et al. (2007) ACSM position stand "Exercise and fluid
// replacement", Med Sci Sports Exerc 39:377-390: drink to keep body-mass loss under 2 %, never more than
// sweat losses; 0.4-0.8 L/h as a starting point when sweat rate is unknown; drinks with 20-30 mmol/L
// sodium (460-690 mg/L) for long or salty-sweat sessions.
import type { Range } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { MAX_SESSION_SEC } from './carbs-during.ts';

export interface FluidPlan {
  mlPerHour: Range;
  sodiumMgPerHour?: Range;
  fromSweatRate: boolean;
}

// 20-30 mmol/L sodium x 22.99 mg/mmol.
const SODIUM_MG_PER_L: Range = { min: 460, max: 690 };
const WARM_C = 25;
const COOL_C = 10;

export interface FluidPlanInput {
  durationSec: number;
  weightKg: number;
  sweatRateLPerHour?: number;
  tempC?: number;
}

/** Fluid (and, for long or hot sessions, sodium) per hour. Throws EngineError naming the bad field. */
export function fluidPlan(input: FluidPlanInput): FluidPlan {
  if (input == null || typeof input !== 'object') {
    throw new EngineError('INVALID_INPUT', 'input', 'input must be an object');
  }
  requireFinite(input.durationSec, 'durationSec', 0, MAX_SESSION_SEC);
  // Same ranges as fuelingPlan: body mass 25-250 kg, sweat rate 0.1-4 L/h, air -40..50 °C.
  requireFinite(input.weightKg, 'weightKg', 25, 250);
  if (input.sweatRateLPerHour !== undefined)
    requireFinite(input.sweatRateLPerHour, 'sweatRateLPerHour', 0.1, 4);
  if (input.tempC !== undefined) requireFinite(input.tempC, 'tempC', -40, 50);
  const hours = input.durationSec / 3600;
  const warm = input.tempC !== undefined && input.tempC >= WARM_C;
  let ml: Range;
  if (input.sweatRateLPerHour !== undefined) {
    // ACSM 2007: replace enough that the deficit stays under 2 % of body mass (1 kg ~ 1 L), up to sweat loss.
    const sweat = input.sweatRateLPerHour * 1000;
    const allowedDeficitMl = 0.02 * input.weightKg * 1000;
    const needed = hours > 0 ? Math.max(0, sweat * hours - allowedDeficitMl) / hours : 0;
    ml = { min: round50(Math.min(needed, sweat)), max: round50(sweat) };
  } else if (warm) {
    // ACSM 2007 range: the upper half for warm conditions.
    ml = { min: 600, max: 800 };
  } else if (input.tempC !== undefined && input.tempC <= COOL_C) {
    ml = { min: 400, max: 600 };
  } else {
    ml = { min: 400, max: 800 };
  }
  // Under an hour a runner who starts hydrated will not reach a 2 % deficit in cool air: drinking is optional.
  if (hours < 1 && !warm && input.sweatRateLPerHour === undefined) ml = { min: 0, max: ml.max };

  // Judgement: above 1.2 L/h sodium losses matter from the first hour.
  const heavySweater = input.sweatRateLPerHour !== undefined && input.sweatRateLPerHour > 1.2;
  const needsSodium = hours >= 2 || (warm && hours >= 1) || (heavySweater && hours >= 1);
  return {
    mlPerHour: ml,
    ...(needsSodium
      ? {
          sodiumMgPerHour: {
            min: round50((ml.min / 1000) * SODIUM_MG_PER_L.min),
            max: round50((ml.max / 1000) * SODIUM_MG_PER_L.max),
          },
        }
      : {}),
    fromSweatRate: input.sweatRateLPerHour !== undefined,
  };
}

function round50(x: number): number {
  return Math.round(x / 50) * 50;
}
