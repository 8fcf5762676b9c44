import type { ActivityRow } from '../schema/index.ts';
import { parseTimestamp } from './sync-tables.ts';

/** Device-measured values: a device source wins them over manual or client edits. */
export const OBJECTIVE = [
  'date',
  'startTime',
  'type',
  'durationSec',
  'distanceMeters',
  'avgHr',
  'maxHr',
  'elevationGainMeters',
] as const;
/** How it felt: the runner's latest edit (by server receipt) wins. */
export const SUBJECTIVE = ['rpe', 'feeling', 'notes'] as const;

/** Two activities of one type starting at most this far apart are one activity. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

export type ActivityValues = Pick<
  ActivityRow,
  (typeof OBJECTIVE)[number] | (typeof SUBJECTIVE)[number] | 'source' | 'workoutId'
>;

export const isDevice = (source: string) => source !== 'manual';

/**
 * An edit pushed for a stored activity. Objective fields of a device-sourced record stay unless the edit
 * itself comes from a device; subjective fields follow the edit, except that a device re-sending the record
 * without them does not clear the runner's. Same result whichever of a manual and a device edit arrives first.
 */
export function applyEdit(
  stored: ActivityValues,
  edit: ActivityValues,
): { values: ActivityValues; kept: string[] } {
  const deviceEdit = isDevice(edit.source);
  const keepObjective = isDevice(stored.source) && !deviceEdit;
  const values = { ...edit, source: keepObjective ? stored.source : edit.source } as ActivityValues;
  const kept: string[] = [];
  for (const f of OBJECTIVE) {
    if (keepObjective) {
      if (!same(stored[f], edit[f])) kept.push(f);
      (values as Record<string, unknown>)[f] = stored[f];
    }
  }
  for (const f of SUBJECTIVE) {
    if (deviceEdit && edit[f] == null) (values as Record<string, unknown>)[f] = stored[f];
  }
  return { values, kept };
}

/**
 * Two records of one activity: the device one survives (both or neither: the smaller id, so the outcome
 * does not depend on arrival order); objective values are the survivor's, subjective ones the manual log's
 * (else whichever has them, the survivor first).
 */
export function mergeDuplicates<T extends ActivityValues & { id: string }>(
  a: T,
  b: T,
): { survivor: T; loser: T; values: ActivityValues } {
  const aWins = isDevice(a.source) !== isDevice(b.source) ? isDevice(a.source) : a.id < b.id;
  const [survivor, loser] = aWins ? [a, b] : [b, a];
  const manual = !isDevice(loser.source) && isDevice(survivor.source) ? loser : survivor;
  const other = manual === survivor ? loser : survivor;
  const values = { ...pickValues(survivor) };
  for (const f of SUBJECTIVE) {
    (values as Record<string, unknown>)[f] = manual[f] ?? other[f] ?? null;
  }
  values.workoutId = survivor.workoutId ?? loser.workoutId ?? null;
  return { survivor, loser, values };
}

function pickValues(a: ActivityValues): ActivityValues {
  const out: Record<string, unknown> = { source: a.source, workoutId: a.workoutId };
  for (const f of [...OBJECTIVE, ...SUBJECTIVE]) out[f] = a[f];
  return out as ActivityValues;
}

function same(x: unknown, y: unknown): boolean {
  if (x == null || y == null) return x == null && y == null;
  if (typeof x === 'string' && typeof y === 'string' && /:/.test(x) && /:/.test(y)) {
    return parseTimestamp(x) === parseTimestamp(y);
  }
  return x === y;
}
