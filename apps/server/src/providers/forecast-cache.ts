import type { Forecast } from '@runningcoach/integrations';
import { StaleCache } from './stale-cache.ts';

/** How old a forecast may be to stand in for OpenWeather while it is down (its "current" part ages). */
export const STALE_FORECAST_MAX_MS = 6 * 3600_000;

/**
 * Forecasts per location rounded to 0.01° (~1 km): weather is the same for every runner there and
 * OpenWeather refreshes every 10 minutes. While OpenWeather is down the last forecast of the place, up to 6 h
 * old, is handed out marked stale.
 */
export class ForecastCache extends StaleCache<Forecast> {
  constructor(ttlMs: number) {
    super({ ttlMs, maxStaleMs: STALE_FORECAST_MAX_MS });
  }

  static key(lat: number, lon: number): string {
    return `${lat.toFixed(2)},${lon.toFixed(2)}`;
  }
}
