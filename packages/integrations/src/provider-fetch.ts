// JSON GET for the context providers (Ahotu, OpenWeather, MyFitnessPal): a timeout, one retry after a short
// pause on a network error or 5xx (GETs are idempotent), and errors that say which provider failed and how.
// Local stand-in until the shared circuit breaker lands (integrations' breaker is built on another branch).

export type ProviderErrorKind = 'not_found' | 'rejected' | 'unavailable' | 'bad_payload';

export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(`${provider}: ${message}`);
  }
}

export interface ProviderFetchOptions {
  provider: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Pause before the one retry; tests set 0. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

export async function getJson<T>(url: URL, options: ProviderFetchOptions): Promise<T> {
  const { provider, timeoutMs = 5000, retryDelayMs = 250 } = options;
  const doFetch = options.fetch ?? fetch;
  let last: ProviderError | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, retryDelayMs));
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { accept: 'application/json', ...options.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      last = new ProviderError(provider, 'unavailable', `unreachable (${(err as Error).name})`);
      continue;
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      last = new ProviderError(provider, 'unavailable', `answered ${res.status}`, res.status);
      continue;
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new ProviderError(provider, 'not_found', 'not found', 404);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ProviderError(provider, 'rejected', `refused the request (${res.status})`, res.status);
    }
    try {
      return (await res.json()) as T;
    } catch {
      throw new ProviderError(provider, 'bad_payload', 'answered with invalid JSON', res.status);
    }
  }
  throw last!;
}
