export { OpenWeatherClient, type Forecast, type OpenWeatherClientOptions } from './client.ts';
export { localDate, toForecast, toForecastDay, toWeatherNow } from './mapping.ts';
export type * from './payload.ts';
