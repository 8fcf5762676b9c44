import { CircuitOpenError, ProviderHttpError } from '@runningcoach/integrations';
import { AppError } from '../utils/errors.ts';

/** A provider that is not configured on this server: 503 naming the variable to set. */
export const notConfigured = (what: string, variable: string) =>
  new AppError(503, 'PROVIDER_NOT_CONFIGURED', `${what} is not configured on this server (set ${variable})`);

/** Did the call fail at the provider (any answer or outage, an open circuit), rather than in our code? */
export const isProviderFailure = (err: unknown): boolean =>
  err instanceof CircuitOpenError || err instanceof ProviderHttpError;

/** Provider failures as API errors: its 404 stays a 404 (`notFound`), the rest is a 502/503 naming it. */
export function providerError(err: unknown, notFound: () => AppError): unknown {
  const unavailable = (provider: string) =>
    new AppError(503, 'PROVIDER_UNAVAILABLE', `${provider} is unavailable; try again later`);
  if (err instanceof CircuitOpenError) return unavailable(err.provider);
  if (!(err instanceof ProviderHttpError)) return err;
  if (err.kind === 'not_found') return notFound();
  if (err.kind === 'unavailable') return unavailable(err.provider);
  return new AppError(502, 'PROVIDER_ERROR', `${err.provider} gave an answer we cannot use`);
}
