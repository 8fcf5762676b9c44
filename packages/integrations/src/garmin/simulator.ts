import { decodeFitWorkout } from '../files/fit/workout.ts';
import { SimOAuth, SimServer } from '../core/simulator.ts';
import type { GarminActivitySummary, GarminItem, GarminSummaryType } from './types.ts';

/**
 * A local Garmin: OAuth 2.0 with PKCE (`/di-oauth2-service/oauth/token`), `GET /wellness-api/rest/user/id`,
 * ping/pull (`GET /wellness-api/rest/<summary type>?uploadStartTimeInSeconds&uploadEndTimeInSeconds`), the
 * Training API upload (`POST /training-api/workout/fit`), and push/ping delivery with `garmin-client-id`.
 */
export class GarminSimulator {
  readonly oauth = new SimOAuth('garmin-client', 'garmin-secret');
  private readonly uploads = new Map<string, { type: GarminSummaryType; at: number; item: GarminItem }[]>();
  /** Workouts received through the Training API, decoded. */
  readonly workouts: { user: string; workout: ReturnType<typeof decodeFitWorkout> }[] = [];
  readonly server = new SimServer((req) => {
    if (req.method === 'POST' && req.path === '/di-oauth2-service/oauth/token')
      return this.oauth.token(req.body);
    const user = this.oauth.userOf(req.headers.authorization);
    if (req.path.startsWith('/wellness-api/') || req.path.startsWith('/training-api/')) {
      if (!user) return { status: 401, json: { errorMessage: 'Unauthorized' } };
    }
    if (req.method === 'GET' && req.path === '/wellness-api/rest/user/id')
      return { status: 200, json: { userId: user } };
    const pull = /^\/wellness-api\/rest\/(\w+)$/.exec(req.path);
    if (req.method === 'GET' && pull) {
      const from = Number(req.query.get('uploadStartTimeInSeconds'));
      const to = Number(req.query.get('uploadEndTimeInSeconds'));
      const items = (this.uploads.get(user!) ?? [])
        .filter((u) => u.type === pull[1] && u.at >= from && u.at <= to)
        .map((u) => u.item);
      return { status: 200, json: items };
    }
    if (req.method === 'POST' && req.path === '/training-api/workout/fit') {
      this.workouts.push({ user: user!, workout: decodeFitWorkout(new Uint8Array(req.body)) });
      return { status: 200, json: { workoutId: 9_000_000 + this.workouts.length } };
    }
    return { status: 404, json: { errorMessage: 'Not Found' } };
  });

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    await this.server.listen();
    return this;
  }

  /** A summary uploaded by the runner's device at `at` (seconds), to be announced by a ping. */
  upload(user: string, type: GarminSummaryType, item: GarminItem | GarminActivitySummary, at: number): void {
    const list = this.uploads.get(user) ?? [];
    list.push({ type, at, item: item as GarminItem });
    this.uploads.set(user, list);
  }

  pingBody(user: string, type: GarminSummaryType, from: number, to: number): Record<string, unknown> {
    const callbackURL = `${this.url}/wellness-api/rest/${type}?uploadStartTimeInSeconds=${from}&uploadEndTimeInSeconds=${to}`;
    return {
      [type]: [{ userId: user, uploadStartTimeInSeconds: from, uploadEndTimeInSeconds: to, callbackURL }],
    };
  }

  /** POSTs a notification as Garmin does (JSON, `garmin-client-id`); the endpoint's status and elapsed ms. */
  async deliver(
    url: string,
    body: unknown,
    clientId = this.oauth.clientId,
  ): Promise<{ status: number; ms: number }> {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'garmin-client-id': clientId },
      body: JSON.stringify(body),
    });
    await res.text();
    return { status: res.status, ms: performance.now() - t };
  }
}

/** A run as Garmin's activity summary. */
export function garminRun(
  user: string,
  activityId: number,
  startSec: number,
  minutes = 45,
): GarminActivitySummary {
  return {
    userId: user,
    summaryId: `${activityId}`,
    activityId,
    activityName: 'Easy Run',
    activityType: 'RUNNING',
    startTimeInSeconds: startSec,
    startTimeOffsetInSeconds: 0,
    durationInSeconds: minutes * 60,
    distanceInMeters: minutes * 60 * 3.0,
    averageHeartRateInBeatsPerMinute: 145,
    maxHeartRateInBeatsPerMinute: 168,
    totalElevationGainInMeters: 55,
    deviceName: 'forerunner965',
  };
}
