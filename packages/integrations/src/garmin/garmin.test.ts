import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GarminClient } from './client.ts';
import { garminActivity, garminActivityDetails, garminDaily, garminHrv, garminSleep } from './mapping.ts';
import { garminRun, GarminSimulator } from './simulator.ts';

describe('garmin client and mapping against the simulator', () => {
  const sim = new GarminSimulator();
  beforeAll(() => sim.start());
  afterAll(() => sim.server.close());

  it('a ping callback is pulled with the token and maps to our activity', async () => {
    const run = garminRun('g-1', 555, 1_764_000_000, 45);
    sim.upload('g-1', 'activities', run, 1_764_003_000);
    const token = sim.oauth.grant('g-1').accessToken;
    const client = new GarminClient(sim.url);
    expect(await client.userId(token)).toBe('g-1');
    const ping = sim.pingBody('g-1', 'activities', 1_764_002_000, 1_764_004_000) as {
      activities: { callbackURL: string }[];
    };
    const items = await client.pull(token, ping.activities[0]!.callbackURL);
    expect(items).toHaveLength(1);
    expect(garminActivity(items[0] as never)).toMatchObject({
      source: 'garmin',
      externalId: '555',
      type: 'run',
      startTime: new Date(1_764_000_000_000).toISOString(),
      durationSec: 2700,
      avgHr: 145,
      maxHr: 168,
    });
    // A callback URL on another host is never followed (the ping body is unsigned).
    expect(() => client.pull(token, 'http://evil.example/wellness-api/rest/activities')).toThrow(
      /Garmin API host/,
    );
  });

  it('activity details carry samples; dailies, sleeps and HRV become daily metrics', () => {
    const details = garminActivityDetails({
      userId: 'g',
      summaryId: '9-detail',
      activityId: 9,
      summary: { activityType: 'TRAIL_RUNNING', startTimeInSeconds: 100, durationInSeconds: 2 },
      samples: [
        { startTimeInSeconds: 100, heartRate: 120, elevationInMeters: 10 },
        { startTimeInSeconds: 101, heartRate: 125, elevationInMeters: 11 },
      ],
    });
    expect(details).toMatchObject({
      externalId: '9',
      type: 'trail_run',
      samples: { t: [0, 1], hr: [120, 125], altitude: [10, 11] },
    });
    expect(
      garminDaily({
        userId: 'g',
        summaryId: 'd',
        calendarDate: '2026-11-20',
        restingHeartRateInBeatsPerMinute: 48,
        averageStressLevel: 35,
      }),
    ).toEqual({ date: '2026-11-20', restingHr: 48, stress: 2 });
    expect(
      garminDaily({ userId: 'g', summaryId: 'd', calendarDate: '2026-11-20', averageStressLevel: -1 }),
    ).toEqual({ date: '2026-11-20' });
    expect(
      garminSleep({
        userId: 'g',
        summaryId: 's',
        calendarDate: '2026-11-20',
        durationInSeconds: 27_000,
        overallSleepScore: { value: 82, qualifierKey: 'GOOD' },
      }),
    ).toEqual({ date: '2026-11-20', sleepDurationMinutes: 450, sleepQuality: 4 });
    expect(garminHrv({ userId: 'g', summaryId: 'h', calendarDate: '2026-11-20', lastNightAvg: 62 })).toEqual({
      date: '2026-11-20',
      hrvRmssd: 62,
    });
  });
});
