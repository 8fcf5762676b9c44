import type { SmoothState } from './types.ts';

export const EMPTY_SMOOTH: SmoothState = { value: null, t: null, prev: [] };

/** Median of three: removes any single-sample spike whatever its size. */
export function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/**
 * Exponential smoothing over irregular spacing: alpha = 1 − e^(−Δt/τ), so the time constant τ holds
 * whatever the sample rate. With `spikeFilter` the raw value first goes through a median of the last
 * three raw values (no output before the third). A gap longer than `maxGapSec` (or a null value) restarts from the new reading.
 */
export function smooth(
  s: SmoothState,
  raw: number,
  t: number,
  tauSec: number,
  maxGapSec: number,
  spikeFilter: boolean,
): SmoothState {
  const [a, b] = s.prev;
  const x = spikeFilter && a !== undefined && b !== undefined ? median3(a, b, raw) : raw;
  const prev = spikeFilter ? (b === undefined ? (a === undefined ? [raw] : [a, raw]) : [b, raw]) : [];
  // Until the filter has three readings, a first-sample spike could seed the average: wait for them.
  if (spikeFilter && b === undefined) return { value: null, t, prev };
  if (s.value === null || s.t === null || t - s.t > maxGapSec) return { value: x, t, prev };
  const alpha = 1 - Math.exp(-(t - s.t) / tauSec);
  return { value: s.value + alpha * (x - s.value), t, prev };
}
