import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

interface HookRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}
interface HookReply {
  header(name: string, value: string): HookReply;
  code(status: number): HookReply;
  send(payload: unknown): unknown;
}
interface HookHost {
  addHook(
    name: 'onRequest',
    fn: (req: HookRequest, reply: HookReply, done: (err?: Error) => void) => void,
  ): unknown;
}

/** Paths the API owns; everything else under `/` is the web app. */
const API_PREFIXES = ['/api/', '/api?', '/trpc', '/ws', '/webhooks', '/healthz', '/readyz', '/metrics'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function isApiPath(path: string): boolean {
  return path === '/api' || API_PREFIXES.some((p) => path.startsWith(p));
}

/**
 * Serves the built web app (apps/web/dist) from an onRequest hook, before the rate limit and Nest's router:
 * files by path (hashed `/assets/*` cached for a year, the service worker and index.html revalidated), and
 * index.html for any other GET of a page (SPA fallback). API paths are never touched.
 */
export function installStaticWeb(fastify: HookHost, webDir: string | null): void {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return;
  const root = normalize(webDir + sep);
  fastify.addHook('onRequest', (req, reply, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return done();
    const path = decodeURIComponentSafe(req.url.split('?')[0]!);
    if (path === null || isApiPath(path)) return done();
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return done();
    if (!isFile(file)) {
      // Unknown files with an extension are a 404 from the API's handler; pages get the app shell.
      if (extname(path)) return done();
      file = join(root, 'index.html');
    }
    const immutable = path.startsWith('/assets/');
    reply
      .header('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('x-content-type-options', 'nosniff');
    reply.code(200).send(req.method === 'HEAD' ? '' : createReadStream(file));
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function decodeURIComponentSafe(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
