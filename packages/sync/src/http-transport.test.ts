import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncError } from './errors.ts';
import { createHttpTransport } from './http-transport.ts';

// A real HTTP server (node:http) standing in for the API's edge cases; the protocol itself is tested
// against the real server in apps/server/test/sync-faults.test.ts.
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('createHttpTransport', () => {
  it('refreshes the token once on 401 and sends the idempotency key and a gzip body', async () => {
    const seen: { auth?: string; key?: string; encoding?: string; body?: unknown; url?: string }[] = [];
    const baseUrl = await serve((req, body, res) => {
      const encoding = req.headers['content-encoding'];
      seen.push({
        auth: req.headers.authorization,
        key: req.headers['idempotency-key'] as string,
        encoding,
        url: req.url,
        body: body.length
          ? JSON.parse((encoding === 'gzip' ? gunzipSync(body) : body).toString())
          : undefined,
      });
      if (req.headers.authorization !== 'Bearer fresh')
        return json(res, 401, { error: { code: 'UNAUTHORIZED' } });
      json(res, 200, { ok: true, conflicts: [{ table: 'activities', id: 'x' }] });
    });
    const refreshes: boolean[] = [];
    const transport = createHttpTransport({
      baseUrl,
      compressRequests: true,
      getAccessToken: async ({ refresh }) => (refreshes.push(refresh), refresh ? 'fresh' : 'stale'),
    });
    const notes = 'n'.repeat(5000);
    const changes = { activities: { created: [{ id: 'x', notes }], updated: [], deleted: [] } };
    const result = await transport.push({ lastPulledAt: 42, changes, idempotencyKey: 'key-1' });
    expect(result.conflicts).toEqual([{ table: 'activities', id: 'x' }]);
    expect(refreshes).toEqual([false, true]);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(seen[1]).toMatchObject({ key: 'key-1', encoding: 'gzip', url: '/api/v1/sync?last_pulled_at=42' });
    expect(seen[1]!.body).toEqual({ changes });
  });

  it('classifies failures: 503 with Retry-After, 400 with details, a cut response, a timeout', async () => {
    let mode = '';
    const baseUrl = await serve((req, _body, res) => {
      if (mode === '503') return json(res, 503, { error: { code: 'UNAVAILABLE' } }, { 'retry-after': '3' });
      if (mode === '400') return json(res, 400, { error: { code: 'VALIDATION', details: { records: [] } } });
      if (mode === 'cut') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"changes":');
        setTimeout(() => res.destroy(), 10);
        return;
      }
      // 'hang': never answers
    });
    const transport = createHttpTransport({ baseUrl, timeoutMs: 200, getAccessToken: async () => 't' });
    const pull = () =>
      transport.pull({ lastPulledAt: null, cursor: null }).catch((e: unknown) => e as SyncError);
    mode = '503';
    expect(await pull()).toMatchObject({ kind: 'server', retryable: true, status: 503, retryAfterMs: 3000 });
    mode = '400';
    expect(await pull()).toMatchObject({ kind: 'rejected', retryable: false, details: { records: [] } });
    mode = 'cut';
    expect(await pull()).toMatchObject({ kind: 'network', retryable: true });
    mode = 'hang';
    expect(await pull()).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('passes paging fields through and requires a timestamp on the last page', async () => {
    const urls: string[] = [];
    let body: unknown = {};
    const baseUrl = await serve((req, _b, res) => (urls.push(req.url!), json(res, 200, body)));
    const transport = createHttpTransport({ baseUrl, getAccessToken: async () => 't' });
    body = { changes: {}, timestamp: null, hasMore: true, nextCursor: 'c1' };
    expect(await transport.pull({ lastPulledAt: 5, cursor: null, schemaVersion: 2 })).toMatchObject({
      hasMore: true,
      nextCursor: 'c1',
    });
    body = { changes: {} };
    await expect(transport.pull({ lastPulledAt: 5, cursor: 'c1' })).rejects.toThrow('timestamp');
    expect(urls).toEqual([
      '/api/v1/sync?last_pulled_at=5&schema_version=2',
      '/api/v1/sync?last_pulled_at=5&cursor=c1',
    ]);
  });
});
