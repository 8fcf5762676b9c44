import { providerFetch, providerJson, type TransportOptions } from '../core/http.ts';
import { STRAVA_STREAM_KEYS, type StravaActivity, type StravaStreamSet } from './types.ts';

/**
 * Strava API v3 with the runner's access token (api base: `https://www.strava.com/api/v3`). `transport`:
 * deadline and the Strava circuit breaker; no retries by default (the server's jobs retry).
 */
export class StravaClient {
  constructor(
    private readonly apiBase: string,
    private readonly transport: TransportOptions = {},
  ) {}

  activity(token: string, id: string): Promise<StravaActivity> {
    return providerJson('strava', `${this.apiBase}/activities/${encodeURIComponent(id)}`, this.auth(token));
  }

  streams(token: string, id: string): Promise<StravaStreamSet> {
    const q = `keys=${STRAVA_STREAM_KEYS}&key_by_type=true`;
    return providerJson(
      'strava',
      `${this.apiBase}/activities/${encodeURIComponent(id)}/streams?${q}`,
      this.auth(token),
    );
  }

  /** `POST /oauth/deauthorize`: Strava revokes every token of this app for the athlete (on disconnect). */
  async deauthorize(token: string): Promise<void> {
    const res = await providerFetch(
      'strava',
      `${this.apiBase.replace(/\/api\/v3\/?$/, '')}/oauth/deauthorize`,
      {
        ...this.auth(token),
        method: 'POST',
        body: new URLSearchParams({ access_token: token }),
      },
    );
    await res.body?.cancel();
  }

  private auth(token: string) {
    return { ...this.transport, headers: { authorization: `Bearer ${token}` } };
  }
}
