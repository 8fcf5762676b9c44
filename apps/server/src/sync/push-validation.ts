import { z } from 'zod';
import { AppError } from '../utils/errors.ts';
import { isSyncTable, PULL_ONLY, PUSH_SCHEMAS, RecordIdSchema, type SyncTable } from './sync-tables.ts';

/** The push body's shape; records are checked one by one afterwards so every error names its record. */
export const PushBodySchema = z.strictObject({
  changes: z.record(
    z.string(),
    z.strictObject({
      created: z.array(z.unknown()).max(10_000).optional(),
      updated: z.array(z.unknown()).max(10_000).optional(),
      deleted: z.array(z.unknown()).max(10_000).optional(),
    }),
  ),
});
export type PushBody = z.infer<typeof PushBodySchema>;

export interface RecordError {
  table: string;
  id: string | null;
  field: string | null;
  message: string;
}

export type PushTable = Exclude<SyncTable, 'rolling_stats' | 'alerts'>;

/** Validated changes: records parsed by their table's schema (last occurrence of an id wins). */
export type ValidChanges = Partial<
  Record<PushTable, { upserts: Map<string, Record<string, unknown>>; deleted: string[] }>
>;

/** Checks every record; any error rejects the whole push (400 SYNC_REJECTED) before anything is written. */
export function validatePush(body: PushBody, userId: string): ValidChanges {
  const errors: RecordError[] = [];
  const out: ValidChanges = {};
  for (const [table, change] of Object.entries(body.changes)) {
    if (!isSyncTable(table)) {
      errors.push({ table, id: null, field: null, message: 'is not a synced table' });
      continue;
    }
    const records = [...(change.created ?? []), ...(change.updated ?? [])];
    if (PULL_ONLY.has(table)) {
      for (const r of records)
        errors.push({ table, id: idOf(r), field: null, message: 'is pulled only, never pushed' });
      for (const id of change.deleted ?? []) {
        errors.push({
          table,
          id: typeof id === 'string' ? id : null,
          field: null,
          message: 'is pulled only, never pushed',
        });
      }
      continue;
    }
    const t = table as PushTable;
    const entry = { upserts: new Map<string, Record<string, unknown>>(), deleted: [] as string[] };
    for (const r of records) {
      const parsed = PUSH_SCHEMAS[t].safeParse(r);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const fields =
            issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.map(String).join('.') || null];
          for (const field of fields) {
            const message =
              issue.code === 'unrecognized_keys' ? 'is not a column of this table' : issue.message;
            errors.push({ table, id: idOf(r), field, message });
          }
        }
        continue;
      }
      const rec = parsed.data as Record<string, unknown> & { id: string };
      if (t === 'user_settings' && rec.id !== userId) {
        errors.push({ table, id: rec.id, field: 'id', message: "must be the runner's id" });
        continue;
      }
      entry.upserts.set(rec.id, rec);
    }
    for (const id of change.deleted ?? []) {
      const parsed = RecordIdSchema.safeParse(id);
      if (parsed.success) entry.deleted.push(parsed.data);
      else errors.push({ table, id: null, field: 'deleted', message: parsed.error.issues[0]!.message });
    }
    out[t] = entry;
  }
  if (errors.length) {
    const first = errors[0]!;
    throw new AppError(
      400,
      'SYNC_REJECTED',
      `${first.table}${first.id ? `/${first.id}` : ''}${first.field ? `.${first.field}` : ''}: ${first.message}`,
      { records: errors },
    );
  }
  return out;
}

function idOf(r: unknown): string | null {
  const id = (r as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
