import type { BandSide, BandState } from './types.ts';

export const IN_BAND: BandState = {
  status: 'in',
  pending: null,
  since: null,
  cued: false,
  aboveCueT: null,
  belowCueT: null,
};

export interface BandRules {
  enterMargin: number;
  exitMargin: number;
  persistSec: number;
  recueSec: number;
  /** Whether a value under the band counts (e.g. no "HR too low" on a recovery jog). */
  allowBelow: boolean;
}

export type BandEvent = { kind: 'cue' | 'back'; side: BandSide };

/** Forgets any condition in progress (new step, grace period, data gap) but keeps the re-cue clock. */
export function clearBand(b: BandState): BandState {
  return { ...b, status: 'in', pending: null, since: null, cued: false };
}

/** Drops a not-yet-confirmed condition only. */
export function holdBand(b: BandState): BandState {
  return b.pending === null ? b : { ...b, pending: null, since: null };
}

/**
 * Schmitt-trigger style band check: enter "above" only after the value stayed beyond max + enterMargin
 * for persistSec; leave only at max − exitMargin (exit margin capped at half the band width so it stays
 * inside the band). While out, cue again every recueSec as long as the value is still past the entry point.
 */
export function updateBand(
  b: BandState,
  v: number,
  lo: number,
  hi: number,
  t: number,
  r: BandRules,
): { band: BandState; event: BandEvent | null } {
  const ex = Math.min(r.exitMargin, (hi - lo) / 2);
  if ((b.status === 'above' && v <= hi - ex) || (b.status === 'below' && (!r.allowBelow || v >= lo + ex))) {
    return { band: clearBand(b), event: b.cued ? { kind: 'back', side: b.status } : null };
  }
  let next = b;
  if (b.status === 'in') {
    const side: BandSide | null =
      v > hi + r.enterMargin ? 'above' : r.allowBelow && v < lo - r.enterMargin ? 'below' : null;
    if (side === null) next = holdBand(b);
    else {
      const since = b.pending === side && b.since !== null ? b.since : t;
      next =
        t - since >= r.persistSec
          ? { ...b, status: side, pending: null, since: null, cued: false }
          : { ...b, pending: side, since };
    }
  }
  if (next.status === 'in') return { band: next, event: null };
  const side = next.status;
  const last = side === 'above' ? next.aboveCueT : next.belowCueT;
  // A reminder needs the same evidence as the first cue: beyond the band by the entry margin.
  const outside = side === 'above' ? v > hi + r.enterMargin : v < lo - r.enterMargin;
  if (!outside || (last !== null && t - last < r.recueSec)) return { band: next, event: null };
  const band: BandState =
    side === 'above' ? { ...next, cued: true, aboveCueT: t } : { ...next, cued: true, belowCueT: t };
  return { band, event: { kind: 'cue', side } };
}
