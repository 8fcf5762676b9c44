import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  type BackendName,
  createTestDatabase,
  startServer,
  type TestDatabase,
  type TestServer,
} from '../../server/test/helpers/backends.ts';
import { deleteKeys, randomPrefix, TEST_REDIS_URL } from '../../server/src/queue/test-helpers.ts';
import { afterAll, beforeAll } from 'vitest';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(WEB_DIR, 'dist');
export const SCREENSHOTS = fileURLToPath(new URL('../../../artifacts/screenshots', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The built app's entry script. */
function entryScript(): string | null {
  const src = /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))?.[1];
  return src ? readFileSync(join(DIST, src), 'utf8') : null;
}

/**
 * `vite build` once, and only when the sources are newer than the last build or the last build was React's
 * development one. Always a production build: under vitest NODE_ENV is 'test', which Vite would follow.
 */
export function ensureBuilt(): void {
  withBuildLock(() => {
    const index = join(DIST, 'index.html');
    const sources = Math.max(
      newestMtime(join(WEB_DIR, 'src')),
      statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs,
    );
    const fresh = existsSync(index) && statSync(index).mtimeMs > sources;
    if (fresh && !entryScript()?.includes('jsxDEV')) return;
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: WEB_DIR,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  });
}

/**
 * Test files run in parallel processes, and `vite build` empties dist/ first: without this, a clean checkout
 * had several files building at once while another's server was already serving a half-written app. The
 * lock is a directory (mkdir is atomic); one left by a killed process is taken over after 5 minutes.
 */
function withBuildLock(fn: () => void): void {
  const lock = join(WEB_DIR, '.build-lock');
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (const until = Date.now() + 10 * 60_000; ;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 5 * 60_000)
        rmSync(lock, { force: true, recursive: true });
      if (Date.now() > until) throw new Error(`ensureBuilt: ${lock} held for 10 minutes`, { cause: err });
      Atomics.wait(sleep, 0, 0, 200);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { force: true, recursive: true });
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface WebServer {
  server: TestServer;
  database: TestDatabase;
  url: string;
  close(): Promise<void>;
}

/**
 * The real API server serving the built app, on a free port: PGlite with in-process jobs, or PostgreSQL with
 * Redis (BullMQ jobs run inline, dashboard cache and `/ws` pub/sub on Redis, under a prefix of its own).
 */
export async function startWebServer(
  backend: BackendName,
  env: Record<string, string> = {},
): Promise<WebServer> {
  const database = await createTestDatabase(backend);
  Object.assign(database.env, env);
  // A journey makes many requests a minute from one runner; the limit has its own tests.
  database.env.RATE_LIMIT_PER_MINUTE = '0';
  database.env.WEB_DIR = DIST;
  const prefix = backend === 'postgres' ? randomPrefix() : null;
  if (prefix) {
    Object.assign(database.env, {
      REDIS_URL: TEST_REDIS_URL,
      WORKERS: 'inline',
      QUEUE_PREFIX: prefix,
      CACHE_PREFIX: `${prefix}:cache:`,
      RATE_LIMIT_PREFIX: `${prefix}:rl:`,
      REALTIME_PREFIX: `${prefix}:rt:`,
    });
  }
  const server = await startServer(database);
  return {
    server,
    database,
    url: server.url,
    close: async () => {
      await server.close();
      await database.drop();
      if (prefix) await deleteKeys(prefix);
    },
  };
}

export async function newContext(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  return browser.newContext({ viewport, serviceWorkers: 'allow' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1440, height: 900 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(250);
    // The whole page in one viewport as tall as it, so the fixed phone tab bar sits at the bottom of the image
    // (a stitched full-page shot draws it where the first screen ended, over the content).
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** REST as the runner, for asserting what reached the server. */
export async function api<T>(base: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function login(base: string, email: string, password: string): Promise<string> {
  return (await api<{ accessToken: string }>(base, '/auth/login', undefined, { email, password }))
    .accessToken;
}

/**
 * A describe block's real server (on `backend`) and Chromium, started before its tests and closed after.
 * `env` (read when the server starts, so after the block's earlier `beforeAll`s) adds to the server's.
 */
export function useWebSuite(
  backend: BackendName,
  env?: () => Record<string, string>,
): { readonly web: WebServer; readonly browser: Browser } {
  const suite = {} as { web: WebServer; browser: Browser };
  beforeAll(async () => {
    ensureBuilt();
    [suite.web, suite.browser] = await Promise.all([startWebServer(backend, env?.()), launchChromium()]);
  }, 240_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.web?.close();
  });
  return suite;
}
