import type { JobQueue } from '../../src/queue/job-queue.ts';
import { JOBS } from '../../src/queue/pipelines/jobs.ts';
import { JOB_QUEUE } from '../../src/queue/queue.module.ts';
import type { PipelineServices } from '../../src/queue/pipelines/services.ts';
import { PIPELINE_SERVICES } from '../../src/services/pipeline-services.ts';
import type { TestServer } from './backends.ts';

export const queueOf = (server: TestServer) => server.app.get<symbol, JobQueue>(JOB_QUEUE, { strict: false });
export const servicesOf = (server: TestServer) =>
  server.app.get<symbol, PipelineServices>(PIPELINE_SERVICES, { strict: false });

/** Until no pipeline job is waiting, running or due (the chain activity → stats → adaptation has settled). */
export async function waitForIdle(queue: JobQueue, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  let quiet = 0;
  for (;;) {
    // The midnight scan's next run always waits as a delayed job: not work in flight.
    const counts = await queue.counts(Object.values(JOBS).filter((n) => n !== JOBS.midnightScan));
    const busy = Object.values(counts).some((c) => c.waiting + c.active + c.delayed > 0);
    // Two quiet looks in a row: a job finishing enqueues its follow-up just after.
    quiet = busy ? 0 : quiet + 1;
    if (quiet >= 2) return;
    if (Date.now() > until) throw new Error(`pipelines still busy: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
