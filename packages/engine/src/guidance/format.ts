import type { Range } from '@runningcoach/contracts';
import { formatClock } from '../util/format.ts';
import type { FlatStep } from './types.ts';

export { formatClock };

/** A pace in s/km as `m:ss`; `--:--` when unknown or standing still. */
export function formatPace(secPerKm: number | null): string {
  return secPerKm === null || !Number.isFinite(secPerKm) || secPerKm <= 0 ? '--:--' : formatClock(secPerKm);
}

/** "4:00–4:10/km", or "4:00/km" for a single value. */
export function formatPaceRange(r: Range): string {
  return r.min === r.max ? `${formatPace(r.min)}/km` : `${formatPace(r.min)}–${formatPace(r.max)}/km`;
}

export function formatBpmRange(r: Range): string {
  return `${Math.round(r.min)}–${Math.round(r.max)}`;
}

const LABELS = { warmup: 'Warm-up', active: 'Run', recovery: 'Recover', rest: 'Rest', cooldown: 'Cool-down' };

/** What a step asks for, e.g. "Run 800 m at 4:00–4:10/km (3 of 6)". */
export function describeStep(flat: FlatStep): string {
  const { intent, duration: d, target } = flat.step;
  let text = LABELS[intent] + ' ';
  if (d.kind === 'time') {
    const s = Math.round(d.seconds);
    text += s < 60 ? `${s} s` : s % 60 === 0 ? `${s / 60} min` : formatClock(s);
  } else if (d.kind === 'distance') {
    text += d.meters >= 1000 ? `${Math.round(d.meters / 10) / 100} km` : `${Math.round(d.meters)} m`;
  } else text += 'until lap';
  if (target?.paceSecPerKm) text += ` at ${formatPaceRange(target.paceSecPerKm)}`;
  if (target?.hrBpm) text += `, HR ${formatBpmRange(target.hrBpm)}`;
  else if (target?.zone !== undefined) text += `, zone ${target.zone}`;
  if (flat.repeat) text += ` (${flat.repeat.iteration} of ${flat.repeat.of})`;
  return text;
}
