// OpenWeather One Call API 3.0 (`/data/3.0/onecall`, `/onecall/timemachine`) and Air Pollution API
// (`/data/2.5/air_pollution`) response shapes, as documented at openweathermap.org/api/one-call-3 and
// /api/air-pollution; only the fields we read are typed. Requested with units=metric (°C, m/s).

export interface OwmCondition {
  id: number;
  main: string;
  description: string;
  icon: string;
}

export interface OwmCurrent {
  dt: number;
  sunrise?: number;
  sunset?: number;
  temp: number;
  feels_like: number;
  pressure: number;
  humidity: number;
  dew_point: number;
  uvi?: number;
  clouds: number;
  visibility?: number;
  wind_speed: number;
  wind_deg: number;
  wind_gust?: number;
  weather: OwmCondition[];
}

export interface OwmHourly extends OwmCurrent {
  pop: number;
}

export interface OwmDaily {
  dt: number;
  sunrise: number;
  sunset: number;
  summary?: string;
  temp: { day: number; min: number; max: number; night: number; eve: number; morn: number };
  feels_like: { day: number; night: number; eve: number; morn: number };
  pressure: number;
  humidity: number;
  dew_point: number;
  wind_speed: number;
  wind_deg: number;
  wind_gust?: number;
  weather: OwmCondition[];
  clouds: number;
  pop: number;
  rain?: number;
  uvi: number;
}

export interface OwmOneCall {
  lat: number;
  lon: number;
  timezone: string;
  /** Seconds east of UTC. */
  timezone_offset: number;
  current?: OwmCurrent;
  hourly?: OwmHourly[];
  daily?: OwmDaily[];
}

export interface OwmTimeMachine {
  lat: number;
  lon: number;
  timezone: string;
  timezone_offset: number;
  data: OwmCurrent[];
}

export interface OwmAirPollution {
  coord: { lon: number; lat: number };
  list: {
    dt: number;
    /** 1 Good, 2 Fair, 3 Moderate, 4 Poor, 5 Very Poor. */
    main: { aqi: 1 | 2 | 3 | 4 | 5 };
    components: Record<'co' | 'no' | 'no2' | 'o3' | 'so2' | 'pm2_5' | 'pm10' | 'nh3', number>;
  }[];
}
