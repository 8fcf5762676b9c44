import { expect } from 'vitest';
import { todayUtc } from './domain.ts';
import type { Client } from './http.ts';

export type Raw = Record<string, unknown>;
export interface PullBody {
  changes: Record<string, { created: Raw[]; updated: Raw[]; deleted: string[] }>;
  timestamp: number | null;
  hasMore: boolean;
  nextCursor: string | null;
}

/** A pushed activity record (raw, snake_case): a 30-minute run today unless `extra` says otherwise. */
export const run = <E extends Raw>(id: string, extra: E = {} as E) => ({
  id,
  date: todayUtc(),
  type: 'run',
  duration_sec: 1800,
  distance_meters: 5000,
  ...extra,
});

/** GET /sync, expecting 200. */
export async function pull(api: Client, token: string, query = ''): Promise<PullBody> {
  const res = await api.get(`/sync${query ? `?${query}` : ''}`, token);
  expect(res.status).toBe(200);
  return res.body as PullBody;
}

/** POST /sync with optional last_pulled_at, Idempotency-Key and X-Device-Id. */
export function push(
  api: Client,
  token: string,
  changes: unknown,
  opts: { since?: number; key?: string; device?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.key) headers['idempotency-key'] = opts.key;
  if (opts.device) headers['x-device-id'] = opts.device;
  const q = opts.since !== undefined ? `?last_pulled_at=${opts.since}` : '';
  return api.request('POST', `/sync${q}`, { json: { changes }, token, headers });
}

export const ids = (rows: { id?: unknown }[]) => rows.map((r) => r.id).sort();
export const byId = (rows: Raw[], id: string) => rows.find((r) => r.id === id);
