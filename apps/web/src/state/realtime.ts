/**
 * WebSocket `/ws`: the server says `sync:required` / `plan:updated` / `activity:new` and this device pulls.
 * The token goes in the `bearer` subprotocol (browsers cannot set headers); reconnects with backoff.
 */
export function connectRealtime(opts: { token(): Promise<string>; onEvent(type: string): void }): () => void {
  let socket: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (closed) return;
    const delay = Math.min(30_000, 1000 * 2 ** attempt++) * (0.5 + Math.random() / 2);
    timer = setTimeout(connect, delay);
  };

  async function connect() {
    timer = null;
    if (closed) return;
    if (!navigator.onLine) return schedule();
    let token: string;
    try {
      token = await opts.token();
    } catch {
      return schedule();
    }
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    const ws = new WebSocket(url, ['bearer', token]);
    socket = ws;
    ws.onmessage = (ev) => {
      try {
        const msg = JSON.parse(String(ev.data)) as { type?: string };
        if (msg.type === 'connected') attempt = 0;
        else if (msg.type && msg.type !== 'pong') opts.onEvent(msg.type);
      } catch {
        // not JSON: ignore
      }
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      schedule();
    };
  }

  const onOnline = () => {
    if (!socket && timer) {
      clearTimeout(timer);
      attempt = 0;
      void connect();
    }
  };
  addEventListener('online', onOnline);
  void connect();
  return () => {
    closed = true;
    removeEventListener('online', onOnline);
    if (timer) clearTimeout(timer);
    socket?.close(1000);
  };
}
