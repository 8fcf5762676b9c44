// One folder per integration under src/ (files/, ahotu/, ...), each a folder of its own.
export * from './files/index.ts';
export * from './ahotu/index.ts';
export * from './openweather/index.ts';
export * from './myfitnesspal/index.ts';
export { NutritionCsvError, parseNutritionCsv } from './nutrition/csv.ts';
export type { DailyNutrition, NutritionProvider } from './nutrition/provider.ts';
export * from './provider.ts';
export { CircuitBreaker, CircuitOpenError, type CircuitState } from './core/circuit-breaker.ts';
export {
  badPayload,
  isOutage,
  type ProviderErrorKind,
  ProviderHttpError,
  providerFetch,
  providerJson,
  type RequestOptions,
  type TransportOptions,
} from './core/http.ts';
export {
  authorizeUrl,
  exchangeCode,
  pkceChallenge,
  pkcePair,
  randomToken,
  refreshTokens,
} from './core/oauth.ts';
export * as strava from './strava/index.ts';
export * as garmin from './garmin/index.ts';
export * as apple from './apple/index.ts';
