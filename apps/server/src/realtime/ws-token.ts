import type { IncomingMessage } from 'node:http';

/** The subprotocol a browser offers next to its token: `new WebSocket(url, ['bearer', token])`. */
export const BEARER_PROTOCOL = 'bearer';

/**
 * The access token of a `/ws` upgrade: `?token=<jwt>`, or the `Sec-WebSocket-Protocol` trick (browsers cannot
 * set an Authorization header on a WebSocket): offered protocols `bearer, <jwt>`, and the server answers with
 * `bearer` only, so the token is never echoed. An `Authorization: Bearer` header works too (native clients).
 */
export function tokenOf(req: IncomingMessage, url: URL): string | null {
  const query = url.searchParams.get('token');
  if (query) return query;
  const offered = req.headers['sec-websocket-protocol'];
  if (typeof offered === 'string') {
    const list = offered.split(',').map((p) => p.trim());
    const at = list.indexOf(BEARER_PROTOCOL);
    if (at >= 0 && list[at + 1]) return list[at + 1]!;
  }
  const auth = req.headers.authorization;
  const match = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  return match?.[1] ?? null;
}
