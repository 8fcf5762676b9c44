import { createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '@runningcoach/sync';

/** Probabilities (0..1) of each fault, decided per request. */
export interface FaultRates {
  /** Close the connection without forwarding: the server never sees the request. */
  dropRequest: number;
  /** Forward, let the server answer (and commit), then close the connection: the client never hears back. */
  dropResponse: number;
  /** Deliver the request to the server twice at nearly the same time (the client gets the first answer). */
  duplicate: number;
  /** Answer 503 without forwarding. */
  unavailable: number;
  /** Hold the request 1..maxDelayMs before forwarding. */
  delay: number;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = {
  dropRequest: 0,
  dropResponse: 0,
  duplicate: 0,
  unavailable: 0,
  delay: 0,
  maxDelayMs: 0,
};

/** The header a simulated device sends so its faults come from its own seeded stream (stripped here). */
export const CLIENT_HEADER = 'x-sim-client';

type Fault = 'dropRequest' | 'dropResponse' | 'duplicate' | 'unavailable' | 'delay' | 'none';

/**
 * An HTTP proxy in front of the real server that injects network faults. Each device's requests draw from a
 * stream seeded by (seed, device): a device sends one request at a time, so its faults are reproducible
 * whatever the interleaving of devices. `target` may be null (server down, restarting): then every request
 * is answered 503, as a load balancer would.
 */
export class FaultProxy {
  rates: FaultRates = NO_FAULTS;
  readonly counts: Record<Fault, number> = {
    dropRequest: 0,
    dropResponse: 0,
    duplicate: 0,
    unavailable: 0,
    delay: 0,
    none: 0,
  };
  /** Requests that came with a gzip body (the client library compresses large pushes). */
  gzipBodies = 0;
  /** Called when a POST /sync is forwarded (before its answer): the simulation restarts the server here. */
  onPushForwarded: ((n: number) => void) | null = null;
  private pushes = 0;
  private readonly streams = new Map<string, () => number>();
  private readonly inflight = new Set<Promise<unknown>>();
  private server = createServer((req, res) => {
    const p = this.handle(req, res).catch(() => res.destroy());
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  });
  url = '';

  constructor(
    private target: string | null,
    private readonly seed: number,
  ) {}

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  setTarget(url: string | null) {
    this.target = url;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
    await Promise.allSettled([...this.inflight]);
  }

  private random(client: string): () => number {
    let s = this.streams.get(client);
    if (!s) {
      let h = this.seed >>> 0;
      for (const c of client) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
      this.streams.set(client, (s = mulberry32(h)));
    }
    return s;
  }

  private pick(random: () => number): Fault {
    const r = random();
    let acc = 0;
    for (const f of ['dropRequest', 'dropResponse', 'duplicate', 'unavailable', 'delay'] as const) {
      acc += this.rates[f];
      if (r < acc) return f;
    }
    return 'none';
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    const client = String(req.headers[CLIENT_HEADER] ?? 'anonymous');
    if (req.headers['content-encoding'] === 'gzip') this.gzipBodies++;
    const random = this.random(client);
    const fault = this.pick(random);
    const delayMs = 1 + Math.floor(random() * Math.max(1, this.rates.maxDelayMs));
    this.counts[fault]++;
    if (fault === 'dropRequest') return void res.destroy();
    if (fault === 'unavailable' || !this.target) return unavailable(res);
    if (fault === 'delay') await sleep(delayMs);
    const headers = { ...req.headers };
    delete headers[CLIENT_HEADER];
    delete headers.host;
    const isPush = req.method === 'POST' && /^\/api\/v1\/sync(\?|$)/.test(req.url ?? '');
    const target = this.target;
    const send = () => forward(target, req.method!, req.url!, headers, body);
    const first = send();
    if (isPush) this.onPushForwarded?.(++this.pushes);
    if (fault === 'duplicate') void send().catch(() => undefined);
    let answer: Answer;
    try {
      answer = await first;
    } catch {
      return unavailable(res); // the server went away mid-request (restart)
    }
    if (fault === 'dropResponse') return void res.destroy();
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

function forward(
  target: string,
  method: string,
  path: string,
  headers: IncomingMessage['headers'],
  body: Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, target);
    const req = httpRequest(url, { method, headers: { ...headers, connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined && k !== 'connection' && k !== 'transfer-encoding' && k !== 'keep-alive')
            out[k] = v;
        }
        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function unavailable(res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'injected by the fault proxy' } }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
