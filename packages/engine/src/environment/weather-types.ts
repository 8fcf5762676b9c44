/** One forecast day as the engine reads it (OpenWeather's daily shape in SI, mapped at the edge). */
export interface ForecastDay {
  /** The runner's local calendar day. */
  date: string;
  /** Temperatures over the day, °C: morning, day, evening, night (OpenWeather's temp.morn/day/eve/night). */
  tempC: { morn: number; day: number; eve: number; night: number };
  /** The day's dew point, °C. */
  dewPointC: number;
  humidityPct?: number;
  windSpeedMs?: number;
  /** Probability of precipitation, 0-1. */
  pop?: number;
}

/** Conditions at one moment (now or a forecast hour). */
export interface WeatherNow {
  tempC: number;
  dewPointC: number;
  /** The provider's own feels-like; otherwise it is computed (heat index or wind chill). */
  feelsLikeC?: number;
  humidityPct?: number;
  windSpeedMs?: number;
  /** OpenWeather air-quality index, 1 (good) to 5 (very poor). */
  aqi?: number;
}
