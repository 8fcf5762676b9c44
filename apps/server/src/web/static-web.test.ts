import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installStaticWeb, isApiPath } from './static-web.ts';

describe('installStaticWeb', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-web-'));
  const app = Fastify();
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'sw.js'), 'self.x = 1');
    installStaticWeb(app, dir);
    app.get('/api/v1/me', async () => ({ api: true }));
    app.get('/healthz', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files with their type; hashed assets are immutable, the service worker revalidated', async () => {
    const js = await app.inject('/assets/index-abc.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    const sw = await app.inject('/sw.js');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body).toBe('self.x = 1');
  });

  it('answers app routes with index.html (SPA fallback) and leaves the API and unknown files alone', async () => {
    for (const path of ['/', '/plan', '/activities/abc']) {
      const res = await app.inject(path);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>shell</title>');
    }
    expect((await app.inject('/api/v1/me')).json()).toEqual({ api: true });
    expect((await app.inject('/healthz')).json()).toEqual({ ok: true });
    expect((await app.inject('/api/v1/unknown')).statusCode).toBe(404);
    expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/plan' })).statusCode).toBe(404);
  });

  it('never serves a file outside its directory', async () => {
    writeFileSync(join(tmpdir(), 'rc-web-secret.txt'), 'top secret');
    for (const path of ['/..%2frc-web-secret.txt', '/../rc-web-secret.txt', '/%2e%2e/rc-web-secret.txt']) {
      const res = await app.inject(path);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('top secret');
    }
    expect(isApiPath('/api/v1/sync')).toBe(true);
    expect(isApiPath('/ws')).toBe(true);
    expect(isApiPath('/plan')).toBe(false);
  });
});
