import { SyncError } from './errors.ts';
import type { Changes, PullPage, PushResult } from './types.ts';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

/** How the sync talks to the server; the HTTP one below, or a fake in unit tests. */
export interface SyncTransport {
  pull(args: {
    lastPulledAt: number | null;
    cursor: string | null;
    schemaVersion?: number;
  }): Promise<PullPage>;
  push(args: { lastPulledAt: number | null; changes: Changes; idempotencyKey: string }): Promise<PushResult>;
}

export interface HttpTransportOptions {
  /** The API root, e.g. `https://coach.example/api/v1`. */
  baseUrl: string;
  /** The current access token; with `{refresh: true}` after a 401 (refresh it, or throw to give up). */
  getAccessToken(opts: { refresh: boolean }): Promise<string>;
  fetch?: typeof globalThis.fetch;
  /** Extra pull query parameters (server extensions such as `limit` or `window_days`). */
  pullQuery?: Record<string, string>;
  /** Headers added to every request (a device id, a test's client tag). */
  headers?: Record<string, string>;
  /** A request with no answer by then is aborted and counts as a network failure. */
  timeoutMs?: number;
  /** gzip push bodies above 1 KiB (the server accepts `Content-Encoding: gzip`). Responses are gunzipped by fetch. */
  compressRequests?: boolean;
  timers?: Timers;
}

const COMPRESS_ABOVE_BYTES = 1024;

/** `GET`/`POST /sync` of API.md over fetch (browser and Node alike; no Node APIs). */
export function createHttpTransport(opts: HttpTransportOptions): SyncTransport {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const timers = opts.timers ?? realTimers;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function send(method: string, path: string, body?: string, extra: Record<string, string> = {}) {
    let token = await opts.getAccessToken({ refresh: false });
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...opts.headers,
        ...extra,
        authorization: `Bearer ${token}`,
      };
      let payload: RequestInit['body'] = body;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        if (opts.compressRequests && body.length > COMPRESS_ABOVE_BYTES) {
          payload = await gzip(body);
          headers['content-encoding'] = 'gzip';
        }
      }
      const res = await fetchWithTimeout(method, path, headers, payload);
      if (res.status === 401 && attempt === 0) {
        await res.body?.cancel().catch(() => undefined);
        try {
          token = await opts.getAccessToken({ refresh: true });
        } catch (err) {
          throw new SyncError('access token refresh failed', 'auth', false, 401, errorMessage(err));
        }
        continue;
      }
      return readJson(res);
    }
  }

  async function fetchWithTimeout(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: RequestInit['body'],
  ) {
    const controller = new AbortController();
    const timer = timers.setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await doFetch(opts.baseUrl + path, { method, headers, body, signal: controller.signal });
    } catch (err) {
      const timedOut = controller.signal.aborted;
      throw new SyncError(
        timedOut ? `no answer within ${timeoutMs} ms` : `network error: ${errorMessage(err)}`,
        timedOut ? 'timeout' : 'network',
        true,
      );
    } finally {
      timers.clearTimeout(timer);
    }
  }

  async function readJson(res: Response): Promise<unknown> {
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // The connection died mid-body: the server may have acted on the request, the client cannot know.
      throw new SyncError(`response lost: ${errorMessage(err)}`, 'network', true, res.status);
    }
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      if (res.ok) throw new SyncError('response is not JSON', 'protocol', true, res.status);
    }
    if (res.ok) return json;
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    const message = `${res.status} ${error?.code ?? res.statusText}${error?.message ? `: ${error.message}` : ''}`;
    if (res.status === 401 || res.status === 403)
      throw new SyncError(message, 'auth', false, res.status, error);
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new SyncError(
      message,
      retryable ? 'server' : 'rejected',
      retryable,
      res.status,
      error?.details,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
    );
  }

  return {
    async pull({ lastPulledAt, cursor, schemaVersion }) {
      const q = new URLSearchParams(opts.pullQuery);
      if (lastPulledAt !== null) q.set('last_pulled_at', String(lastPulledAt));
      if (schemaVersion !== undefined) q.set('schema_version', String(schemaVersion));
      if (cursor !== null) q.set('cursor', cursor);
      const qs = q.toString();
      return parsePullPage(await send('GET', `/sync${qs ? `?${qs}` : ''}`));
    },
    async push({ lastPulledAt, changes, idempotencyKey }) {
      const qs = lastPulledAt === null ? '' : `?last_pulled_at=${lastPulledAt}`;
      const body = await send('POST', `/sync${qs}`, JSON.stringify({ changes }), {
        'idempotency-key': idempotencyKey,
      });
      const conflicts = (body as { conflicts?: unknown } | undefined)?.conflicts;
      return { ok: true, conflicts: Array.isArray(conflicts) ? conflicts : [] };
    },
  };
}

function parsePullPage(body: unknown): PullPage {
  const b = body as Partial<PullPage> | undefined;
  if (!b || typeof b.changes !== 'object' || b.changes === null) {
    throw new SyncError('pull answer has no changes', 'protocol', true);
  }
  const timestamp = typeof b.timestamp === 'number' ? b.timestamp : null;
  if (!b.hasMore && timestamp === null)
    throw new SyncError('last pull page has no timestamp', 'protocol', true);
  return { changes: b.changes, timestamp, hasMore: Boolean(b.hasMore), nextCursor: b.nextCursor ?? null };
}

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));
