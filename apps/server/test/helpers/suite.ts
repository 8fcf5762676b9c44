import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { queryRows } from '../../src/db/connection.ts';
import {
  type BackendName,
  createTestDatabase,
  startServer,
  type TestDatabase,
  type TestServer,
} from './backends.ts';
import { type Client, client } from './http.ts';

export interface Suite {
  server: TestServer;
  database: TestDatabase;
  /** Client for /api/v1. */
  api: Client;
  /** Client for the server root (/healthz, /readyz). */
  root: Client;
}

/**
 * Starts one server per describe block (its own database) and stops it afterwards. `env` adds variables
 * (read when the server starts, so it may name simulators started by an earlier beforeAll).
 */
export function useServer(backend: BackendName, env?: () => Record<string, string>): Suite {
  const suite = {} as Suite;
  let setupError: unknown;
  beforeAll(async () => {
    try {
      suite.database = await createTestDatabase(backend);
      const database = suite.database;
      suite.server = await startServer(env ? { ...database, env: { ...database.env, ...env() } } : database);
    } catch (err) {
      setupError = err;
      return;
    }
    suite.api = client(`${suite.server.url}/api/v1`);
    suite.root = client(suite.server.url);
  }, 60_000);
  // A failed start (e.g. PostgreSQL unreachable) fails every test loudly instead of leaving them skipped.
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.database?.drop();
  });
  return suite;
}

export const uniqueEmail = (tag = 'runner') => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

export async function register(api: Client, body: Record<string, unknown> = {}) {
  const res = await api.post('/auth/register', { email: uniqueEmail(), password: 'correct horse', ...body });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { user: { id: string; email: string }; accessToken: string; refreshToken: string };
}

/**
 * A fingerprint of every table of the public schema (listed from the catalog, so a new table cannot be
 * forgotten), read as the superuser past RLS: equal means nothing was written anywhere.
 */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts = tables.map(({ table_name: t }) =>
    sql.raw(
      `(select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "${t}" x) as "${t}"`,
    ),
  );
  const [row] = await queryRows<Record<string, string>>(db, sql`select ${sql.join(parts, sql`, `)}`);
  return row!;
}
