// One folder per integration: files/ (FIT, GPX, TCX), garmin/, strava/, apple/; shared shapes in provider.ts.
export * from './files/index.ts';
export * from './provider.ts';
export { CircuitBreaker, CircuitOpenError, type CircuitState } from './core/circuit-breaker.ts';
export { ProviderHttpError, providerFetch, providerJson } from './core/http.ts';
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
