import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers/backends.ts';
import { client } from './helpers/http.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

/** `node --import tsx src/main.ts`, as `npm start` runs it, minus npm in between. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATABASE_URL: '', JWT_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => out.push(...d.split('\n').filter(Boolean)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return { child, out, stderr: () => stderr };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  child: ChildProcess,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before ${what}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The laptop path (PGlite) as a real process; the PostgreSQL path is exercised in-process by the other files.
describe('server process', () => {
  const backend = 'pglite';

  it('starts from env defaults, logs JSON without secrets, and shuts down gracefully on SIGTERM', async () => {
    const database = await createTestDatabase(backend);
    const proc = startProcess({ ...database.env, LOG_LEVEL: 'info' });
    try {
      const url = await waitFor(
        'listening',
        () =>
          proc.out.map((l) => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(l)?.[1]).find(Boolean),
        proc.child,
      );
      const api = client(url);
      expect((await api.get('/readyz')).status).toBe(200);
      const reg = await api.post('/api/v1/auth/register', {
        email: 'proc@example.com',
        password: 'correct horse',
      });
      expect(reg.status).toBe(201);
      expect((await api.get('/api/v1/me', reg.body.accessToken)).status).toBe(200);

      proc.child.kill('SIGTERM');
      const [code, signal] = (await once(proc.child, 'close')) as [number | null, string | null];
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
      const logs = proc.out.map((l) => JSON.parse(l) as { msg?: string; req?: unknown });
      expect(logs.map((l) => l.msg).slice(-3)).toContain(`${backend} connection closed (SIGTERM)`);
      expect(logs.some((l) => l.req)).toBe(true);
      const text = proc.out.join('\n');
      for (const secret of ['correct horse', reg.body.accessToken, reg.body.refreshToken]) {
        expect(text).not.toContain(secret);
      }
      expect(statSync(join(database.dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    } finally {
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
      await database.drop();
    }
  }, 60_000);
});

describe('server process configuration', () => {
  it('refuses to start on a bad variable, naming it', async () => {
    const proc = startProcess({ PORT: 'eighty', DATA_DIR: '/nonexistent/never-created' });
    const [code] = await once(proc.child, 'close');
    expect(code).toBe(1);
    expect(proc.stderr()).toContain('PORT: ');
  }, 30_000);
});
