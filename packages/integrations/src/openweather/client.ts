import type { ForecastDay, WeatherNow } from '@runningcoach/engine';
import { badPayload, providerJson, type TransportOptions } from '../core/http.ts';
import { toForecast, toWeatherNow } from './mapping.ts';
import type { OwmAirPollution, OwmOneCall, OwmTimeMachine } from './payload.ts';

export interface OpenWeatherClientOptions extends TransportOptions {
  baseUrl: string;
  apiKey?: string;
}

export interface Forecast {
  lat: number;
  lon: number;
  timezone: string;
  current: WeatherNow;
  days: ForecastDay[];
}

/** One Call 3.0 (current + daily) and the air-pollution index, mapped to the engine's weather types. */
export class OpenWeatherClient {
  constructor(private readonly options: OpenWeatherClientOptions) {}

  async forecast(lat: number, lon: number): Promise<Forecast> {
    const [body, air] = await Promise.all([
      this.get<OwmOneCall>('data/3.0/onecall', {
        lat,
        lon,
        exclude: 'minutely,hourly,alerts',
        units: 'metric',
      }),
      this.get<OwmAirPollution>('data/2.5/air_pollution', { lat, lon }),
    ]);
    if (!body?.current || !Array.isArray(body.daily)) {
      throw badPayload('openweather', 'forecast has no current or daily part');
    }
    const aqi = air?.list?.[0]?.main?.aqi;
    return {
      lat: body.lat,
      lon: body.lon,
      timezone: body.timezone,
      current: toWeatherNow(body.current, aqi),
      days: toForecast(body),
    };
  }

  /** Conditions at an instant (epoch seconds), for scoring a finished run. */
  async at(lat: number, lon: number, dt: number): Promise<WeatherNow> {
    const body = await this.get<OwmTimeMachine>('data/3.0/onecall/timemachine', {
      lat,
      lon,
      dt,
      units: 'metric',
    });
    const point = body?.data?.[0];
    if (!point) throw badPayload('openweather', 'timemachine answer has no data');
    return toWeatherNow(point);
  }

  private get<T>(path: string, params: Record<string, string | number>): Promise<T> {
    const url = new URL(path, this.options.baseUrl.replace(/\/*$/, '/'));
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    const { baseUrl: _, apiKey, ...transport } = this.options;
    if (apiKey) url.searchParams.set('appid', apiKey);
    // Reads are idempotent: one retry after an outage by default.
    return providerJson<T>('openweather', url.toString(), { retries: 1, ...transport });
  }
}
