import type { z } from 'zod';
import { type JobContext, type JobHandler, type JobQueue, PermanentJobError } from './job-queue.ts';

/** A queue name, its concurrency, and a handler that only ever sees a payload its schema accepted. */
export interface Processor {
  name: string;
  concurrency: number;
  run: JobHandler;
}

export function defineProcessor<S extends z.ZodType>(def: {
  name: string;
  concurrency: number;
  schema: S;
  handle: (payload: z.output<S>, job: JobContext) => Promise<unknown>;
}): Processor {
  return {
    name: def.name,
    concurrency: def.concurrency,
    run: async (job) => {
      const parsed = def.schema.safeParse(job.payload);
      // Retrying cannot fix a malformed payload: straight to the dead-letter queue. Paths only, no values.
      if (!parsed.success) {
        const fields = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        throw new PermanentJobError(`invalid ${def.name} payload: ${fields}`);
      }
      return def.handle(parsed.data, job);
    },
  };
}

export function registerProcessors(queue: Pick<JobQueue, 'process'>, processors: readonly Processor[]): void {
  for (const p of processors) queue.process(p.name, p.run, { concurrency: p.concurrency });
}
