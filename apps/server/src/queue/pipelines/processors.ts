import type { JobQueue, QueueLogger, ScheduleOptions } from '../job-queue.ts';
import { silentLogger } from '../job-queue.ts';
import { defineProcessor, type Processor } from '../processor.ts';
import {
  enqueue,
  EvaluatePlanAdaptationPayload,
  JOBS,
  MidnightScanPayload,
  MissedWorkoutsPayload,
  NormalizeActivityPayload,
  UpdateRollingStatsPayload,
  WeeklyBatchPayload,
} from './jobs.ts';
import { addDays, isSunday } from './local-time.ts';
import { scanMidnights } from './midnight.ts';
import type { PipelineServices } from './services.ts';

export interface PipelineDeps {
  /** Where follow-up jobs go. */
  queue: Pick<JobQueue, 'add'>;
  services: PipelineServices;
  now?: () => number;
  /** How far back the midnight scan looks; wider than the scan interval so a missed tick loses nothing. */
  midnightWindowMs?: number;
  logger?: QueueLogger;
}

export const MIDNIGHT_SCAN_EVERY_MINUTES = 15;

/** Repeatable jobs the workers upsert at start (idempotent: every worker may do it). */
export const PIPELINE_SCHEDULES: { name: string; opts: ScheduleOptions }[] = [
  // Quarter hours: every zone's midnight falls on one (UTC offsets are whole, half or quarter hours).
  // UTC, not the host's zone: cron-parser would otherwise read the pattern in the worker's TZ.
  {
    name: JOBS.midnightScan,
    opts: { pattern: `*/${MIDNIGHT_SCAN_EVERY_MINUTES} * * * *`, tz: 'UTC', jobId: 'midnight-scan' },
  },
];

const FAN_OUT_BATCH = 200;

/**
 * The PRD pipelines: activity → rolling stats → plan adaptation, and midnight → missed workouts →
 * (plan adaptation, weekly batch). Domain work is a service call; this layer only sequences it.
 */
export function createPipelineProcessors(deps: PipelineDeps): Processor[] {
  const { queue, services } = deps;
  const now = deps.now ?? Date.now;
  const windowMs = deps.midnightWindowMs ?? 60 * 60 * 1000;
  const logger = deps.logger ?? silentLogger;

  return [
    defineProcessor({
      name: JOBS.normalizeActivity,
      concurrency: 4,
      schema: NormalizeActivityPayload,
      handle: async ({ userId, activityId }) => {
        const outcome = await services.activities.normalize(userId, activityId);
        if (outcome.status === 'rejected') {
          logger.info({ userId, activityId }, 'activity rejected'); // the reason may hold health values
          return outcome;
        }
        const cause = `activity:${activityId}`;
        await enqueue.updateRollingStats(queue, { userId, fromDate: outcome.date, cause });
        return outcome;
      },
    }),
    defineProcessor({
      name: JOBS.updateRollingStats,
      concurrency: 4,
      schema: UpdateRollingStatsPayload,
      handle: async ({ userId, fromDate, cause }) => {
        await services.rollingStats.update(userId, fromDate);
        await enqueue.evaluatePlanAdaptation(queue, { userId, date: fromDate, cause });
      },
    }),
    defineProcessor({
      name: JOBS.evaluatePlanAdaptation,
      concurrency: 4,
      schema: EvaluatePlanAdaptationPayload,
      handle: ({ userId, date }) => services.planAdaptation.evaluate(userId, date),
    }),
    defineProcessor({
      name: JOBS.midnightScan,
      concurrency: 1,
      schema: MidnightScanPayload,
      handle: async () => {
        const scan = scanMidnights(await services.runners.listTimeZones(), now(), windowMs);
        if (scan.unknownZones.length > 0) {
          const zones = [...new Set(scan.unknownZones.map((r) => r.timeZone))];
          logger.warn(
            { runners: scan.unknownZones.length, zones },
            'runners with an unknown time zone skipped',
          );
        }
        for (let i = 0; i < scan.due.length; i += FAN_OUT_BATCH) {
          await Promise.all(
            scan.due.slice(i, i + FAN_OUT_BATCH).map((run) => enqueue.missedWorkouts(queue, run)),
          );
        }
        return { due: scan.due.length, unknownZones: scan.unknownZones.length };
      },
    }),
    defineProcessor({
      name: JOBS.missedWorkouts,
      concurrency: 4,
      schema: MissedWorkoutsPayload,
      handle: async ({ userId, date }) => {
        const { missed } = await services.missedWorkouts.markMissed(userId, date);
        // Today's plan may change (a missed long run is redistributed from the new day on).
        if (missed > 0) {
          await enqueue.evaluatePlanAdaptation(queue, {
            userId,
            date: addDays(date, 1),
            cause: `missed:${date}`,
          });
        }
        // After Sunday's missed workouts are settled, the runner's week is complete.
        if (isSunday(date))
          await enqueue.weeklyBatch(queue, { userId, weekStart: addDays(date, -6), weekEnd: date });
        return { missed };
      },
    }),
    defineProcessor({
      name: JOBS.weeklyBatch,
      concurrency: 2,
      schema: WeeklyBatchPayload,
      handle: ({ userId, weekStart, weekEnd }) => services.weekly.run(userId, weekStart, weekEnd),
    }),
  ];
}
