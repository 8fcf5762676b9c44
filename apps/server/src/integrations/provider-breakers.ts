import { Injectable } from '@nestjs/common';
import { CircuitBreaker, CircuitOpenError, ProviderHttpError } from '@runningcoach/integrations';

/** A provider failing, as the breaker counts it: outages (5xx, 429, timeouts), not a 4xx answer. */
const isOutage = (err: unknown) => !(err instanceof ProviderHttpError) || err.retryable;

/** Should the job be tried again later (outage, open circuit) rather than recorded as failed? */
export const isRetryable = (err: unknown) =>
  err instanceof CircuitOpenError || (err instanceof ProviderHttpError && err.retryable);

/**
 * One circuit breaker per provider for this process (open after 5 consecutive failures, half-open after
 * 30 s). `now` is the clock the breakers read: tests replace it.
 */
@Injectable()
export class ProviderBreakers {
  now: () => number = Date.now;
  private readonly breakers = new Map<string, CircuitBreaker>();

  get(provider: string): CircuitBreaker {
    let b = this.breakers.get(provider);
    if (!b) {
      b = new CircuitBreaker(provider, { now: () => this.now(), isFailure: isOutage });
      this.breakers.set(provider, b);
    }
    return b;
  }
}
