import { z } from 'zod';
import type { JobQueue } from '../queue/job-queue.ts';

export const PROVIDER_EVENT_JOB = 'provider-event';
export const ProviderEventPayload = z.object({ userId: z.uuid(), eventId: z.uuid() });
export type ProviderEventJob = z.infer<typeof ProviderEventPayload>;

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
