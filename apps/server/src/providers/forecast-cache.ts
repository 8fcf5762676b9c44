import { type Forecast, isOutage } from '@runningcoach/integrations';

/** A forecast as the cache hands it out: when it was fetched, and whether it is a fallback past its TTL. */
export interface CachedForecast {
  forecast: Forecast;
  fetchedAt: number;
  stale: boolean;
}

/** How old a forecast may be to stand in for OpenWeather while it is down (its "current" part ages). */
export const STALE_FORECAST_MAX_MS = 6 * 3600_000;

/**
 * Forecasts per location rounded to 0.01° (~1 km): weather is the same for every runner there and
 * OpenWeather refreshes every 10 minutes. Fresh for `ttlMs`; while OpenWeather is down (an outage or an open
 * circuit) the last forecast of the place, up to 6 h old, is handed out marked stale. Bounded, oldest out.
 */
export class ForecastCache {
  private readonly entries = new Map<string, { forecast: Forecast; fetchedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  static key(lat: number, lon: number): string {
    return `${lat.toFixed(2)},${lon.toFixed(2)}`;
  }

  async get(key: string, load: () => Promise<Forecast>): Promise<CachedForecast> {
    const hit = this.entries.get(key);
    const age = hit ? this.now() - hit.fetchedAt : Infinity;
    if (hit && age < this.ttlMs) return { ...hit, stale: false };
    let forecast: Forecast;
    try {
      forecast = await load();
    } catch (err) {
      if (hit && age <= STALE_FORECAST_MAX_MS && isOutage(err)) return { ...hit, stale: true };
      throw err;
    }
    const entry = { forecast, fetchedAt: this.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return { ...entry, stale: false };
  }
}
