import type { Sex } from '@runningcoach/contracts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';

export interface BanisterInput {
  durationSec: number;
  avgHr: number;
  restingHr: number;
  maxHr: number;
  sex: Sex;
}

// Banister (1991) weighting: 0.64·e^(1.92·x) for men, 0.86·e^(1.67·x) for women (Morton, Fitz-Clarke & Banister 1990).
const SEX_CONSTANTS: Record<Sex, [number, number]> = { male: [0.64, 1.92], female: [0.86, 1.67] };

/** Banister TRIMP = minutes x ΔHR ratio x sex-specific exponential weighting. */
export function banisterTrimp(input: BanisterInput): number {
  if (input == null || typeof input !== 'object') {
    throw new EngineError('INVALID_INPUT', 'input', 'input must be an object');
  }
  const { durationSec, avgHr, restingHr, maxHr, sex } = input;
  requireFinite(durationSec, 'durationSec', 0, 60 * 60 * 72);
  requireFinite(avgHr, 'avgHr', 25, 250);
  requireFinite(restingHr, 'restingHr', 25, 150);
  requireFinite(maxHr, 'maxHr', 100, 250);
  if (maxHr <= restingHr) throw new EngineError('OUT_OF_RANGE', 'maxHr', 'maxHr must be above restingHr');
  // Own keys only: 'toString' or '__proto__' must not reach Object.prototype.
  const constants =
    typeof sex === 'string' && Object.hasOwn(SEX_CONSTANTS, sex) ? SEX_CONSTANTS[sex] : undefined;
  if (!constants) throw new EngineError('INVALID_ENUM', 'sex', 'sex must be male or female');
  const ratio = Math.min(Math.max((avgHr - restingHr) / (maxHr - restingHr), 0), 1);
  // Banister (1991): TRIMP = t(min) · ΔHRratio · a·e^(b·ΔHRratio).
  return round((durationSec / 60) * ratio * constants[0] * Math.exp(constants[1] * ratio), 2);
}

/**
 * Edwards (1993) summated-zone TRIMP: minutes in 50-60/60-70/70-80/80-90/90-100 %HRmax weighted 1-5.
 * Samples are (t seconds, hr) in time order; each holds until the next one, gaps over 30 s count as pauses.
 */
export function edwardsTrimp(samples: ReadonlyArray<{ t: number; hr: number }>, maxHr: number): number {
  if (!Array.isArray(samples)) throw new EngineError('INVALID_INPUT', 'samples', 'samples must be an array');
  requireFinite(maxHr, 'maxHr', 100, 250);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i];
    if (x == null || typeof x !== 'object') {
      throw new EngineError('INVALID_INPUT', `samples[${i}]`, `samples[${i}] must be an object {t, hr}`);
    }
    if (typeof x.t !== 'number' || !Number.isFinite(x.t)) requireFinite(x.t, `samples[${i}].t`);
    // hr may be 0 or missing-as-NaN (strap dropout): such samples are skipped below, but it must be a number.
    if (typeof x.hr !== 'number') requireFinite(x.hr, `samples[${i}].hr`);
  }
  let total = 0;
  for (let i = 0; i + 1 < samples.length; i++) {
    const a = samples[i]!;
    const dt = samples[i + 1]!.t - a.t;
    if (!(dt > 0) || dt > 30 || !(a.hr > 0)) continue;
    const pct = a.hr / maxHr;
    const weight = pct >= 0.9 ? 5 : pct >= 0.8 ? 4 : pct >= 0.7 ? 3 : pct >= 0.6 ? 2 : pct >= 0.5 ? 1 : 0;
    total += (dt / 60) * weight;
  }
  return round(total, 2);
}

// Foster et al. (2001) session-RPE: internal load = CR-10 RPE x duration in minutes.
export function sessionRpeLoad(rpe: number, durationSec: number): number {
  requireFinite(rpe, 'rpe', 0, 10);
  requireFinite(durationSec, 'durationSec', 0, 60 * 60 * 72);
  return round((rpe * durationSec) / 60, 1);
}
