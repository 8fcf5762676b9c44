import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type JsonHandler = (
  url: URL,
  req: IncomingMessage,
) => { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;

export interface JsonServer {
  url: string;
  /** Requests seen, path and query (for asserting caching and retries). */
  requests: URL[];
  /** The next n requests answer 503 (a provider outage). */
  failNext(n: number): void;
  close(): Promise<void>;
}

/** A local HTTP server answering JSON, the base of every provider simulator. */
export async function startJsonServer(handler: JsonHandler, port = 0): Promise<JsonServer> {
  const requests: URL[] = [];
  let failing = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (failing > 0) {
      failing--;
      return send(503, { error: { status: 503, message: 'Service Unavailable' } });
    }
    Promise.resolve()
      .then(() => handler(url, req))
      .then(
        ({ status, body }) => send(status, body),
        () => send(500, { error: { status: 500, message: 'Internal Server Error' } }),
      );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    failNext: (n) => void (failing = n),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
