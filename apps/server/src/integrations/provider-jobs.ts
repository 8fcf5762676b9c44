import { z } from 'zod';
import type { JobQueue, ScheduleOptions } from '../queue/job-queue.ts';
import { AppError } from '../utils/errors.ts';

export const PROVIDER_EVENT_JOB = 'provider-event';
export const ProviderEventPayload = z.object({ userId: z.uuid(), eventId: z.uuid() });
export type ProviderEventJob = z.infer<typeof ProviderEventPayload>;

/** A daily fan-out of MyFitnessPal imports (yesterday and today) to every connected runner. */
export const MFP_DAILY_JOB = 'mfp-daily-sync';
export const MfpDailyPayload = z.object({});
/** 03:30 UTC: any hour would do, each runner's days are their local ones. */
export const MFP_DAILY_SCHEDULE: { name: string; opts: ScheduleOptions } = {
  name: MFP_DAILY_JOB,
  opts: { pattern: '30 3 * * *', tz: 'UTC', jobId: MFP_DAILY_JOB },
};

export const providerNotConfigured = (provider: string) =>
  new AppError(409, 'PROVIDER_NOT_CONFIGURED', `provider: ${provider} is not configured on this server`);

/** Retry schedule for provider work: an outage is waited out (exponential from `baseMs`). */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
}

/** One job per stored event: its id is the event's, so a redelivery cannot queue it twice. */
export function enqueueProviderEvent(queue: Pick<JobQueue, 'add'>, p: ProviderEventJob, retry: RetryPolicy) {
  return queue.add(PROVIDER_EVENT_JOB, p, {
    jobId: `provider-event:${p.eventId}`,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delayMs: retry.baseMs },
  });
}
