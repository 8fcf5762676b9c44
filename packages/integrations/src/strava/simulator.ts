import { SimOAuth, SimServer } from '../core/simulator.ts';
import type { StravaActivity, StravaEvent, StravaStreamSet } from './types.ts';

/**
 * A local Strava: OAuth (`/oauth/token`, no PKCE: Strava uses the client secret; `/oauth/deauthorize`
 * revokes the athlete's tokens), `GET /api/v3/activities/:id`
 * and `/streams` for the owner's token only, and webhook delivery to a callback as Strava posts it.
 */
export class StravaSimulator {
  readonly oauth = new SimOAuth('strava-client', 'strava-secret');
  readonly subscriptionId = 120475;
  private readonly activities = new Map<
    string,
    { owner: number; activity: StravaActivity; streams: StravaStreamSet }
  >();
  readonly server = new SimServer((req) => {
    if (req.method === 'POST' && req.path === '/oauth/token') {
      return this.oauth.token(req.body, (user) => ({
        athlete: { id: Number(user), username: `athlete${user}` },
        expires_at: Math.floor(Date.now() / 1000) + this.oauth.expiresIn,
      }));
    }
    if (req.method === 'POST' && req.path === '/oauth/deauthorize') {
      const token = new URLSearchParams(req.body.toString('utf8')).get('access_token') ?? '';
      const user = this.oauth.access.get(token);
      if (!user) return { status: 401, json: { message: 'Authorization Error', errors: [] } };
      this.oauth.revoke(user);
      return { status: 200, json: { access_token: token } };
    }
    const m = /^\/api\/v3\/activities\/(\d+)(\/streams)?$/.exec(req.path);
    if (req.method === 'GET' && m) {
      const user = this.oauth.userOf(req.headers.authorization);
      if (!user) return { status: 401, json: { message: 'Authorization Error', errors: [] } };
      const found = this.activities.get(m[1]!);
      if (!found || String(found.owner) !== user)
        return { status: 404, json: { message: 'Record Not Found' } };
      return { status: 200, json: m[2] ? found.streams : found.activity };
    }
    return { status: 404, json: { message: 'Not Found' } };
  });

  get url(): string {
    return this.server.url;
  }
  get apiBase(): string {
    return `${this.server.url}/api/v3`;
  }

  async start(): Promise<this> {
    await this.server.listen();
    return this;
  }

  put(owner: number, activity: StravaActivity, streams: StravaStreamSet = {}): void {
    this.activities.set(String(activity.id), {
      owner,
      activity: { ...activity, athlete: { id: owner } },
      streams,
    });
  }

  remove(id: number): void {
    this.activities.delete(String(id));
  }

  event(e: Partial<StravaEvent> & Pick<StravaEvent, 'object_id' | 'owner_id'>): StravaEvent {
    return {
      object_type: 'activity',
      aspect_type: 'create',
      subscription_id: this.subscriptionId,
      event_time: Math.floor(Date.now() / 1000),
      updates: {},
      ...e,
    };
  }

  /** POSTs an event to the subscription's callback as Strava does; the callback's status. */
  async deliver(callbackUrl: string, event: StravaEvent): Promise<number> {
    const res = await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    await res.text();
    return res.status;
  }
}

/** A run as Strava's DetailedActivity and streams: 1 Hz, `minutes` long, steady 3.3 m/s, HR 140-160. */
export function stravaRun(
  id: number,
  startIso: string,
  minutes = 30,
): { activity: StravaActivity; streams: StravaStreamSet } {
  const n = minutes * 60 + 1;
  const time = Array.from({ length: n }, (_, i) => i);
  const hr = time.map((i) => 140 + Math.round((20 * i) / n));
  const distance = time.map((i) => i * 3.3);
  return {
    activity: {
      id,
      name: 'Morning Run',
      type: 'Run',
      sport_type: 'Run',
      start_date: startIso,
      elapsed_time: n - 1,
      moving_time: n - 1,
      distance: distance[n - 1]!,
      total_elevation_gain: 42,
      has_heartrate: true,
      average_heartrate: hr.reduce((a, b) => a + b, 0) / n,
      max_heartrate: Math.max(...hr),
    },
    streams: {
      time: { data: time, series_type: 'time', original_size: n, resolution: 'high' },
      distance: { data: distance, series_type: 'time', original_size: n, resolution: 'high' },
      heartrate: { data: hr, series_type: 'time', original_size: n, resolution: 'high' },
      velocity_smooth: {
        data: time.map(() => 3.3),
        series_type: 'time',
        original_size: n,
        resolution: 'high',
      },
      cadence: { data: time.map(() => 85), series_type: 'time', original_size: n, resolution: 'high' },
    },
  };
}
