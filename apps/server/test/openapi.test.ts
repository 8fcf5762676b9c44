import { describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { useServer } from './helpers/suite.ts';

interface Doc {
  openapi: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  paths: Record<string, Record<string, any>>;
}

describe.each(BACKENDS)('OpenAPI at /api/docs on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('lists the auth and /me routes with their request and response schemas', async () => {
    const res = await s.root.get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as Doc;
    expect(doc.openapi).toBe('3.1.0');
    for (const op of ['register', 'login', 'refresh', 'logout']) {
      const post = doc.paths[`/api/v1/auth/${op}`]?.post;
      expect(post, op).toBeDefined();
      expect(post.security).toEqual([]);
      expect(post.requestBody.content['application/json'].schema.type).toBe('object');
    }
    const register = doc.paths['/api/v1/auth/register']!.post.requestBody.content['application/json'].schema;
    expect(register.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(register.additionalProperties).toBe(false);
    expect(Object.keys(register.properties)).toEqual(
      expect.arrayContaining(['email', 'password', 'name', 'deviceId']),
    );
    expect(
      doc.paths['/api/v1/auth/register']!.post.responses['201'].content['application/json'].schema,
    ).toMatchObject({ type: 'object', required: expect.arrayContaining(['user', 'accessToken']) });

    const me = doc.paths['/api/v1/me']!;
    expect(me.get.security).toBeUndefined(); // the document-wide bearer requirement applies
    expect(me.get.responses['200'].content['application/json'].schema.properties).toHaveProperty('settings');
    const patch = me.patch.requestBody.content['application/json'].schema;
    expect(Object.keys(patch.properties)).toEqual(
      expect.arrayContaining(['name', 'profile', 'settings', 'baselines']),
    );
    expect(doc.paths['/healthz']?.get).toBeDefined();
    // Every route Nest serves is listed (domain routes added later appear without hand-written schemas).
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/trpc'))).toEqual([]);
  });

  it('serves a minimal HTML page linking the document', async () => {
    const res = await fetch(`${s.server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('href="/api/docs/openapi.json"');
    expect(html).toContain('<code>/api/v1/auth/register</code>');
  });
});
