/** Why a sync cycle stopped; `retryable` tells the engine whether backing off and trying again can help. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'timeout' | 'server' | 'auth' | 'rejected' | 'protocol' | 'conflict',
    readonly retryable: boolean,
    readonly status?: number,
    readonly details?: unknown,
    /** From `Retry-After` (429/503): the engine waits at least this long. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** Per-record refusals of a push (`details.records` of a 400). */
export interface RecordError {
  table: string;
  id: string;
  field?: string;
  message: string;
}

export function recordErrorsOf(details: unknown): RecordError[] | null {
  const records = (details as { records?: unknown } | null | undefined)?.records;
  if (!Array.isArray(records)) return null;
  return records.filter(
    (r): r is RecordError =>
      typeof r === 'object' && r !== null && typeof r.table === 'string' && typeof r.id === 'string',
  );
}
