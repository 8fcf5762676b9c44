/** A provider call that failed: `retryable` for outages (5xx, 429, timeouts, network), not for a 4xx answer. */
export class ProviderHttpError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number | null,
    message: string,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderHttpError';
  }

  get retryable(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams;
  timeoutMs?: number;
}

/**
 * One HTTP call to a provider with a deadline. The URL's query is left out of error messages: Garmin's
 * callback URLs carry a token in it.
 */
export async function providerFetch(
  provider: string,
  url: string,
  opts: RequestOptions = {},
): Promise<Response> {
  const where = url.split('?')[0];
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
    throw new ProviderHttpError(provider, null, `${opts.method ?? 'GET'} ${where} ${why}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new ProviderHttpError(
      provider,
      res.status,
      `${opts.method ?? 'GET'} ${where} answered ${res.status}`,
    );
  }
  return res;
}

export async function providerJson<T>(provider: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await providerFetch(provider, url, opts);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ProviderHttpError(provider, res.status, `${url.split('?')[0]} answered with invalid JSON`);
  }
}
