import { type BackoffOptions, backoffDelay } from './backoff.ts';
import { SyncError } from './errors.ts';
import { realTimers, type SyncTransport, type Timers } from './http-transport.ts';
import { countLocalChanges } from './local-changes.ts';
import type { LocalStore } from './local-store.ts';
import { randomId } from './random.ts';
import { synchronize, type SynchronizeResult } from './synchronize.ts';
import { PUSH_TABLES } from './types.ts';

export type SyncState = 'synced' | 'syncing' | 'failed';

/** What the UI shows: a badge, "last synced 5 min ago", "3 changes waiting", "retrying in 8 s". */
/** The server's `/ws` events that mean this runner's data changed. */
const REALTIME_EVENTS = new Set(['sync:required', 'plan:updated', 'activity:new']);

export interface SyncStatus {
  state: SyncState;
  /** Device-clock ms of the last successful cycle (null: never). */
  lastSyncedAt: number | null;
  /** Local records not yet acknowledged by the server. */
  pendingCount: number;
  /** The last failure, while `state` is 'failed'. */
  error: { message: string; kind: SyncError['kind']; retryable: boolean } | null;
  /** When the next automatic retry runs (device-clock ms), or null. */
  nextRetryAt: number | null;
}

export type SyncTrigger =
  'launch' | 'foreground' | 'periodic' | 'manual' | 'workout' | 'realtime' | 'retry' | 'local';

export interface SyncEngineOptions {
  store: LocalStore;
  transport: SyncTransport;
  /** Device clock (ms); only for the status and retry times, never for ordering data. */
  now: () => number;
  /** Random in [0, 1): backoff jitter and idempotency keys (seed it in tests). */
  random: () => number;
  timers?: Timers;
  backoff?: BackoffOptions;
  /** Retry failed cycles automatically (default true). */
  autoRetry?: boolean;
  pushTables?: readonly string[];
  schemaVersion?: number;
  /** Test hook, see SynchronizeOptions. */
  beforeMarkSynced?: Parameters<typeof synchronize>[0]['beforeMarkSynced'];
}

/**
 * Runs sync cycles one at a time: triggers during a cycle run one more cycle after it (so a write made
 * during a sync is pushed without waiting for another write); a failed cycle is retried with exponential
 * backoff and jitter; a server-side merge reported in `conflicts` triggers one more cycle to pull its result.
 */
export class SyncEngine {
  private status: SyncStatus = {
    state: 'synced',
    lastSyncedAt: null,
    pendingCount: 0,
    error: null,
    nextRetryAt: null,
  };
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private running: Promise<SynchronizeResult> | null = null;
  private queued: Promise<SynchronizeResult> | null = null;
  private attempt = 0;
  private retryTimer: unknown = null;
  private periodicTimer: unknown = null;
  private readonly timers: Timers;
  private stopped = false;

  constructor(private readonly opts: SyncEngineOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  getStatus(): SyncStatus {
    return { ...this.status };
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after local writes: refreshes the pending count (and syncs when `sync` is set). */
  async localChanged({ sync = false } = {}): Promise<void> {
    await this.refreshPending();
    if (sync) void this.sync('local').catch(() => undefined);
  }

  /**
   * Runs a cycle now (or after the running one) and resolves with its result; rejects with the SyncError
   * of a failed cycle (a retry is already scheduled when it can help).
   */
  sync(_trigger: SyncTrigger = 'manual'): Promise<SynchronizeResult> {
    if (this.stopped) return Promise.reject(new SyncError('sync engine stopped', 'protocol', false));
    if (this.running) {
      // Coalesced: however many triggers arrive during a cycle, one more cycle runs after it.
      this.queued ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.sync(_trigger);
        });
      return this.queued;
    }
    this.cancelRetry();
    const run = this.cycle();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }

  /**
   * A message from the server's WebSocket `/ws` (`{"type":"sync:required"|"plan:updated"|"activity:new"}`,
   * as text or parsed): the server has news for this runner, so a cycle runs ('realtime'). Anything else
   * (a ping, another app's message, broken JSON) is ignored and answers null.
   */
  onRealtimeMessage(message: string | { type?: unknown }): Promise<SynchronizeResult> | null {
    let type: unknown;
    try {
      type = (typeof message === 'string' ? (JSON.parse(message) as { type?: unknown }) : message)?.type;
    } catch {
      return null;
    }
    return typeof type === 'string' && REALTIME_EVENTS.has(type) ? this.sync('realtime') : null;
  }

  /** App launch: one cycle now, then one every `periodMs` (the 'periodic' trigger) until stop(). */
  start({ periodMs = 5 * 60_000 } = {}): void {
    this.stopped = false;
    const tick = () => {
      this.periodicTimer = this.timers.setTimeout(() => {
        void this.sync('periodic').catch(() => undefined);
        tick();
      }, periodMs);
    };
    void this.sync('launch').catch(() => undefined);
    tick();
  }

  /** Stops automatic retries and the periodic trigger (the app goes to the background, a test ends). */
  stop(): void {
    this.stopped = true;
    this.cancelRetry();
    if (this.periodicTimer !== null) this.timers.clearTimeout(this.periodicTimer);
    this.periodicTimer = null;
  }

  private async cycle(): Promise<SynchronizeResult> {
    this.update({ state: 'syncing', nextRetryAt: null });
    try {
      const result = await synchronize({
        store: this.opts.store,
        transport: this.opts.transport,
        newKey: () => randomId(this.opts.random, 24),
        pushTables: this.opts.pushTables,
        schemaVersion: this.opts.schemaVersion,
        beforeMarkSynced: this.opts.beforeMarkSynced,
      });
      this.attempt = 0;
      this.update({ state: 'synced', lastSyncedAt: this.opts.now(), error: null, nextRetryAt: null });
      await this.refreshPending();
      // The server merged or overrode something: its result is already waiting on the next pull.
      if (result.conflicts.length && !this.queued) this.scheduleRetry(0);
      return result;
    } catch (err) {
      const e =
        err instanceof SyncError
          ? err
          : new SyncError(err instanceof Error ? err.message : String(err), 'protocol', true);
      this.update({ state: 'failed', error: { message: e.message, kind: e.kind, retryable: e.retryable } });
      await this.refreshPending().catch(() => undefined);
      if (e.retryable) {
        const delay = Math.max(
          backoffDelay(this.attempt, this.opts.random, this.opts.backoff),
          e.retryAfterMs ?? 0,
        );
        this.attempt++;
        this.scheduleRetry(delay);
      }
      throw e;
    }
  }

  private scheduleRetry(delayMs: number) {
    if (this.stopped || this.opts.autoRetry === false) return;
    this.cancelRetry();
    this.update({ nextRetryAt: this.opts.now() + delayMs });
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.sync('retry').catch(() => undefined);
    }, delayMs);
  }

  private cancelRetry() {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async refreshPending() {
    const tables = this.opts.pushTables ?? PUSH_TABLES;
    const pendingCount = await this.opts.store.transaction((tx) => countLocalChanges(tx, tables));
    this.update({ pendingCount });
  }

  private update(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.getStatus());
  }
}
