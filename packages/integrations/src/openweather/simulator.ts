// A local OpenWeather stand-in: One Call 3.0 (`/data/3.0/onecall`, `/onecall/timemachine`) and Air
// Pollution (`/data/2.5/air_pollution`) in their documented shapes, for 8 days from `today` (UTC), with the
// weather of each day set by the test (`setWeather`), so heat can be put on the day a test needs.
import { SimServer } from '../core/simulator.ts';
import type { OwmAirPollution, OwmCurrent, OwmDaily, OwmOneCall } from './payload.ts';

export interface SimDay {
  morn: number;
  day: number;
  eve: number;
  night: number;
  dewPoint: number;
  humidity?: number;
  wind?: number;
}

export type SimWeather = (date: string, index: number) => SimDay;

export interface OpenWeatherSimulator extends SimServer {
  setWeather(weather: SimWeather): void;
  setAqi(aqi: 1 | 2 | 3 | 4 | 5): void;
}

export const MILD: SimWeather = () => ({ morn: 12, day: 18, eve: 16, night: 10, dewPoint: 8 });

const DAY = 86_400;
const condition = { id: 800, main: 'Clear', description: 'clear sky', icon: '01d' };

function current(dt: number, temp: number, d: SimDay): OwmCurrent {
  return {
    dt,
    temp,
    feels_like: temp,
    pressure: 1015,
    humidity: d.humidity ?? 60,
    dew_point: d.dewPoint,
    uvi: 5,
    clouds: 0,
    visibility: 10_000,
    wind_speed: d.wind ?? 3,
    wind_deg: 270,
    weather: [condition],
  };
}

function daily(dt: number, d: SimDay): OwmDaily {
  return {
    dt,
    sunrise: dt - 6 * 3600,
    sunset: dt + 7 * 3600,
    summary: 'Expect a clear day',
    temp: {
      day: d.day,
      min: Math.min(d.night, d.morn),
      max: d.day + 2,
      night: d.night,
      eve: d.eve,
      morn: d.morn,
    },
    feels_like: { day: d.day, night: d.night, eve: d.eve, morn: d.morn },
    pressure: 1015,
    humidity: d.humidity ?? 60,
    dew_point: d.dewPoint,
    wind_speed: d.wind ?? 3,
    wind_deg: 270,
    weather: [condition],
    clouds: 0,
    pop: 0,
    uvi: 6,
  };
}

export async function startOpenWeatherSimulator(options: {
  today: string;
  apiKey?: string;
  port?: number;
}): Promise<OpenWeatherSimulator> {
  let weather: SimWeather = MILD;
  let aqi: 1 | 2 | 3 | 4 | 5 = 2;
  const start = Date.parse(`${options.today}T00:00:00Z`) / 1000;
  const dateOf = (i: number) => new Date((start + i * DAY) * 1000).toISOString().slice(0, 10);
  const sim = new SimServer(
    ({ path, query: p }) => {
      if (options.apiKey && p.get('appid') !== options.apiKey) {
        return {
          status: 401,
          json: {
            cod: 401,
            message: 'Invalid API key. Please see https://openweathermap.org/faq#error401 for more info.',
          },
        };
      }
      const lat = Number(p.get('lat'));
      const lon = Number(p.get('lon'));
      if (!p.has('lat') || !p.has('lon') || Number.isNaN(lat) || Number.isNaN(lon)) {
        return { status: 400, json: { cod: '400', message: 'Nothing to geocode' } };
      }
      const base = { lat, lon, timezone: 'Etc/UTC', timezone_offset: 0 };
      if (path === '/data/3.0/onecall') {
        const days = Array.from({ length: 8 }, (_, i) => weather(dateOf(i), i));
        const body: OwmOneCall = {
          ...base,
          current: current(start + 12 * 3600, days[0]!.day, days[0]!),
          daily: days.map((d, i) => daily(start + i * DAY + 12 * 3600, d)),
        };
        return { status: 200, json: body };
      }
      if (path === '/data/3.0/onecall/timemachine') {
        const dt = Number(p.get('dt'));
        const i = Math.floor((dt - start) / DAY);
        const d = weather(dateOf(i), i);
        return { status: 200, json: { ...base, data: [current(dt, d.day, d)] } };
      }
      if (path === '/data/2.5/air_pollution') {
        const components = { co: 200, no: 0, no2: 5, o3: 60, so2: 1, pm2_5: 5, pm10: 8, nh3: 1 };
        const body: OwmAirPollution = {
          coord: { lon, lat },
          list: [{ dt: start, main: { aqi }, components }],
        };
        return { status: 200, json: body };
      }
      return { status: 404, json: { cod: '404', message: 'Internal error' } };
    },
    { secretParams: ['appid'] },
  );
  await sim.listen(options.port);
  return Object.assign(sim, {
    setWeather: (w: SimWeather) => void (weather = w),
    setAqi: (a: 1 | 2 | 3 | 4 | 5) => void (aqi = a),
  });
}
