import { providerJson } from '../core/http.ts';
import { STRAVA_STREAM_KEYS, type StravaActivity, type StravaStreamSet } from './types.ts';

/** Strava API v3 with the runner's access token (api base: `https://www.strava.com/api/v3`). */
export class StravaClient {
  constructor(
    private readonly apiBase: string,
    private readonly timeoutMs = 10_000,
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

  private auth(token: string) {
    return { headers: { authorization: `Bearer ${token}` }, timeoutMs: this.timeoutMs };
  }
}
