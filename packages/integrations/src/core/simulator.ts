import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pkceChallenge, randomToken } from './oauth.ts';

/** How a simulator misbehaves: answer 503 to everything, or never answer (the caller's deadline fires). */
export type Outage = 'none' | '503' | 'timeout';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
export interface SimReply {
  status: number;
  json?: unknown;
  body?: string | Uint8Array;
}
export type SimHandler = (req: SimRequest) => SimReply | Promise<SimReply>;

export interface SimServerOptions {
  /** Query parameters left out of the request log: the secrets some providers take there (`appid`). */
  secretParams?: readonly string[];
}

/**
 * A provider simulator over real HTTP on 127.0.0.1 (a free port), the base of every provider's simulator:
 * a request log for asserting calls, caching and retries, and outages (`outage`, `failNext`).
 */
export class SimServer {
  outage: Outage = 'none';
  /** Method, path and query (without `secretParams`) of every request received. */
  readonly requests: { method: string; path: string; query: URLSearchParams }[] = [];
  url = '';
  private failing = 0;
  private readonly server;
  private readonly hanging = new Set<ServerResponse>();

  constructor(
    private readonly handler: SimHandler,
    private readonly options: SimServerOptions = {},
  ) {
    this.server = createServer((req, res) => void this.serve(req, res));
  }

  async listen(port = 0): Promise<this> {
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next `n` requests answer 503 (a short outage). */
  failNext(n: number): void {
    this.failing = n;
  }

  count(method: string, pathPrefix: string): number {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix)).length;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://sim');
    const logged = new URLSearchParams(url.searchParams);
    for (const k of this.options.secretParams ?? []) logged.delete(k);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: logged });
    if (this.outage === 'timeout') {
      this.hanging.add(res);
      return;
    }
    if (this.outage === '503' || this.failing > 0) {
      if (this.failing > 0) this.failing--;
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"Service Unavailable"}');
      return;
    }
    let reply: SimReply;
    try {
      reply = await this.handler({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
    } catch (err) {
      reply = { status: 500, json: { message: (err as Error).message } };
    }
    if (reply.json !== undefined) {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
    } else {
      res.writeHead(reply.status).end(reply.body ?? '');
    }
  }
}

interface Grant {
  user: string;
  redirectUri: string;
  challenge?: string;
}

/**
 * The authorization-code side of a provider (consent page and token endpoint), checking the client secret,
 * the redirect URI and, when the authorization asked for it, the PKCE verifier (RFC 7636 S256).
 */
export class SimOAuth {
  private readonly codes = new Map<string, Grant>();
  private readonly refresh = new Map<string, string>();
  readonly access = new Map<string, string>();
  /** Lifetime of issued access tokens, seconds. */
  expiresIn = 21_600;
  issued = 0;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  /** The runner approves on the consent page: the redirect (our callback) with `code` and `state`. */
  approve(authorizeUrl: string, user: string): string {
    const u = new URL(authorizeUrl);
    if (u.searchParams.get('client_id') !== this.clientId) throw new Error('unknown client_id');
    const code = randomToken(16);
    const challenge = u.searchParams.get('code_challenge') ?? undefined;
    const redirectUri = u.searchParams.get('redirect_uri')!;
    this.codes.set(code, { user, redirectUri, ...(challenge && { challenge }) });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', u.searchParams.get('state') ?? '');
    return back.toString();
  }

  /** The user an access token belongs to, from an `Authorization: Bearer` header. */
  userOf(authorization: string | string[] | undefined): string | undefined {
    const m = /^Bearer (\S+)$/.exec(String(authorization ?? ''));
    return m ? this.access.get(m[1]!) : undefined;
  }

  /** POST token endpoint (form-encoded). `extra` adds provider-specific fields (Strava's athlete). */
  token(body: Buffer, extra: (user: string) => Record<string, unknown> = () => ({})): SimReply {
    const f = new URLSearchParams(body.toString('utf8'));
    if (f.get('client_id') !== this.clientId || f.get('client_secret') !== this.clientSecret) {
      return { status: 401, json: { error: 'invalid_client' } };
    }
    let user: string | undefined;
    if (f.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(f.get('code') ?? '');
      this.codes.delete(f.get('code') ?? '');
      if (!grant || grant.redirectUri !== f.get('redirect_uri'))
        return { status: 400, json: { error: 'invalid_grant' } };
      if (grant.challenge && pkceChallenge(f.get('code_verifier') ?? '') !== grant.challenge) {
        return {
          status: 400,
          json: { error: 'invalid_grant', error_description: 'PKCE verification failed' },
        };
      }
      user = grant.user;
    } else if (f.get('grant_type') === 'refresh_token') {
      user = this.refresh.get(f.get('refresh_token') ?? '');
      if (!user) return { status: 400, json: { error: 'invalid_grant' } };
      this.refresh.delete(f.get('refresh_token')!);
    } else {
      return { status: 400, json: { error: 'unsupported_grant_type' } };
    }
    const access = randomToken(24);
    const refresh = randomToken(24);
    this.access.set(access, user);
    this.refresh.set(refresh, user);
    this.issued++;
    return {
      status: 200,
      json: {
        token_type: 'Bearer',
        access_token: access,
        refresh_token: refresh,
        expires_in: this.expiresIn,
        ...extra(user),
      },
    };
  }

  /** Every token of `user` stops working (the provider's deauthorize / revoke). */
  revoke(user: string): void {
    for (const [t, u] of this.access) if (u === user) this.access.delete(t);
    for (const [t, u] of this.refresh) if (u === user) this.refresh.delete(t);
  }

  /** A token granted without the consent dance (tests that only need a connected runner). */
  grant(user: string): { accessToken: string; refreshToken: string } {
    const accessToken = randomToken(24);
    const refreshToken = randomToken(24);
    this.access.set(accessToken, user);
    this.refresh.set(refreshToken, user);
    return { accessToken, refreshToken };
  }
}
