/**
 * A small per-runner cache (dashboard/today). `get` hands back a stamp taken before the value is computed;
 * `set` stores only if no invalidation happened since that stamp, so a read racing a write can never put
 * the pre-write value back. The TTL is a safety net, not the freshness mechanism: every write that changes
 * what is cached calls `invalidate` after it commits.
 */
export interface RunnerCache<T> {
  get(userId: string): Promise<{ value: T | null; stamp: string }>;
  set(userId: string, value: T, stamp: string): Promise<void>;
  invalidate(userId: string): Promise<void>;
  close(): Promise<void>;
}

/** Inject with `@Inject(DASHBOARD_CACHE) cache: RunnerCache<Dashboard>`. */
export const DASHBOARD_CACHE = Symbol('DASHBOARD_CACHE');

/** No caching at all (TTL 0): every read computes. */
export class NoRunnerCache<T> implements RunnerCache<T> {
  get() {
    return Promise.resolve({ value: null, stamp: '0' });
  }
  set() {
    return Promise.resolve();
  }
  invalidate() {
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

/** One process: a Map in LRU order (re-inserted on use), bounded to `maxEntries` runners. */
export class MemoryRunnerCache<T> implements RunnerCache<T> {
  private readonly values = new Map<string, { value: T; gen: number; expires: number }>();
  /** Generation per runner, bumped by invalidate; stamps are generations. */
  private readonly gens = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(userId: string) {
    const gen = this.gens.get(userId) ?? 0;
    const hit = this.values.get(userId);
    if (!hit || hit.gen !== gen || hit.expires <= this.now()) {
      if (hit) this.values.delete(userId);
      return Promise.resolve({ value: null, stamp: String(gen) });
    }
    this.values.delete(userId);
    this.values.set(userId, hit);
    return Promise.resolve({ value: hit.value, stamp: String(gen) });
  }

  set(userId: string, value: T, stamp: string) {
    const gen = this.gens.get(userId) ?? 0;
    if (String(gen) === stamp) {
      this.values.delete(userId);
      this.values.set(userId, { value, gen, expires: this.now() + this.ttlMs });
      this.evict(this.values);
    }
    return Promise.resolve();
  }

  invalidate(userId: string) {
    this.values.delete(userId);
    this.gens.delete(userId);
    this.gens.set(userId, ++this.seq);
    this.evict(this.gens);
    return Promise.resolve();
  }

  close() {
    this.values.clear();
    this.gens.clear();
    return Promise.resolve();
  }

  private evict(map: Map<string, unknown>) {
    while (map.size > this.maxEntries) map.delete(map.keys().next().value!);
  }
}
