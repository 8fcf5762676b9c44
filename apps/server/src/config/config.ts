import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROVIDER_ENV, type ProvidersConfig, providersConfig } from './providers.ts';
import { type IntegrationsConfig, loadIntegrationsConfig } from './integrations-config.ts';
import { loadOrCreateSecret } from './secrets.ts';

/** apps/web/dist, found from this file so it does not depend on the working directory. */
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

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
  // Job queue keys (BullMQ) and who runs the pipeline jobs: `inline` = this API process, `off` = only
  // enqueue (a `npm run start:worker` process does them). Default: inline without Redis, off with it.
  QUEUE_PREFIX: env(z.string().min(1).default('rc:jobs')),
  WORKERS: env(z.enum(['inline', 'off']).optional()),
  // dashboard/today cache: Redis keys under CACHE_PREFIX when REDIS_URL is set, else in-process; 0 turns it off.
  CACHE_PREFIX: env(z.string().default('rc:cache:')),
  DASHBOARD_CACHE_TTL_SECONDS: env(z.coerce.number().int().min(0).max(3600).default(30)),
  // WebSocket /ws: Redis pub/sub channels `<REALTIME_PREFIX>runner:<userId>`; ping interval (dead sockets cut).
  REALTIME_PREFIX: env(z.string().min(1).default('rc:rt:')),
  WS_HEARTBEAT_SECONDS: env(z.coerce.number().min(0.05).max(600).default(30)),
  // Who may set X-Forwarded-For: unset/false → nobody (the socket address is the client), true → any hop,
  // else a comma list of proxy addresses/CIDRs (Fastify's trustProxy).
  TRUST_PROXY: env(z.string().default('false')),
  // The address runners reach this server at (e.g. https://coach.example.org behind TLS); links the server
  // hands out (the calendar feed) use it. Unset: the request's own scheme and host.
  PUBLIC_URL: env(z.url({ protocol: /^https?$/ }).optional()),
  // The built web app (apps/web/dist) served at `/`; `off` serves only the API.
  WEB_DIR: env(z.string().optional()),
  // Optional Supabase Auth: its access tokens are accepted too when a secret (HS256) or a JWKS URL is set.
  SUPABASE_JWT_SECRET: env(z.string().min(32, 'must be at least 32 characters').optional()),
  SUPABASE_JWKS_URL: env(z.url({ protocol: /^https?$/ }).optional()),
  SUPABASE_URL: env(z.url({ protocol: /^https?$/ }).optional()),
  // Imported files: an S3-compatible store when S3_ENDPOINT is set, else DATA_DIR/files. Credentials may also
  // come from the AWS SDK's usual sources (environment, profile) when the two keys are unset.
  S3_ENDPOINT: env(z.url({ protocol: /^https?$/ }).optional()),
  S3_BUCKET: env(z.string().min(3).max(63).optional()),
  S3_REGION: env(z.string().default('us-east-1')),
  S3_ACCESS_KEY_ID: env(z.string().optional()),
  S3_SECRET_ACCESS_KEY: env(z.string().optional()),
  S3_FORCE_PATH_STYLE: env(z.enum(['true', 'false']).default('true')),
  ...PROVIDER_ENV,
});

export type TrustProxy = boolean | string[];

export interface SupabaseConfig {
  jwtSecret?: string;
  jwksUrl?: string;
  /** The token's `iss` must be `<SUPABASE_URL>/auth/v1` when set. */
  issuer?: string;
}

/** TRUST_PROXY as Fastify's `trustProxy` option; a bad value is a start-up error naming the variable. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const v = raw.trim().toLowerCase();
  if (v === 'false' || v === '0' || v === 'no') return false;
  if (v === 'true' || v === 'yes') return true;
  const list = v.split(',').map((x) => x.trim());
  const address = /^([0-9a-f:.]+)(\/\d{1,3})?$/;
  return list.length && list.every((x) => address.test(x)) ? list : null;
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

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
  queue: { prefix: string; workers: 'inline' | 'off' };
  cache: { prefix: string; dashboardTtlSeconds: number };
  realtime: { prefix: string; heartbeatMs: number };
  trustProxy: TrustProxy;
  publicUrl?: string;
  /** The web app's build directory served at `/` (null: not served). */
  webDir: string | null;
  supabase?: SupabaseConfig;
  /** Set when imported files go to S3 rather than DATA_DIR/files. */
  s3?: S3Config;
  /** Race search, weather and nutrition providers that are configured (config/providers.ts). */
  providers: ProvidersConfig;
  /** Provider integrations (integrations-config.ts): token key, Strava, Garmin. */
  integrations: IntegrationsConfig;
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
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (trustProxy === null) {
    throw new ConfigError(
      'Invalid configuration:\n  TRUST_PROXY: must be true, false or a comma list of proxy addresses/CIDRs',
    );
  }
  const supabase: SupabaseConfig | undefined =
    e.SUPABASE_JWT_SECRET || e.SUPABASE_JWKS_URL
      ? {
          jwtSecret: e.SUPABASE_JWT_SECRET,
          jwksUrl: e.SUPABASE_JWKS_URL,
          issuer: e.SUPABASE_URL && `${e.SUPABASE_URL.replace(/\/+$/, '')}/auth/v1`,
        }
      : undefined;
  if (e.WORKERS === 'off' && !e.REDIS_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  WORKERS: off needs REDIS_URL (without Redis no other process can run the jobs)',
    );
  }
  if (e.S3_ENDPOINT && !e.S3_BUCKET) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET: is required when S3_ENDPOINT is set');
  }
  const s3: S3Config | undefined = e.S3_ENDPOINT
    ? {
        endpoint: e.S3_ENDPOINT,
        bucket: e.S3_BUCKET!,
        region: e.S3_REGION,
        forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      }
    : undefined;
  const dataDir = resolve(e.DATA_DIR);
  const integrations = loadIntegrationsConfig(source, dataDir);
  if (typeof integrations === 'string') throw new ConfigError(`Invalid configuration:\n  ${integrations}`);
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
    queue: { prefix: e.QUEUE_PREFIX, workers: e.WORKERS ?? (e.REDIS_URL ? 'off' : 'inline') },
    cache: { prefix: e.CACHE_PREFIX, dashboardTtlSeconds: e.DASHBOARD_CACHE_TTL_SECONDS },
    realtime: { prefix: e.REALTIME_PREFIX, heartbeatMs: Math.round(e.WS_HEARTBEAT_SECONDS * 1000) },
    trustProxy,
    webDir: e.WEB_DIR === 'off' ? null : resolve(e.WEB_DIR ?? DEFAULT_WEB_DIR),
    ...(e.PUBLIC_URL && { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') }),
    ...(supabase && { supabase }),
    ...(s3 && { s3 }),
    providers: providersConfig(e),
    integrations,
  };
}
