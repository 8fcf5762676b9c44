import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StravaClient } from './client.ts';
import { stravaActivity } from './mapping.ts';
import { stravaRun, StravaSimulator } from './simulator.ts';
import { StravaEventSchema } from './types.ts';

describe('strava client and mapping against the simulator', () => {
  const sim = new StravaSimulator();
  beforeAll(() => sim.start());
  afterAll(() => sim.server.close());

  it("fetches an activity and its streams with the owner's token and maps them to our schema", async () => {
    const { activity, streams } = stravaRun(777, '2026-11-20T06:30:00Z', 30);
    sim.put(42, activity, streams);
    const token = sim.oauth.grant('42').accessToken;
    const client = new StravaClient(sim.apiBase);
    const a = stravaActivity(await client.activity(token, '777'), await client.streams(token, '777'));
    expect(a).toMatchObject({
      source: 'strava',
      externalId: '777',
      type: 'run',
      startTime: '2026-11-20T06:30:00.000Z',
      durationSec: 1800,
      maxHr: 160,
      elevationGainMeters: 42,
    });
    expect(a.distanceMeters).toBeCloseTo(5940, 6);
    expect(a.samples!.t).toHaveLength(1801);
    expect(a.samples!.cadence![0]).toBe(170); // Strava's per-leg 85 → 170 steps/min
    // Another athlete's token sees nothing.
    const other = sim.oauth.grant('43').accessToken;
    await expect(client.activity(other, '777')).rejects.toMatchObject({ status: 404, retryable: false });
    sim.server.outage = '503';
    await expect(client.activity(token, '777')).rejects.toMatchObject({ status: 503, retryable: true });
    sim.server.outage = 'none';
  });

  it('webhook events parse as Strava sends them, deauthorization included', () => {
    const e = StravaEventSchema.parse({
      aspect_type: 'update',
      event_time: 1516126040,
      object_id: 134815,
      object_type: 'athlete',
      owner_id: 134815,
      subscription_id: 120475,
      updates: { authorized: 'false' },
    });
    expect(e.updates).toEqual({ authorized: 'false' });
    expect(StravaEventSchema.safeParse({ object_type: 'activity' }).success).toBe(false);
  });
});
