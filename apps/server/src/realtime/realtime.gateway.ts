import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { decodeJwt } from 'jose';
import { WebSocket, WebSocketServer } from 'ws';
import type { AppConfig } from '../config/config.ts';
import { AuthenticatorService } from '../services/authenticator.service.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { controlFrame } from './realtime-event.ts';
import { RealtimeService } from './realtime.service.ts';
import { BEARER_PROTOCOL, tokenOf } from './ws-token.ts';

export const WS_PATH = '/ws';
/** Close codes: 4401 no/invalid/expired token (reconnect with a fresh one), 1001 server going away. */
export const WS_UNAUTHORIZED = 4401;
const GOING_AWAY = 1001;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Client {
  ws: WebSocket;
  alive: boolean;
  expiry?: NodeJS.Timeout;
  unsubscribe?: () => Promise<void>;
}

/**
 * `/ws` on the API's own HTTP server (the `ws` library on Node's `upgrade` event, outside Fastify's router:
 * no plugin has to be registered before Nest's routes). Each authenticated socket is subscribed to its
 * runner's events; a ping every heartbeat interval, and a socket that has not answered the previous one is
 * terminated. Once subscribed the server sends `{type: "connected"}`; a text `ping` is answered `{type: "pong"}`.
 */
@Injectable()
export class RealtimeGateway implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    handleProtocols: (offered) => (offered.has(BEARER_PROTOCOL) ? BEARER_PROTOCOL : false),
  });
  private readonly clients = new Set<Client>();
  private heartbeat?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(HttpAdapterHost) private readonly host: HttpAdapterHost,
    @Inject(AuthenticatorService) private readonly authenticator: AuthenticatorService,
    @Inject(RealtimeService) private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get connections(): number {
    return this.clients.size;
  }

  onModuleInit(): void {
    const server = this.host.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== WS_PATH || this.closing) {
        socket.end(`HTTP/1.1 ${this.closing ? '503 Service Unavailable' : '404 Not Found'}\r\n\r\n`);
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, tokenOf(req, url)));
    });
    this.heartbeat = setInterval(() => this.beat(), this.config.realtime.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Upgrade first, then authenticate: a browser sees a close code (4401), never just a failed handshake. */
  private async accept(ws: WebSocket, token: string | null): Promise<void> {
    const client: Client = { ws, alive: true };
    this.clients.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => {
      client.alive = true;
      const text = isBinary ? '' : data.toString();
      if (text === 'ping' || text === '{"type":"ping"}') ws.send(controlFrame('pong'));
    });
    ws.on('close', () => this.drop(client));
    ws.on('error', () => ws.terminate());

    let userId: string;
    try {
      if (!token) throw new Error('no token');
      userId = (await this.authenticator.authenticate(`Bearer ${token}`)).userId;
    } catch {
      ws.close(WS_UNAUTHORIZED, 'unauthorized');
      return;
    }
    // Close when the token expires: the client reconnects with a fresh one (and a revoked one stays out).
    const exp = expiryMs(token);
    if (exp !== null)
      client.expiry = setTimeout(
        () => ws.close(WS_UNAUTHORIZED, 'token expired'),
        Math.min(Math.max(exp - Date.now(), 0), MAX_TIMER_MS),
      );
    const unsubscribe = await this.realtime.subscribe(userId, (event) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event));
    });
    if (!this.clients.has(client) || ws.readyState !== WebSocket.OPEN) return void unsubscribe();
    client.unsubscribe = unsubscribe;
    ws.send(controlFrame('connected', { heartbeatSeconds: this.heartbeatSeconds }));
    this.logger.debug(`socket opened for ${userId}`);
  }

  private get heartbeatSeconds(): number {
    return Math.round(this.config.realtime.heartbeatMs / 1000);
  }

  private drop(client: Client): void {
    if (!this.clients.delete(client)) return;
    clearTimeout(client.expiry);
    void client.unsubscribe?.();
  }

  private beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.ws.terminate(); // 'close' follows and drops it
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }

  /** Graceful shutdown: 1001 to every socket (clients reconnect to another process), then the rest is cut. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    const open = [...this.clients];
    for (const c of open) c.ws.close(GOING_AWAY, 'server shutting down');
    const closed = Promise.all(
      open.map((c) =>
        c.ws.readyState === WebSocket.CLOSED ? undefined : new Promise((r) => c.ws.once('close', r)),
      ),
    );
    const grace = new Promise((r) => setTimeout(r, 1000).unref());
    await Promise.race([closed, grace]);
    for (const c of this.clients) c.ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }
}

function expiryMs(token: string): number | null {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
