import type { ForecastDay, WeatherNow } from '@runningcoach/engine';
import type { OwmCurrent, OwmDaily, OwmOneCall } from './payload.ts';

/** The local calendar day of a UTC epoch second at a fixed offset (OpenWeather's timezone_offset). */
export function localDate(dt: number, offsetSec: number): string {
  return new Date((dt + offsetSec) * 1000).toISOString().slice(0, 10);
}

export function toForecastDay(d: OwmDaily, offsetSec: number): ForecastDay {
  return {
    date: localDate(d.dt, offsetSec),
    tempC: { morn: d.temp.morn, day: d.temp.day, eve: d.temp.eve, night: d.temp.night },
    dewPointC: d.dew_point,
    humidityPct: d.humidity,
    windSpeedMs: d.wind_speed,
    pop: d.pop,
  };
}

export function toWeatherNow(c: OwmCurrent, aqi?: number): WeatherNow {
  return {
    tempC: c.temp,
    dewPointC: c.dew_point,
    feelsLikeC: c.feels_like,
    humidityPct: c.humidity,
    windSpeedMs: c.wind_speed,
    ...(aqi !== undefined && { aqi }),
  };
}

/** The next `days` forecast days (OpenWeather gives 8; the coach plans over 7). */
export function toForecast(body: OwmOneCall, days = 7): ForecastDay[] {
  return (body.daily ?? []).slice(0, days).map((d) => toForecastDay(d, body.timezone_offset));
}
