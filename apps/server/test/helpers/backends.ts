import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createApp } from '../../src/app.ts';
import { type AppConfig, loadConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/connection.ts';
import { DatabaseRepository } from '../../src/repositories/database.repository.ts';
import { seedPgliteDir } from './pglite-template.ts';

export type BackendName = 'pglite' | 'postgres';

/** Every server test runs on both; real PostgreSQL is skipped only when asked (RC_SKIP_PG=1). */
export const BACKENDS: BackendName[] = ['pglite', 'postgres'];
export const skipBackend = (b: BackendName) => b === 'postgres' && process.env.RC_SKIP_PG === '1';

const ADMIN_URL = process.env.RC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own for one test file: an empty PGlite dir, or `rc_test_<random>` on the real server. */
export interface TestDatabase {
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-server-test-'));
  const base = { DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' };
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (backend === 'pglite') {
    await seedPgliteDir(join(dataDir, 'pg'));
    return { env: base, dataDir, drop: async () => removeDir() };
  }
  const name = `rc_test_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`)).catch((err: unknown) => {
    removeDir();
    throw err;
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { ...base, DATABASE_URL: url.toString() },
    dataDir,
    drop: async () => {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      removeDir();
    },
  };
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}). ` +
        'The server suite runs on real PostgreSQL too; set RC_SKIP_PG=1 to skip those tests explicitly.',
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestServer {
  url: string;
  app: NestFastifyApplication;
  config: AppConfig;
  /** Superuser access past RLS, for checking what was (not) written. */
  db: Db;
  close(): Promise<void>;
}

/** The real app on an ephemeral port; `env` adds variables (e.g. a provider simulator's URL). */
export async function startServer(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const config = loadConfig({ ...database.env, ...env });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  return {
    url: await app.getUrl(),
    app,
    config,
    db: app.get(DatabaseRepository).connection.db,
    close: () => app.close(),
  };
}
