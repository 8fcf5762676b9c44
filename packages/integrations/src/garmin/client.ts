import { providerFetch, providerJson, type TransportOptions } from '../core/http.ts';
import type { GarminItem } from './types.ts';

/**
 * Garmin Health and Training APIs with the runner's OAuth 2.0 token (api base: `https://apis.garmin.com`).
 * Ping callbacks are only followed to the configured API host: the URL comes from an unsigned body.
 * `transport`: deadline and the Garmin circuit breaker; no retries by default (the server's jobs retry).
 */
export class GarminClient {
  constructor(
    private readonly apiBase: string,
    private readonly transport: TransportOptions = {},
  ) {}

  /** The Garmin user id of a token (how push bodies name the runner). */
  async userId(token: string): Promise<string> {
    const r = await providerJson<{ userId: string }>(
      'garmin',
      `${this.apiBase}/wellness-api/rest/user/id`,
      this.auth(token),
    );
    return r.userId;
  }

  /** A ping's `callbackURL`: the summaries it announced. */
  pull(token: string, callbackUrl: string): Promise<GarminItem[]> {
    const u = new URL(callbackUrl);
    if (u.origin !== new URL(this.apiBase).origin)
      throw new Error('garmin: callbackURL is not on the Garmin API host');
    return providerJson('garmin', u.toString(), this.auth(token));
  }

  /** Training API adapter: one structured workout as a FIT workout file; Garmin's id for it. */
  async pushWorkout(token: string, fit: Uint8Array): Promise<string> {
    const res = await providerFetch('garmin', `${this.apiBase}/training-api/workout/fit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ant.fit' },
      body: fit,
      ...this.transport,
      retries: 0, // an upload is not idempotent
    });
    const body = (await res.json()) as { workoutId: number | string };
    return String(body.workoutId);
  }

  private auth(token: string) {
    return { ...this.transport, headers: { authorization: `Bearer ${token}` } };
  }
}
