/**
 * Issue #4's conflict rules for activities, one module for the server (which decides) and the apps (which
 * can show what a push will do): pure functions over an activity's values, camelCase as the API names them.
 */

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

/** What the rules read; `startTime` is an instant as text (ISO-8601 or PostgreSQL's form). */
export type RuleValues = Record<(typeof OBJECTIVE)[number] | (typeof SUBJECTIVE)[number], unknown> & {
  source: string;
  workoutId: string | null;
};

export const isDevice = (source: string) => source !== 'manual';

/** PostgreSQL's text form (`2025-01-01 09:00:00+00`) or ISO-8601, as epoch ms. */
export const parseTimestamp = (s: string): number =>
  Date.parse(s.includes('T') ? s : s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));

/** Same type, starts at most DUPLICATE_WINDOW_MS apart (9:59 merges, 10:01 stays two). */
export function isDuplicate(a: RuleValues, b: RuleValues): boolean {
  if (a.type !== b.type || typeof a.startTime !== 'string' || typeof b.startTime !== 'string') return false;
  return Math.abs(parseTimestamp(a.startTime) - parseTimestamp(b.startTime)) <= DUPLICATE_WINDOW_MS;
}

/**
 * An edit of a stored activity. Objective fields of a device-sourced record stay unless the edit itself
 * comes from a device; subjective fields follow the edit, except that a device re-sending the record
 * without them does not clear the runner's. Same result whichever of a manual and a device edit arrives first.
 */
export function applyEdit<T extends RuleValues>(stored: T, edit: T): { values: T; kept: string[] } {
  const deviceEdit = isDevice(edit.source);
  const keepObjective = isDevice(stored.source) && !deviceEdit;
  const values = { ...edit, source: keepObjective ? stored.source : edit.source } as T;
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
export function mergeDuplicates<T extends RuleValues & { id: string }>(
  a: T,
  b: T,
): { survivor: T; loser: T; values: Omit<T, 'id'> } {
  const aWins = isDevice(a.source) !== isDevice(b.source) ? isDevice(a.source) : a.id < b.id;
  const [survivor, loser] = aWins ? [a, b] : [b, a];
  const manual = !isDevice(loser.source) && isDevice(survivor.source) ? loser : survivor;
  const other = manual === survivor ? loser : survivor;
  const values: Record<string, unknown> = { source: survivor.source, workoutId: survivor.workoutId };
  for (const f of OBJECTIVE) values[f] = survivor[f];
  for (const f of SUBJECTIVE) values[f] = manual[f] ?? other[f] ?? null;
  values.workoutId = survivor.workoutId ?? loser.workoutId ?? null;
  return { survivor, loser, values: values as Omit<T, 'id'> };
}

function same(x: unknown, y: unknown): boolean {
  if (x == null || y == null) return x == null && y == null;
  if (typeof x === 'string' && typeof y === 'string' && /:/.test(x) && /:/.test(y)) {
    return parseTimestamp(x) === parseTimestamp(y);
  }
  return x === y;
}
