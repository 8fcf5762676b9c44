import type { Race } from '@runningcoach/contracts';
import { badPayload, providerJson, type TransportOptions } from '../core/http.ts';
import { toRace, toRaces } from './mapping.ts';
import type { AhotuRaceResponse, AhotuSearchResponse } from './payload.ts';

export interface AhotuSearch {
  text?: string;
  from?: string;
  to?: string;
  distanceMeters?: number;
  near?: { lat: number; lon: number; radiusKm: number };
  limit?: number;
}

export interface AhotuClientOptions extends TransportOptions {
  baseUrl: string;
  apiKey?: string;
}

/** Race search and race detail against Ahotu (or its simulator), mapped to our Race. */
export class AhotuClient {
  constructor(private readonly options: AhotuClientOptions) {}

  async search(query: AhotuSearch): Promise<Race[]> {
    const url = this.url('/v1/races');
    const p = url.searchParams;
    p.set('sport', 'running');
    if (query.text) p.set('q', query.text);
    if (query.from) p.set('start_date', query.from);
    if (query.to) p.set('end_date', query.to);
    if (query.distanceMeters !== undefined) p.set('distance_km', String(query.distanceMeters / 1000));
    if (query.near) {
      p.set('lat', String(query.near.lat));
      p.set('lng', String(query.near.lon));
      p.set('radius_km', String(query.near.radiusKm));
    }
    p.set('per_page', String(query.limit ?? 20));
    const body = await this.get<AhotuSearchResponse>(url);
    if (!Array.isArray(body?.data)) throw badPayload('ahotu', 'search answer has no data');
    return toRaces(body.data).slice(0, query.limit ?? 20);
  }

  /** One race by id; a ProviderHttpError of kind not_found when Ahotu has none. */
  async race(id: string): Promise<Race> {
    const body = await this.get<AhotuRaceResponse>(this.url(`/v1/races/${encodeURIComponent(id)}`));
    const race = body?.data?.races?.find((r) => r.id === id);
    if (!race) throw badPayload('ahotu', 'race answer does not hold the race');
    return toRace(body.data, race);
  }

  private url(path: string): URL {
    return new URL(path.replace(/^\/+/, ''), this.options.baseUrl.replace(/\/*$/, '/'));
  }

  /** Reads are idempotent: one retry after an outage by default. */
  private get<T>(url: URL): Promise<T> {
    const { baseUrl: _, apiKey, ...transport } = this.options;
    return providerJson<T>('ahotu', url.toString(), {
      retries: 1,
      ...transport,
      ...(apiKey && { headers: { 'x-api-key': apiKey } }),
    });
  }
}
