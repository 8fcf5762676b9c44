import { type CircuitBreaker, CircuitOpenError } from './circuit-breaker.ts';

export type ProviderErrorKind = 'not_found' | 'rejected' | 'unavailable' | 'bad_payload';

/**
 * A provider call that failed. `status` is the HTTP status, null when no answer came (timeout, network).
 * `kind` is what a caller acts on; `retryable` marks outages (5xx, 429, no answer), not a 4xx answer.
 */
export class ProviderHttpError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number | null,
    message: string,
    private readonly badPayload = false,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderHttpError';
  }

  get retryable(): boolean {
    return !this.badPayload && (this.status === null || this.status === 429 || this.status >= 500);
  }

  get kind(): ProviderErrorKind {
    if (this.badPayload) return 'bad_payload';
    if (this.retryable) return 'unavailable';
    return this.status === 404 ? 'not_found' : 'rejected';
  }
}

/** An answer we cannot use (invalid JSON, a required part missing): not an outage, retrying will not help. */
export const badPayload = (provider: string, message: string, status: number | null = null) =>
  new ProviderHttpError(provider, status, message, true);

/** Is the provider down (or its circuit open), so the work is worth trying again later? */
export const isOutage = (err: unknown): boolean =>
  err instanceof CircuitOpenError || (err instanceof ProviderHttpError && err.retryable);

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams;
  /** Deadline of each attempt (10 s). */
  timeoutMs?: number;
  /**
   * Further attempts after an outage (0). Only for idempotent requests: a GET, or a write the provider
   * deduplicates. Attempt n waits `backoffMs` × 2^(n-1) first.
   */
  retries?: number;
  backoffMs?: number;
  /** The provider's circuit breaker: every attempt goes through it, and an open circuit stops the retries. */
  breaker?: CircuitBreaker;
}

/** How a client passes its callers' transport settings on (timeouts, retries, the shared breaker). */
export type TransportOptions = Pick<RequestOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'breaker'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one way to call a provider: a deadline per attempt, retries with exponential backoff on outages, the
 * provider's circuit breaker around each attempt. The URL's query is left out of error messages: Garmin's
 * callback URLs and OpenWeather's `appid` carry secrets there.
 */
export async function providerFetch(
  provider: string,
  url: string,
  opts: RequestOptions = {},
): Promise<Response> {
  const retries = opts.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await sleep((opts.backoffMs ?? 250) * 2 ** (attempt - 1));
    try {
      return opts.breaker
        ? await opts.breaker.call(() => once(provider, url, opts))
        : await once(provider, url, opts);
    } catch (err) {
      const again = err instanceof ProviderHttpError && err.retryable && attempt < retries;
      if (!again) throw err;
    }
  }
}

async function once(provider: string, url: string, opts: RequestOptions): Promise<Response> {
  const what = `${opts.method ?? 'GET'} ${url.split('?')[0]}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers: opts.headers,
      body: opts.body as RequestInit['body'],
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    const why = (err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable';
    throw new ProviderHttpError(provider, null, `${what} ${why}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new ProviderHttpError(provider, res.status, `${what} answered ${res.status}`);
  }
  return res;
}

export async function providerJson<T>(provider: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await providerFetch(provider, url, {
    ...opts,
    headers: { accept: 'application/json', ...opts.headers },
  });
  try {
    return (await res.json()) as T;
  } catch {
    throw badPayload(provider, `${url.split('?')[0]} answered with invalid JSON`, res.status);
  }
}
