import { WebSocket } from 'ws';

export interface Frame {
  type: string;
  data: Record<string, unknown>;
  at: string;
}

/** A test's `/ws` connection: every frame it received, and how it closed. */
export interface TestSocket {
  ws: WebSocket;
  frames: Frame[];
  /** Data events only (no `connected`/`pong`). */
  events(): Frame[];
  closed: Promise<{ code: number; reason: string }>;
  next(type: string, ms?: number): Promise<Frame>;
}

export const wsUrl = (httpBase: string, query = '') =>
  `${httpBase.replace(/^http/, 'ws').replace(/\/api\/v1\/?$/, '')}/ws${query}`;

/** Opens a socket; resolves once it is open (not yet authenticated: await `next('connected')` for that). */
export async function openSocket(
  url: string,
  opts: { protocols?: string[]; autoPong?: boolean } = {},
): Promise<TestSocket> {
  const ws = new WebSocket(url, opts.protocols, { autoPong: opts.autoPong ?? true });
  const frames: Frame[] = [];
  const waiters: { type: string; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString()) as Frame;
    frames.push(frame);
    for (const w of waiters.filter((x) => x.type === frame.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const seen = new Set<Frame>();
  return {
    ws,
    frames,
    events: () => frames.filter((f) => f.type !== 'connected' && f.type !== 'pong'),
    closed,
    // The first frame of the type not handed out before (so two awaits see two frames).
    next: (type, ms = 5000) => {
      const have = frames.find((f) => f.type === type && !seen.has(f));
      if (have) return Promise.resolve(seen.add(have) && have);
      return new Promise<Frame>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} within ${ms} ms (got ${frames.map((f) => f.type).join(', ')})`)),
          ms,
        );
        waiters.push({
          type,
          resolve: (f) => {
            clearTimeout(timer);
            seen.add(f);
            resolve(f);
          },
        });
      });
    },
  };
}

/** Connected and subscribed: events published from now on reach it. */
export async function subscribedSocket(httpBase: string, token: string): Promise<TestSocket> {
  const socket = await openSocket(wsUrl(httpBase, `?token=${encodeURIComponent(token)}`));
  await socket.next('connected');
  return socket;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
