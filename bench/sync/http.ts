import { Agent, request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';

/**
 * A connection per request, without a cap: a device syncing every half minute does not keep one open (the
 * server closes idle keep-alive sockets after a few seconds, and a reused one would race that close).
 */
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

export interface Exchange {
  status: number;
  /** Bytes of the response body as they crossed the wire (gzipped when the server chose to). */
  wireBytes: number;
  /** The decoded body's bytes (the JSON). */
  jsonBytes: number;
  gzipped: boolean;
  // The bench reads the server's JSON; shapes are the sync protocol's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  ms: number;
}

/**
 * One request, timed from the call to the last body byte. Raw node:http (not fetch), because fetch inflates
 * gzip transparently and hides the byte count the bench is about.
 */
export function call(
  url: string,
  opts: {
    method?: string;
    token?: string;
    json?: unknown;
    gzip?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<Exchange> {
  const body = opts.json === undefined ? undefined : Buffer.from(JSON.stringify(opts.json));
  const headers: Record<string, string> = {
    ...(opts.gzip !== false && { 'accept-encoding': 'gzip' }),
    ...(opts.token && { authorization: `Bearer ${opts.token}` }),
    ...(body && { 'content-type': 'application/json', 'content-length': String(body.length) }),
    ...opts.headers,
  };
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const wire = Buffer.concat(chunks);
        const gzipped = res.headers['content-encoding'] === 'gzip';
        const text = (gzipped ? gunzipSync(wire) : wire).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: kept as text for the error message
        }
        resolve({
          status: res.statusCode ?? 0,
          wireBytes: wire.length,
          jsonBytes: Buffer.byteLength(text),
          gzipped,
          body: parsed,
          ms,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function ok(url: string, opts: Parameters<typeof call>[1] = {}): Promise<Exchange> {
  const res = await call(url, opts);
  if (res.status >= 300)
    throw new Error(
      `${opts.method ?? 'GET'} ${url} → ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`,
    );
  return res;
}

export function closeAgent(): void {
  agent.destroy();
}
