import { resolve } from 'node:path';
import { z } from 'zod';
import { loadOrCreateSecret } from './secrets.ts';

// An empty variable (`FOO=`) means "use the default", as it does in most .env tooling.
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const env = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

const EnvSchema = z.object({
  HOST: env(z.string().default('0.0.0.0')),
  PORT: env(z.coerce.number().int().min(0).max(65535).default(3000)),
  DATA_DIR: env(z.string().default('./.data')),
  DATABASE_URL: env(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: env(z.coerce.number().int().min(1).max(200).default(10)),
  JWT_SECRET: env(z.string().min(32, 'must be at least 32 characters').optional()),
  LOG_LEVEL: env(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  REDIS_URL: env(z.url({ protocol: /^rediss?$/ }).optional()),
  // Requests per minute per runner (per IP before sign-in); 0 turns the limit off.
  RATE_LIMIT_PER_MINUTE: env(z.coerce.number().int().min(0).default(100)),
  RATE_LIMIT_PREFIX: env(z.string().default('rc:rl:')),
});

export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolMax: number };

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  jwtSecret: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  redisUrl?: string;
  rateLimit: { perMinute: number; prefix: string };
}

export class ConfigError extends Error {}

/** Validates the environment once at start-up; every variable has a default that works on a laptop. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pg') },
    jwtSecret: e.JWT_SECRET ?? loadOrCreateSecret(dataDir, 'jwt-secret'),
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, prefix: e.RATE_LIMIT_PREFIX },
  };
}
