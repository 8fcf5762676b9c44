import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays, daysBetween } from '@runningcoach/engine';
import type { AppConfig } from '../config/config.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { todayIn } from '../queue/pipelines/local-time.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { IntegrationRepository } from '../repositories/integration.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { WebhookEventRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { enqueueProviderEvent, providerNotConfigured } from './provider-jobs.ts';

const PROVIDER = 'myfitnesspal';
/** What an import asks for when the runner names no range; the adapter reads at most 92 days at once. */
export const MFP_SYNC_DEFAULT_DAYS = 14;
export const MFP_SYNC_MAX_DAYS = 92;
/** How an import was started: the runner's request, their connecting, the daily schedule. */
export const MFP_SYNC_KINDS = ['sync', 'connect', 'daily'] as const;
type SyncKind = (typeof MFP_SYNC_KINDS)[number];

export interface MfpSyncStatus {
  syncId: string;
  status: WebhookEventRow['status'];
  from: string;
  to: string;
  requestedAt: string;
  finishedAt?: string;
  error?: string;
}

const rangeError = (path: 'from' | 'to', message: string) =>
  new AppError(400, 'VALIDATION_FAILED', `${path}: ${message}`, {
    issues: [{ path, code: 'invalid_range', message }],
  });

function toStatus(row: WebhookEventRow): MfpSyncStatus {
  const { from, to } = row.payload as { from: string; to: string };
  return {
    syncId: row.id,
    status: row.status,
    from,
    to,
    requestedAt: row.receivedAt.toISOString(),
    ...(row.processedAt && { finishedAt: row.processedAt.toISOString() }),
    ...(row.error && { error: row.error }),
  };
}

/**
 * Imports of a runner's MyFitnessPal diary into their nutrition days, queued as provider work: each import
 * is logged once in `webhook_events` (provider `myfitnesspal`, payload `{from, to}`, its status the import's
 * progress) and done by a `provider-event` job (ProviderEventService), retried by the queue while
 * MyFitnessPal is down. Started by the runner, by connecting, and daily for every connected runner.
 */
@Injectable()
export class MfpSyncService {
  private readonly logger = new Logger('MyFitnessPal');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(IntegrationRepository) private readonly repo: IntegrationRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private get configured(): boolean {
    return !!this.config.providers.myFitnessPal?.oauth;
  }

  /**
   * The runner asks for an import of `from`..`to` (default: the 14 days up to their today); it is queued and
   * its status returned at once. 409 when MyFitnessPal is off here, 404 when the runner has not connected it.
   */
  async request(userId: string, range: { from?: string; to?: string }): Promise<MfpSyncStatus> {
    if (!this.configured) throw providerNotConfigured(PROVIDER);
    const { connected, timeZone } = await this.database.asUser(userId, async () => ({
      connected: !!(await this.repo.findConnection(userId, PROVIDER)),
      timeZone: (await this.users.findById(userId))?.settings.timeZone,
    }));
    if (!connected) throw new AppError(404, 'NOT_CONNECTED', `provider: ${PROVIDER} is not connected`);
    const today = todayIn(timeZone);
    const to = range.to ?? today;
    const from = range.from ?? addDays(to, 1 - MFP_SYNC_DEFAULT_DAYS);
    if (from > to) throw rangeError('from', 'must not be after to');
    // The runner's today may be a day ahead of the server's idea of it: one day of slack.
    if (to > addDays(today, 1)) throw rangeError('to', 'must not be in the future');
    if (daysBetween(from, to) + 1 > MFP_SYNC_MAX_DAYS) {
      throw rangeError('from', `at most ${MFP_SYNC_MAX_DAYS} days at once`);
    }
    return (await this.start(userId, 'sync', `sync:${randomUUID()}`, { from, to }))!;
  }

  async status(userId: string, syncId: string): Promise<MfpSyncStatus> {
    const row = await this.database.asUser(userId, () => this.repo.findEvent(userId, syncId));
    if (!row || row.provider !== PROVIDER || !(MFP_SYNC_KINDS as readonly string[]).includes(row.kind)) {
      throw new AppError(404, 'NOT_FOUND', 'id: no such MyFitnessPal import');
    }
    return toStatus(row);
  }

  /** Right after the runner connected: the last 14 days. A queue failure is logged, not thrown (they are connected). */
  async afterConnect(userId: string): Promise<MfpSyncStatus | undefined> {
    try {
      const user = await this.database.asUser(userId, () => this.users.findById(userId));
      const today = todayIn(user?.settings.timeZone);
      const from = addDays(today, 1 - MFP_SYNC_DEFAULT_DAYS);
      return (await this.start(userId, 'connect', `connect:${randomUUID()}`, { from, to: today }))!;
    } catch (err) {
      this.logger.warn(`initial import not queued: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /**
   * The daily job: yesterday and today, in each connected runner's time zone (yesterday is then complete
   * wherever they are). Once per runner and local day, however often it runs.
   */
  async daily(now = Date.now()): Promise<{ queued: number }> {
    if (!this.configured) return { queued: 0 };
    const runners = await this.database.anonymous(() => this.repo.runnersOf(PROVIDER));
    let queued = 0;
    for (const { userId, timeZone } of runners) {
      const today = todayIn(timeZone, now);
      const started = await this.start(userId, 'daily', `daily:${userId}:${today}`, {
        from: addDays(today, -1),
        to: today,
      });
      if (started) queued++;
    }
    return { queued };
  }

  /**
   * Logs the import once under `key` and queues its job; null when that key was logged before. An import
   * logged before and still pending is queued again (a no-op while its job exists: the job id is the
   * import's), so a daily run retried after the queue failed midway leaves no runner's import behind.
   */
  private async start(
    userId: string,
    kind: SyncKind,
    key: string,
    range: { from: string; to: string },
  ): Promise<MfpSyncStatus | null> {
    const { row, pending } = await this.database.asUser(userId, async () => {
      const fresh = await this.repo.insertEvent({
        userId,
        provider: PROVIDER,
        eventKey: key,
        kind,
        payload: range,
      });
      return { row: fresh, pending: fresh ?? (await this.repo.findEventByKey(userId, PROVIDER, key)) };
    });
    if (pending?.status === 'pending') {
      try {
        await enqueueProviderEvent(
          this.queue,
          { userId, eventId: pending.id },
          this.config.integrations.retry,
        );
      } catch (err) {
        if (kind !== 'sync') throw err;
        // The runner is waiting on this one: no import left pending with no job behind it, and a clear 503.
        const reason = 'the job queue is unavailable';
        await this.database.asUser(userId, () => this.repo.markEvent(userId, pending.id, 'failed', reason));
        throw new AppError(503, 'QUEUE_UNAVAILABLE', `myfitnesspal: ${reason}; try again later`);
      }
    }
    return row && toStatus(row);
  }
}
