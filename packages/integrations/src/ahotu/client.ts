import type { Race } from '@runningcoach/contracts';
import { type ProviderFetchOptions, ProviderError, getJson } from '../provider-fetch.ts';
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

export interface AhotuClientOptions extends Pick<
  ProviderFetchOptions,
  'fetch' | 'timeoutMs' | 'retryDelayMs'
> {
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
    const body = await getJson<AhotuSearchResponse>(url, this.fetchOptions());
    if (!Array.isArray(body?.data))
      throw new ProviderError('ahotu', 'bad_payload', 'search answer has no data');
    return toRaces(body.data).slice(0, query.limit ?? 20);
  }

  /** One race by id; ProviderError kind not_found when Ahotu has none. */
  async race(id: string): Promise<Race> {
    const body = await getJson<AhotuRaceResponse>(
      this.url(`/v1/races/${encodeURIComponent(id)}`),
      this.fetchOptions(),
    );
    const race = body?.data?.races?.find((r) => r.id === id);
    if (!race) throw new ProviderError('ahotu', 'bad_payload', 'race answer does not hold the race');
    return toRace(body.data, race);
  }

  private url(path: string): URL {
    return new URL(path.replace(/^\/+/, ''), this.options.baseUrl.replace(/\/*$/, '/'));
  }

  private fetchOptions(): ProviderFetchOptions {
    return {
      provider: 'ahotu',
      ...(this.options.apiKey && { headers: { 'x-api-key': this.options.apiKey } }),
      ...(this.options.fetch && { fetch: this.options.fetch }),
      ...(this.options.timeoutMs !== undefined && { timeoutMs: this.options.timeoutMs }),
      ...(this.options.retryDelayMs !== undefined && { retryDelayMs: this.options.retryDelayMs }),
    };
  }
}
