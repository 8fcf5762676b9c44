// A local Ahotu stand-in for development and tests: a fixed catalogue of events dated from `today`, searched
// the way the client asks (text, dates, distance within 2 %, distance from a point). The payloads are the
// modelled shapes of payload.ts; see README.md for what is modelled and why.
import { SimServer } from '../core/simulator.ts';
import type { AhotuEvent, AhotuRace } from './payload.ts';

export interface AhotuSimulatorOptions {
  /** Catalogue dates count from this day (YYYY-MM-DD). */
  today: string;
  /** When set, requests without this `x-api-key` get 401. */
  apiKey?: string;
  port?: number;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A profile sampled every km: `hills` climbs of `height` m spread over the course, on a `base` altitude. */
function profile(km: number, base: number, hills: number, height: number, drop = 0): [number, number][] {
  const points: [number, number][] = [];
  const steps = Math.ceil(km);
  for (let i = 0; i <= steps; i++) {
    const d = Math.min(i, km);
    const wave = hills > 0 ? (height / 2) * (1 - Math.cos((2 * Math.PI * hills * d) / km)) : 0;
    points.push([Math.round(d * 1000), Math.round(base + wave - (drop * d) / km)]);
  }
  return points;
}

function gainLoss(points: [number, number][]): { gain: number; loss: number } {
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < points.length; i++) {
    const dh = points[i]![1] - points[i - 1]![1];
    if (dh > 0) gain += dh;
    else loss -= dh;
  }
  return { gain, loss };
}

function race(
  id: string,
  name: string,
  km: number,
  date: string,
  points: [number, number][],
  surface: 'road' | 'trail',
): AhotuRace {
  const { gain, loss } = gainLoss(points);
  return {
    id,
    name,
    distance: { value: km, unit: 'km' },
    start_date: `${date}T09:00:00Z`,
    course: { elevation_gain_m: gain, elevation_loss_m: loss, profile: points, surface },
  };
}

/** The catalogue: fictional events in real places, 4 to 20 weeks out (the 50K too close to train for). */
export function ahotuCatalogue(today: string): AhotuEvent[] {
  const d = (days: number) => addDays(today, days);
  return [
    {
      id: 'evt-lakeside',
      name: 'Lakeside City Marathon',
      url: 'https://www.ahotu.com/event/lakeside-city-marathon',
      location: { city: 'Berlin', region: 'Berlin', country_code: 'DE', latitude: 52.52, longitude: 13.405 },
      races: [
        race('lakeside-42k', 'Marathon', 42.195, d(112), profile(42.195, 35, 2, 8), 'road'),
        race('lakeside-10k', '10K', 10, d(111), profile(10, 35, 1, 5), 'road'),
      ],
    },
    {
      id: 'evt-ridge',
      name: 'Ridge Valley Mountain Marathon',
      url: 'https://www.ahotu.com/event/ridge-valley-mountain-marathon',
      location: {
        city: 'Boulder',
        region: 'Colorado',
        country_code: 'US',
        latitude: 40.015,
        longitude: -105.27,
      },
      races: [race('ridge-42k', 'Marathon', 42.195, d(126), profile(42.195, 1650, 4, 240), 'trail')],
    },
    {
      id: 'evt-harbour',
      name: 'Harbour Half Marathon',
      url: 'https://www.ahotu.com/event/harbour-half-marathon',
      location: { city: 'Lisbon', region: null, country_code: 'PT', latitude: 38.722, longitude: -9.139 },
      races: [race('harbour-21k', 'Half Marathon', 21.0975, d(84), profile(21.0975, 10, 2, 10), 'road')],
    },
    {
      id: 'evt-canyon',
      name: 'Canyon Downhill Half',
      url: null,
      location: {
        city: 'St George',
        region: 'Utah',
        country_code: 'US',
        latitude: 37.096,
        longitude: -113.568,
      },
      races: [race('canyon-21k', 'Half Marathon', 21.0975, d(70), profile(21.0975, 1300, 0, 0, 600), 'road')],
    },
    {
      id: 'evt-winter',
      name: 'Winter Alps Trail 50K',
      url: null,
      location: {
        city: 'Innsbruck',
        region: 'Tyrol',
        country_code: 'AT',
        latitude: 47.269,
        longitude: 11.404,
      },
      races: [race('winter-50k', '50K', 50, d(35), profile(50, 600, 5, 200), 'trail')],
    },
    {
      id: 'evt-spring',
      name: 'Spring Park 5K',
      url: null,
      location: {
        city: 'Potsdam',
        region: 'Brandenburg',
        country_code: 'DE',
        latitude: 52.39,
        longitude: 13.065,
      },
      races: [race('spring-5k', '5K', 5, d(30), profile(5, 40, 1, 3), 'road')],
    },
  ];
}

// Haversine on the WGS 84 mean radius.
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

export function searchCatalogue(events: readonly AhotuEvent[], p: URLSearchParams): AhotuEvent[] {
  const text = p.get('q')?.toLowerCase();
  const from = p.get('start_date');
  const to = p.get('end_date');
  const distance = p.has('distance_km') ? Number(p.get('distance_km')) : undefined;
  const near = p.has('lat')
    ? { lat: Number(p.get('lat')), lng: Number(p.get('lng')), radius: Number(p.get('radius_km') ?? 100) }
    : undefined;
  return events
    .filter((e) => !text || `${e.name} ${e.location.city}`.toLowerCase().includes(text))
    .filter(
      (e) =>
        !near ||
        (e.location.latitude !== null &&
          e.location.longitude !== null &&
          km(near.lat, near.lng, e.location.latitude, e.location.longitude) <= near.radius),
    )
    .map((e) => ({
      ...e,
      races: e.races.filter((r) => {
        const day = r.start_date.slice(0, 10);
        if (from && day < from) return false;
        if (to && day > to) return false;
        return distance === undefined || Math.abs(r.distance.value - distance) <= distance * 0.02;
      }),
    }))
    .filter((e) => e.races.length > 0);
}

export function startAhotuSimulator(options: AhotuSimulatorOptions): Promise<SimServer> {
  const events = ahotuCatalogue(options.today);
  const sim = new SimServer(({ path, query, headers }) => {
    if (options.apiKey && headers['x-api-key'] !== options.apiKey) {
      return { status: 401, json: { error: { status: 401, message: 'Invalid API key' } } };
    }
    if (path === '/v1/races') {
      const found = searchCatalogue(events, query);
      const perPage = Number(query.get('per_page') ?? 20);
      return {
        status: 200,
        json: { data: found.slice(0, perPage), meta: { page: 1, per_page: perPage, total: found.length } },
      };
    }
    const one = /^\/v1\/races\/([^/]+)$/.exec(path);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      const event = events.find((e) => e.races.some((r) => r.id === id));
      if (!event) return { status: 404, json: { error: { status: 404, message: 'Race not found' } } };
      return { status: 200, json: { data: { ...event, races: event.races.filter((r) => r.id === id) } } };
    }
    return { status: 404, json: { error: { status: 404, message: 'Not found' } } };
  });
  return sim.listen(options.port);
}
