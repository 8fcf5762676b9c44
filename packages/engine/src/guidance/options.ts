import type { GuidanceOptions, GuidanceSettings, SignalSettings } from './types.ts';

/** Defaults; each number names why it was chosen. */
export const DEFAULT_GUIDANCE_SETTINGS: GuidanceSettings = {
  hr: {
    // Optical HR is already beat-averaged by the sensor; 3 s only irons out ±1–2 bpm jitter.
    smoothingSec: 3,
    // ±2 bpm is about the beat-to-beat noise of wrist HR, so a touch of the edge is not a breach.
    enterMargin: 2,
    exitMargin: 2,
    // 10 s of confirmed drift before speaking: shorter surges are not worth a cue.
    persistSec: 10,
    // HR lags an intensity change by tens of seconds; 20 s covers the obvious part of that lag.
    graceSec: 20,
    belowCues: true,
    // HR on-kinetics take 1–2 min to settle, so "below zone" waits 60 s into a rep.
    belowGraceSec: 60,
  },
  pace: {
    // GPS pace at 1 Hz jitters ±10–20 s/km; a 10 s time constant averages that out.
    smoothingSec: 10,
    // 5 s/km past the band to start, 3 s/km back inside to clear: the gap is the hysteresis.
    enterMargin: 5,
    exitMargin: 3,
    persistSec: 10,
    // Acceleration plus the 10 s smoothing lag needs ~20 s to settle after a step change.
    graceSec: 20,
  },
  // At most one reminder per minute for the same condition, as common coaching watches do.
  recueSec: 60,
  // A dropout longer than the persistence window means the old evidence is stale.
  maxGapSec: 10,
  paceFromDistance: true,
  hrZones: [],
};

function num(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

function signal<T extends SignalSettings>(base: T, o: Partial<T> | undefined): T {
  return {
    ...base,
    smoothingSec: num(o?.smoothingSec, base.smoothingSec),
    enterMargin: num(o?.enterMargin, base.enterMargin),
    exitMargin: num(o?.exitMargin, base.exitMargin),
    persistSec: num(o?.persistSec, base.persistSec),
    graceSec: num(o?.graceSec, base.graceSec),
  };
}

/** Fills the options in with defaults; bad numbers (negative, NaN) fall back to the default. */
export function resolveGuidanceOptions(options: GuidanceOptions = {}): GuidanceSettings {
  const d = DEFAULT_GUIDANCE_SETTINGS;
  const hr = signal(d.hr, options.hr);
  return {
    hr: {
      ...hr,
      belowCues: options.hr?.belowCues ?? d.hr.belowCues,
      belowGraceSec: num(options.hr?.belowGraceSec, d.hr.belowGraceSec),
    },
    pace: signal(d.pace, options.pace),
    recueSec: num(options.recueSec, d.recueSec),
    maxGapSec: num(options.maxGapSec, d.maxGapSec),
    paceFromDistance: options.paceFromDistance ?? d.paceFromDistance,
    hrZones: (options.hrZones ?? []).map((z) => ({ min: z.min, max: z.max })),
  };
}
