// Fat-free mass, measured (body-fat percent) or estimated from height and weight when body fat is unknown.
import type { Sex } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';

/** Boer (1984) lean body mass in kg: an estimate from weight, height and sex, not a measurement. */
export function leanBodyMassBoer(weightKg: number, heightCm: number, sex: Sex): number {
  requireFinite(weightKg, 'weightKg', 25, 250);
  requireFinite(heightCm, 'heightCm', 100, 250);
  if (sex !== 'male' && sex !== 'female')
    throw new EngineError('INVALID', 'sex', 'sex must be male or female');
  // Boer P. (1984) Am J Physiol 247:F632-F636: men 0.407W + 0.267H - 19.2, women 0.252W + 0.473H - 48.3.
  return sex === 'male'
    ? 0.407 * weightKg + 0.267 * heightCm - 19.2
    : 0.252 * weightKg + 0.473 * heightCm - 48.3;
}

export interface FatFreeMassInput {
  weightKg: number;
  /** Measured body fat, percent; preferred when present. */
  bodyFatPct?: number;
  heightCm?: number;
  sex?: Sex;
}

export interface FatFreeMass {
  kg: number;
  method: 'body_fat' | 'boer_1984';
  /** True for the Boer formula: an estimate from height and weight, to be labelled as such. */
  isEstimate: boolean;
}

/** Fat-free mass from body-fat percent, else the Boer (1984) estimate; null when neither is possible. */
export function fatFreeMass(input: FatFreeMassInput): FatFreeMass | null {
  const w = requireFinite(input.weightKg, 'weightKg', 25, 250);
  if (input.bodyFatPct !== undefined) {
    const bf = requireFinite(input.bodyFatPct, 'bodyFatPct', 2, 70);
    // Two-compartment model: FFM = weight x (1 - fat fraction).
    return { kg: w * (1 - bf / 100), method: 'body_fat', isEstimate: false };
  }
  if (input.heightCm === undefined || input.sex === undefined) return null;
  return { kg: leanBodyMassBoer(w, input.heightCm, input.sex), method: 'boer_1984', isEstimate: true };
}
