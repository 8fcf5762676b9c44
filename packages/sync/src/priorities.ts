import { type Changes, emptyTableChanges, type RawRecord } from './types.ts';

/** Records per push: well under the server's 1 MiB body and 10,000 records a list. */
export const DEFAULT_MAX_PUSH_RECORDS = 500;

/**
 * What matters most to the runner goes first when the pending queue is larger than one push: completed
 * workouts (the activities logged and the plan's workouts marked done) and check-ins, then everything else.
 */
export function priorityOf(table: string, record: RawRecord | null): number {
  if (table === 'activities' || table === 'daily_metrics') return 0;
  if (table === 'scheduled_workouts' && record?.state === 'completed') return 0;
  return 1;
}

/** The first push of `changes`: at most `max` records, by priority (a table's own order otherwise kept). */
export function firstBatch(changes: Changes, max: number): Changes {
  type Item = {
    table: string;
    kind: 'created' | 'updated' | 'deleted';
    record: RawRecord | null;
    id: string;
  };
  const items: Item[] = [];
  for (const [table, t] of Object.entries(changes)) {
    for (const kind of ['created', 'updated'] as const)
      for (const record of t[kind]) items.push({ table, kind, record, id: record.id });
    for (const id of t.deleted) items.push({ table, kind: 'deleted', record: null, id });
  }
  if (items.length <= max) return changes;
  const chosen = items
    .map((item, i) => ({ item, i, rank: priorityOf(item.table, item.record) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, max);
  const out: Changes = {};
  for (const { item } of chosen.sort((a, b) => a.i - b.i)) {
    const t = (out[item.table] ??= emptyTableChanges());
    if (item.kind === 'deleted') t.deleted.push(item.id);
    else t[item.kind].push(item.record!);
  }
  return out;
}
