import type { AddOptions, Backoff, JsonValue, ScheduleOptions } from './job-queue.ts';

export interface JobDefaults {
  attempts: number;
  backoff: Backoff;
}

/** How long finished jobs are kept; this is also the idempotency window of `jobId`. */
export interface Retention {
  ageMs: number;
  count: number;
}

export const DEFAULT_JOB_DEFAULTS: JobDefaults = {
  attempts: 3,
  backoff: { type: 'exponential', delayMs: 1000 },
};
// A day covers every re-enqueue we make on purpose (the midnight scan repeats for an hour).
export const DEFAULT_RETENTION: Retention = { ageMs: 24 * 60 * 60 * 1000, count: 100_000 };

export interface ResolvedAddOptions {
  jobId?: string;
  delayMs: number;
  attempts: number;
  backoff: Backoff;
}

/** Both implementations validate alike, so a bad option fails the same way with or without Redis. */
export function resolveAddOptions(opts: AddOptions, defaults: JobDefaults): ResolvedAddOptions {
  const resolved = {
    jobId: opts.jobId,
    delayMs: opts.delayMs ?? 0,
    attempts: opts.attempts ?? defaults.attempts,
    backoff: opts.backoff ?? defaults.backoff,
  };
  if (resolved.jobId !== undefined && resolved.jobId.length === 0)
    throw new RangeError('jobId must not be empty');
  check(Number.isInteger(resolved.attempts) && resolved.attempts >= 1, 'attempts must be an integer >= 1');
  check(Number.isFinite(resolved.delayMs) && resolved.delayMs >= 0, 'delayMs must be >= 0');
  check(
    Number.isFinite(resolved.backoff.delayMs) && resolved.backoff.delayMs >= 0,
    'backoff.delayMs must be >= 0',
  );
  return resolved;
}

export function validateSchedule(opts: ScheduleOptions): void {
  check(opts.jobId.length > 0, 'schedule jobId must not be empty');
  const hasPattern = typeof opts.pattern === 'string';
  const hasEvery = typeof opts.everyMs === 'number';
  check(hasPattern !== hasEvery, 'schedule needs exactly one of pattern and everyMs');
  if (hasEvery)
    check(Number.isInteger(opts.everyMs) && opts.everyMs! > 0, 'everyMs must be a positive integer');
}

export function validateConcurrency(concurrency: number): void {
  check(Number.isInteger(concurrency) && concurrency >= 1, 'concurrency must be an integer >= 1');
}

export function backoffDelay(backoff: Backoff, attemptsMade: number): number {
  return backoff.type === 'fixed' ? backoff.delayMs : Math.round(backoff.delayMs * 2 ** (attemptsMade - 1));
}

/** JSON round trip: the in-process queue sees exactly what a BullMQ worker would. */
export function toJson(payload: JsonValue): JsonValue {
  const text = JSON.stringify(payload);
  if (text === undefined) throw new TypeError('job payload must be JSON');
  return JSON.parse(text) as JsonValue;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/** BullMQ's rule (its keys are `<prefix>:<name>:...`), applied to both implementations. */
export function validateQueueName(name: string): void {
  check(name.length > 0 && !name.includes(':'), `queue name must be non-empty without ':' (got "${name}")`);
}
