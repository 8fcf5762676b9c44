export type CircuitState = 'closed' | 'open' | 'half-open';

/** Thrown instead of calling a provider whose circuit is open: the caller retries later. */
export class CircuitOpenError extends Error {
  constructor(
    readonly provider: string,
    readonly retryAt: number,
  ) {
    super(`${provider}: circuit open until ${new Date(retryAt).toISOString()}`);
    this.name = 'CircuitOpenError';
  }
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (5). */
  failureThreshold?: number;
  /** How long it stays open before one trial call is let through (30 s). */
  openMs?: number;
  /** Injectable for tests. */
  now?: () => number;
  /**
   * Which errors count as the provider failing. Default: all but those saying they are not retryable
   * (ProviderHttpError for a 4xx answer): a 404 is an answer, not an outage.
   */
  isFailure?: (err: unknown) => boolean;
}

/**
 * Per-provider circuit breaker: after `failureThreshold` consecutive failures calls fail fast for `openMs`;
 * then one trial call (half-open) closes it on success or opens it again on failure.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;
  private readonly isFailure: (err: unknown) => boolean;

  constructor(
    readonly provider: string,
    opts: CircuitBreakerOptions = {},
  ) {
    this.threshold = opts.failureThreshold ?? 5;
    this.openMs = opts.openMs ?? 30_000;
    this.now = opts.now ?? Date.now;
    this.isFailure =
      opts.isFailure ?? ((err) => (err as { retryable?: unknown } | null)?.retryable !== false);
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw new CircuitOpenError(this.provider, (this.openedAt ?? this.now()) + this.openMs);
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await fn();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (err) {
      if (this.isFailure(err)) {
        this.failures++;
        if (trial || this.failures >= this.threshold) this.openedAt = this.now();
      } else if (trial) {
        this.openedAt = null; // the provider answered: it is up
        this.failures = 0;
      }
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }
}
