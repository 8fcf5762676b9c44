import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  apple,
  garmin,
  isOutage,
  type ProviderActivity,
  type ProviderDailyMetrics,
  strava,
} from '@runningcoach/integrations';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { IntegrationRepository } from '../repositories/integration.repository.ts';
import type { WebhookEventRow } from '../schema/index.ts';
import { ActivityService } from '../services/activity.service.ts';
import { DailyMetricsService } from '../services/daily-metrics.service.ts';
import { NutritionService } from '../services/nutrition.service.ts';
import { ConnectionService } from './connection.service.ts';

export type EventOutcome = 'done' | 'skipped' | 'failed';

const sha256 = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/**
 * Does the work of one logged webhook event or MyFitnessPal import (a queue job): fetch what it names from
 * the provider with the runner's token (through the provider's circuit breaker), map it, store it through the
 * import path (duplicates merged by the sync rules). An outage throws, so the queue retries later; a refusal
 * (4xx) is recorded on the event as failed.
 */
@Injectable()
export class ProviderEventService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(IntegrationRepository) private readonly repo: IntegrationRepository,
    @Inject(ActivityService) private readonly activities: ActivityService,
    @Inject(DailyMetricsService) private readonly dailyMetrics: DailyMetricsService,
    @Inject(ConnectionService) private readonly connections: ConnectionService,
    @Inject(NutritionService) private readonly nutrition: NutritionService,
  ) {}

  async process(userId: string, eventId: string): Promise<EventOutcome> {
    const event = await this.database.asUser(userId, () => this.repo.findEvent(userId, eventId));
    if (!event || event.status === 'done') return 'skipped';
    try {
      await this.run(userId, event);
    } catch (err) {
      if (isOutage(err)) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      await this.database.asUser(userId, () =>
        this.repo.markEvent(userId, eventId, 'failed', reason.slice(0, 500)),
      );
      return 'failed';
    }
    await this.database.asUser(userId, () => this.repo.markEvent(userId, eventId, 'done', null));
    return 'done';
  }

  private async run(userId: string, e: WebhookEventRow): Promise<void> {
    const p = e.payload;
    if (e.provider === 'strava') return this.strava(userId, p as unknown as strava.StravaEvent);
    if (e.provider === 'garmin') return this.garmin(userId, e.kind, p);
    if (e.provider === 'myfitnesspal') return this.myFitnessPal(userId, p as { from: string; to: string });
    if (e.kind === 'workout') return this.ingest(userId, [apple.appleWorkout(p as never)], sha256(p));
    return this.daily(userId, [apple.appleDaily(p as never)]);
  }

  private async strava(userId: string, e: strava.StravaEvent): Promise<void> {
    if (e.object_type === 'athlete') {
      // Deauthorization: the runner revoked us on Strava; their tokens go (their activities stay).
      if (e.updates?.authorized === 'false') {
        await this.database.asUser(userId, () => this.repo.deleteConnection(userId, 'strava'));
      }
      return;
    }
    const id = String(e.object_id);
    if (e.aspect_type === 'delete') {
      await this.activities.deleteFromProvider(userId, 'strava', id);
      return;
    }
    const token = await this.connections.accessToken(userId, 'strava');
    if (!token) return; // disconnected since
    const client = this.connections.stravaClient();
    const detail = await client.activity(token, id);
    const streams = await client.streams(token, id);
    await this.ingest(userId, [strava.stravaActivity(detail, streams)], sha256({ detail, streams }));
  }

  private async garmin(userId: string, kind: string, item: Record<string, unknown>): Promise<void> {
    const [mode, type] = kind.split('.') as ['push' | 'ping', garmin.GarminSummaryType];
    let items: Record<string, unknown>[] = [item];
    if (mode === 'ping') {
      const token = await this.connections.accessToken(userId, 'garmin');
      if (!token) return;
      const client = this.connections.garminClient();
      items = await client.pull(token, String(item.callbackURL));
    }
    // Only summaries of the runner this event was logged for.
    const userKey = String(item.userId);
    items = items.filter((i) => String(i.userId) === userKey);
    if (type === 'activities') {
      return this.ingest(
        userId,
        items.map((i) => garmin.garminActivity(i as never)),
        sha256(items),
      );
    }
    if (type === 'activityDetails') {
      return this.ingest(
        userId,
        items.map((i) => garmin.garminActivityDetails(i as never)),
        sha256(items),
      );
    }
    const map = { dailies: garmin.garminDaily, sleeps: garmin.garminSleep, hrv: garmin.garminHrv }[type];
    return this.daily(
      userId,
      items.map((i) => map(i as never)),
    );
  }

  /** The diary days of the range, all read before any is stored (an outage midway stores nothing). */
  private async myFitnessPal(userId: string, range: { from: string; to: string }): Promise<void> {
    const diary = await this.connections.myFitnessPal(userId);
    if (!diary) return; // disconnected since
    const days = await diary.days(range.from, range.to);
    await this.nutrition.store(userId, days, 'myfitnesspal');
  }

  private async ingest(userId: string, list: ProviderActivity[], digest: string): Promise<void> {
    await this.activities.ingestProvider(userId, list, digest);
  }

  /** A provider's values for a day go over what the day has (the runner's subjective answers stay). */
  private async daily(userId: string, list: ProviderDailyMetrics[]): Promise<void> {
    for (const m of list) await this.dailyMetrics.checkIn(userId, m, { over: 'stored' });
  }
}
