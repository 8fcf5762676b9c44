import { EngineError, requireFinite } from '../util/errors.ts';

export type HrZoneMethod = 'karvonen' | 'percentMax' | 'lthr';

export interface HrZone {
  /** 1 (recovery) to 5 (VO2max and above). */
  zone: 1 | 2 | 3 | 4 | 5;
  name: string;
  minBpm: number;
  maxBpm: number;
  method: HrZoneMethod;
  /** true when maxHr came from an age formula rather than the runner. */
  estimated: boolean;
}

export interface HrZoneInput {
  maxHr?: number;
  restingHr?: number;
  lthr?: number;
  /** Used only to estimate maxHr when it is unknown. */
  age?: number;
  /** Force a method; by default: lthr if known, else Karvonen with a resting HR, else %HRmax. */
  method?: HrZoneMethod;
}

const NAMES = ['Recovery', 'Easy aerobic', 'Tempo', 'Threshold', 'VO2max'] as const;

// Karvonen et al. (1957) heart-rate reserve, in the common 50/60/70/80/90/100 % bands.
const HRR_BOUNDS = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
// Daniels' Running Formula (3rd ed.) %HRmax: E 65-79, M 80-90, T 88-92, I 98-100 (VDOT O2, "Understanding effort", 2017).
// Bands: Z1 55-65 recovery, Z2 65-79 E, Z3 79-88 M, Z4 88-92 T, Z5 92-100 I, so each pace lands in its plan zone.
const HRMAX_BOUNDS = [0.55, 0.65, 0.79, 0.88, 0.92, 1.0];
// Friel, "The Triathlete's Training Bible": run zones as %LTHR (Z5a-c merged into 5, up to 106%).
const LTHR_BOUNDS = [0.65, 0.85, 0.9, 0.95, 1.0, 1.06];
const METHODS: readonly HrZoneMethod[] = ['karvonen', 'percentMax', 'lthr'];
// Design guard: a heart-rate reserve under 20 bpm is a data-entry error, not a runner (zones would be 4 bpm wide).
const MIN_HR_RESERVE_BPM = 20;

// Tanaka, Monahan & Seals (2001): HRmax = 208 - 0.7 x age.
export function estimateMaxHr(age: number): number {
  requireFinite(age, 'age', 5, 110);
  return Math.round(208 - 0.7 * age);
}

function build(
  bounds: number[],
  bpmAt: (f: number) => number,
  method: HrZoneMethod,
  estimated: boolean,
): HrZone[] {
  const zones: HrZone[] = [];
  for (let i = 0; i < 5; i++) {
    zones.push({
      zone: (i + 1) as HrZone['zone'],
      name: NAMES[i]!,
      minBpm: Math.round(bpmAt(bounds[i]!)),
      maxBpm: Math.round(bpmAt(bounds[i + 1]!)) - (i < 4 ? 1 : 0),
      method,
      estimated,
    });
  }
  return zones;
}

/** Five heart-rate zones by Karvonen, %HRmax or Friel's %LTHR; estimates are labelled as such. */
export function heartRateZones(input: HrZoneInput): HrZone[] {
  if (input == null || typeof input !== 'object') {
    throw new EngineError('INVALID_INPUT', 'input', 'input must be an object');
  }
  const { restingHr, lthr } = input;
  if (input.method !== undefined && !METHODS.includes(input.method)) {
    throw new EngineError(
      'INVALID_ENUM',
      'method',
      `method must be one of ${METHODS.join(', ')}, got ${String(input.method)}`,
    );
  }
  if (restingHr !== undefined) requireFinite(restingHr, 'restingHr', 25, 120);
  if (lthr !== undefined) requireFinite(lthr, 'lthr', 90, 220);
  let maxHr = input.maxHr;
  let estimated = false;
  if (maxHr !== undefined) requireFinite(maxHr, 'maxHr', 120, 230);
  else if (input.age !== undefined) {
    maxHr = estimateMaxHr(input.age);
    estimated = true;
  }
  if (restingHr !== undefined && maxHr !== undefined && maxHr - restingHr < MIN_HR_RESERVE_BPM) {
    throw new EngineError(
      'OUT_OF_RANGE',
      'restingHr',
      `restingHr must be at least ${MIN_HR_RESERVE_BPM} bpm below maxHr (${maxHr}), got ${restingHr}`,
    );
  }
  const method = input.method ?? (lthr ? 'lthr' : restingHr && maxHr ? 'karvonen' : 'percentMax');
  if (method === 'lthr') {
    if (!lthr) throw new EngineError('MISSING_INPUT', 'lthr', 'lthr is needed for Friel zones');
    return build(LTHR_BOUNDS, (f) => f * lthr, 'lthr', false);
  }
  if (!maxHr)
    throw new EngineError('MISSING_INPUT', 'maxHr', 'maxHr (or age to estimate it) is needed for zones');
  if (method === 'karvonen') {
    if (!restingHr)
      throw new EngineError('MISSING_INPUT', 'restingHr', 'restingHr is needed for Karvonen zones');
    return build(HRR_BOUNDS, (f) => restingHr + f * (maxHr - restingHr), 'karvonen', estimated);
  }
  return build(HRMAX_BOUNDS, (f) => f * maxHr, 'percentMax', estimated);
}

/** The zone (1-5) a heart rate falls in; below zone 1 counts as 1, above zone 5 as 5. */
export function zoneOfHeartRate(zones: readonly HrZone[], hr: number): number {
  for (const z of zones) if (hr <= z.maxBpm) return z.zone;
  return 5;
}
