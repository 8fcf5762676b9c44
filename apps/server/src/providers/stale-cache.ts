import { isOutage } from '@runningcoach/integrations';

/** A provider's answer as the cache hands it out: when it was fetched, and whether it stands in for a fresh one. */
export interface Cached<T> {
  value: T;
  fetchedAt: number;
  stale: boolean;
}

export interface StaleCacheOptions {
  /** How long an answer is served without asking the provider (0: always ask). */
  ttlMs: number;
  /** How old an answer may be to stand in while the provider is down (an outage or an open circuit). */
  maxStaleMs: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Answers per key, in this process: fresh for `ttlMs`; while the provider is down the last answer for the key,
 * up to `maxStaleMs` old, is handed out marked stale (a 4xx or a bad payload is no outage: it is thrown).
 * Bounded, oldest out first.
 */
export class StaleCache<T> {
  private readonly entries = new Map<string, { value: T; fetchedAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: StaleCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string, load: () => Promise<T>): Promise<Cached<T>> {
    const hit = this.entries.get(key);
    const age = hit ? this.now() - hit.fetchedAt : Infinity;
    if (hit && age < this.options.ttlMs) return { ...hit, stale: false };
    let value: T;
    try {
      value = await load();
    } catch (err) {
      if (hit && age <= this.options.maxStaleMs && isOutage(err)) return { ...hit, stale: true };
      throw err;
    }
    const entry = { value, fetchedAt: this.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > (this.options.maxEntries ?? 5000))
      this.entries.delete(this.entries.keys().next().value!);
    return { ...entry, stale: false };
  }
}
