// Context providers (race search, weather, nutrition): each is on when its URL or key is set. Ahotu has no
// public default endpoint (partner access), so race search needs AHOTU_URL; OpenWeather and MyFitnessPal
// default to their public hosts once a key/client id is given.
import { z } from 'zod';

const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const env = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);
const httpUrl = () => env(z.url({ protocol: /^https?$/ }).optional());

export const PROVIDER_ENV = {
  AHOTU_URL: httpUrl(),
  AHOTU_API_KEY: env(z.string().min(1).optional()),
  OPENWEATHER_URL: httpUrl(),
  OPENWEATHER_API_KEY: env(z.string().min(1).optional()),
  // OpenWeather refreshes its model every 10 minutes: a forecast is cached that long per rounded location.
  WEATHER_CACHE_SECONDS: env(z.coerce.number().int().min(0).max(86_400).default(600)),
  MFP_URL: httpUrl(),
  MFP_CLIENT_ID: env(z.string().min(1).optional()),
  // Partner OAuth 2.0: with the secret the runner can connect their account (/integrations/myfitnesspal).
  MFP_CLIENT_SECRET: env(z.string().min(1).optional()),
  MFP_AUTH_URL: httpUrl(),
};

type ProviderEnv = z.infer<z.ZodObject<typeof PROVIDER_ENV>>;

export interface ProvidersConfig {
  ahotu?: { url: string; apiKey?: string };
  openWeather?: { url: string; apiKey?: string; cacheSeconds: number };
  myFitnessPal?: {
    url: string;
    clientId: string;
    /** Both set: the OAuth connect flow is on. */
    oauth?: { clientSecret: string; authorizeUrl: string; tokenUrl: string };
  };
}

export function providersConfig(e: ProviderEnv): ProvidersConfig {
  return {
    ...(e.AHOTU_URL && { ahotu: { url: e.AHOTU_URL, apiKey: e.AHOTU_API_KEY } }),
    ...((e.OPENWEATHER_URL || e.OPENWEATHER_API_KEY) && {
      openWeather: {
        url: e.OPENWEATHER_URL ?? 'https://api.openweathermap.org',
        apiKey: e.OPENWEATHER_API_KEY,
        cacheSeconds: e.WEATHER_CACHE_SECONDS,
      },
    }),
    ...(e.MFP_CLIENT_ID && { myFitnessPal: myFitnessPal(e, e.MFP_CLIENT_ID) }),
  };
}

function myFitnessPal(e: ProviderEnv, clientId: string): NonNullable<ProvidersConfig['myFitnessPal']> {
  const url = (e.MFP_URL ?? 'https://api.myfitnesspal.com').replace(/\/+$/, '');
  return {
    url,
    clientId,
    ...(e.MFP_CLIENT_SECRET && {
      oauth: {
        clientSecret: e.MFP_CLIENT_SECRET,
        authorizeUrl: e.MFP_AUTH_URL ?? 'https://www.myfitnesspal.com/oauth2/authorize',
        tokenUrl: `${url}/oauth2/token`,
      },
    }),
  };
}
