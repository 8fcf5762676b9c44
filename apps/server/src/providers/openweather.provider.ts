import type { Provider } from '@nestjs/common';
import { OpenWeatherClient } from '@runningcoach/integrations';
import type { AppConfig } from '../config/config.ts';
import { ProviderBreakers } from '../integrations/provider-breakers.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { ForecastCache } from './forecast-cache.ts';

/** Inject with `@Inject(OPENWEATHER_CLIENT) weather: OpenWeatherClient | null` (null: not configured). */
export const OPENWEATHER_CLIENT = Symbol('OPENWEATHER_CLIENT');
export const FORECAST_CACHE = Symbol('FORECAST_CACHE');

export const OPENWEATHER_PROVIDERS: Provider[] = [
  {
    provide: OPENWEATHER_CLIENT,
    inject: [APP_CONFIG, ProviderBreakers],
    useFactory: (config: AppConfig, breakers: ProviderBreakers) => {
      const o = config.providers.openWeather;
      if (!o) return null;
      return new OpenWeatherClient({
        baseUrl: o.url,
        ...(o.apiKey && { apiKey: o.apiKey }),
        timeoutMs: config.integrations.timeoutMs,
        breaker: breakers.get('openweather'),
      });
    },
  },
  {
    provide: FORECAST_CACHE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new ForecastCache((config.providers.openWeather?.cacheSeconds ?? 0) * 1000),
  },
];
