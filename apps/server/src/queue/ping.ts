import { z } from 'zod';
import { defineProcessor } from './processor.ts';

export const PING = 'ping';

/** A no-op job whose result names the process that ran it: proves a worker is consuming (and which). */
export const pingProcessor = () =>
  defineProcessor({
    name: PING,
    concurrency: 1,
    schema: z.object({}),
    handle: async (_payload, job) => ({ pid: process.pid, jobId: job.id }),
  });
