import { z } from 'zod';
import type { JobQueue } from '../job-queue.ts';

/** Queue names of the PRD pipelines; one BullMQ queue each. */
export const JOBS = {
  normalizeActivity: 'normalize-activity',
  updateRollingStats: 'update-rolling-stats',
  evaluatePlanAdaptation: 'evaluate-plan-adaptation',
  /** Every 15 minutes: fans out `missed-workouts` to runners whose local day just ended. */
  midnightScan: 'midnight-scan',
  missedWorkouts: 'missed-workouts',
  weeklyBatch: 'weekly-batch',
} as const;

const Id = z.string().min(1).max(200);
const IsoDate = z.iso.date();

// Payloads carry ids and dates only: the data itself is read from the database by the service.
export const NormalizeActivityPayload = z.object({ userId: Id, activityId: Id });
export const UpdateRollingStatsPayload = z.object({
  userId: Id,
  fromDate: IsoDate,
  cause: z.string().max(200),
});
export const EvaluatePlanAdaptationPayload = z.object({
  userId: Id,
  date: IsoDate,
  cause: z.string().max(200),
});
export const MidnightScanPayload = z.object({});
export const MissedWorkoutsPayload = z.object({
  userId: Id,
  date: IsoDate,
  timeZone: z.string().min(1).max(64),
});
export const WeeklyBatchPayload = z.object({ userId: Id, weekStart: IsoDate, weekEnd: IsoDate });

export type NormalizeActivity = z.infer<typeof NormalizeActivityPayload>;
export type UpdateRollingStats = z.infer<typeof UpdateRollingStatsPayload>;
export type EvaluatePlanAdaptation = z.infer<typeof EvaluatePlanAdaptationPayload>;
export type MissedWorkouts = z.infer<typeof MissedWorkoutsPayload>;
export type WeeklyBatch = z.infer<typeof WeeklyBatchPayload>;

type Enqueuer = Pick<JobQueue, 'add'>;

/**
 * The one place job ids are made. Each id names the fact that triggers the job, so a webhook delivered
 * twice, a retried parent job or a repeated scan enqueues nothing new. Pass `jobId` to force a re-run
 * (e.g. an edited activity: `normalize:<activityId>:<revision>`).
 */
export const enqueue = {
  normalizeActivity: (q: Enqueuer, p: NormalizeActivity, jobId = `normalize:${p.activityId}`) =>
    q.add(JOBS.normalizeActivity, p, { jobId }),
  updateRollingStats: (q: Enqueuer, p: UpdateRollingStats, jobId = `stats:${p.userId}:${p.cause}`) =>
    q.add(JOBS.updateRollingStats, p, { jobId }),
  evaluatePlanAdaptation: (q: Enqueuer, p: EvaluatePlanAdaptation, jobId = `adapt:${p.userId}:${p.cause}`) =>
    q.add(JOBS.evaluatePlanAdaptation, p, { jobId }),
  missedWorkouts: (q: Enqueuer, p: MissedWorkouts) =>
    q.add(JOBS.missedWorkouts, p, { jobId: `missed:${p.userId}:${p.date}` }),
  weeklyBatch: (q: Enqueuer, p: WeeklyBatch) =>
    q.add(JOBS.weeklyBatch, p, { jobId: `weekly:${p.userId}:${p.weekStart}` }),
};
