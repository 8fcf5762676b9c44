import { z } from 'zod';
import { loadOrCreateSecret } from './secrets.ts';

const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s);
const url = z.url({ protocol: /^https?$/ });

const IntegrationsEnv = z.object({
  // 32 bytes (base64/base64url, or 64 hex chars) for AES-256-GCM of provider tokens; unset: DATA_DIR/token-key.
  TOKEN_ENCRYPTION_KEY: opt(z.string().optional()),
  PROVIDER_TIMEOUT_MS: opt(z.coerce.number().int().min(100).max(60_000).default(10_000)),
  // Provider jobs retried with exponential backoff from this delay, PROVIDER_RETRY_ATTEMPTS tries in all.
  PROVIDER_RETRY_BASE_MS: opt(z.coerce.number().int().min(10).max(3_600_000).default(5_000)),
  PROVIDER_RETRY_ATTEMPTS: opt(z.coerce.number().int().min(1).max(50).default(12)),
  STRAVA_CLIENT_ID: opt(z.string().optional()),
  STRAVA_CLIENT_SECRET: opt(z.string().optional()),
  STRAVA_VERIFY_TOKEN: opt(z.string().optional()),
  STRAVA_SUBSCRIPTION_ID: opt(z.coerce.number().int().optional()),
  STRAVA_BASE_URL: opt(url.default('https://www.strava.com')),
  GARMIN_CLIENT_ID: opt(z.string().optional()),
  GARMIN_CLIENT_SECRET: opt(z.string().optional()),
  GARMIN_API_URL: opt(url.default('https://apis.garmin.com')),
  GARMIN_AUTH_URL: opt(url.default('https://connect.garmin.com/oauth2Confirm')),
  GARMIN_TOKEN_URL: opt(url.default('https://diauth.garmin.com/di-oauth2-service/oauth/token')),
});

export interface StravaConfig {
  clientId: string;
  clientSecret: string;
  verifyToken?: string;
  subscriptionId?: number;
  baseUrl: string;
}
export interface GarminConfig {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  authUrl: string;
  tokenUrl: string;
}
export interface IntegrationsConfig {
  /** AES-256-GCM key, 32 bytes. */
  tokenKey: Buffer;
  timeoutMs: number;
  retry: { attempts: number; baseMs: number };
  strava?: StravaConfig;
  garmin?: GarminConfig;
}

/** 32 bytes from hex (64 chars) or base64/base64url (43-44 chars). */
export function parseKey(raw: string): Buffer | null {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64url');
  return key.length === 32 ? key : null;
}

/** Providers are on when their client id and secret are set; the token key always exists. */
export function loadIntegrationsConfig(
  source: Record<string, string | undefined>,
  dataDir: string,
): IntegrationsConfig | string {
  const parsed = IntegrationsEnv.safeParse(source);
  if (!parsed.success)
    return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ');
  const e = parsed.data;
  const tokenKey = parseKey(e.TOKEN_ENCRYPTION_KEY ?? loadOrCreateSecret(dataDir, 'token-key'));
  if (!tokenKey) return 'TOKEN_ENCRYPTION_KEY: must be 32 bytes as 64 hex characters or base64';
  return {
    tokenKey,
    timeoutMs: e.PROVIDER_TIMEOUT_MS,
    retry: { attempts: e.PROVIDER_RETRY_ATTEMPTS, baseMs: e.PROVIDER_RETRY_BASE_MS },
    ...(e.STRAVA_CLIENT_ID &&
      e.STRAVA_CLIENT_SECRET && {
        strava: {
          clientId: e.STRAVA_CLIENT_ID,
          clientSecret: e.STRAVA_CLIENT_SECRET,
          verifyToken: e.STRAVA_VERIFY_TOKEN,
          subscriptionId: e.STRAVA_SUBSCRIPTION_ID,
          baseUrl: e.STRAVA_BASE_URL.replace(/\/+$/, ''),
        },
      }),
    ...(e.GARMIN_CLIENT_ID &&
      e.GARMIN_CLIENT_SECRET && {
        garmin: {
          clientId: e.GARMIN_CLIENT_ID,
          clientSecret: e.GARMIN_CLIENT_SECRET,
          apiUrl: e.GARMIN_API_URL.replace(/\/+$/, ''),
          authUrl: e.GARMIN_AUTH_URL,
          tokenUrl: e.GARMIN_TOKEN_URL,
        },
      }),
  };
}
