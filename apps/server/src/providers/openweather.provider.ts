import type { Provider } from '@nestjs/common';
import { type Forecast, OpenWeatherClient } from '@runningcoach/integrations';
import type { AppConfig } from '../config/config.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

/** Inject with `@Inject(OPENWEATHER_CLIENT) weather: OpenWeatherClient | null` (null: not configured). */
export const OPENWEATHER_CLIENT = Symbol('OPENWEATHER_CLIENT');
export const FORECAST_CACHE = Symbol('FORECAST_CACHE');

/**
 * Forecasts per location rounded to 0.01° (~1 km), kept WEATHER_CACHE_SECONDS in this process: weather is the
 * same for every runner there and OpenWeather refreshes every 10 minutes. Bounded, oldest out first.
 */
export class ForecastCache {
  private readonly entries = new Map<string, { value: Forecast; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  static key(lat: number, lon: number): string {
    return `${lat.toFixed(2)},${lon.toFixed(2)}`;
  }

  async get(key: string, load: () => Promise<Forecast>): Promise<Forecast> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = await load();
    if (this.ttlMs > 0) {
      this.entries.delete(key);
      this.entries.set(key, { value, expires: this.now() + this.ttlMs });
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}

export const OPENWEATHER_PROVIDERS: Provider[] = [
  {
    provide: OPENWEATHER_CLIENT,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const o = config.providers.openWeather;
      return o ? new OpenWeatherClient({ baseUrl: o.url, ...(o.apiKey && { apiKey: o.apiKey }) }) : null;
    },
  },
  {
    provide: FORECAST_CACHE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new ForecastCache((config.providers.openWeather?.cacheSeconds ?? 0) * 1000),
  },
];
