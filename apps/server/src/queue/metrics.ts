import type { QueueCounts } from './job-queue.ts';

/** Queue depth in the Prometheus text format, for `/metrics`: one gauge, labelled by queue and state. */
export function formatQueueMetrics(counts: Record<string, QueueCounts>, metric = 'rc_queue_jobs'): string {
  const lines = [`# HELP ${metric} Jobs per queue and state.`, `# TYPE ${metric} gauge`];
  for (const [queue, c] of Object.entries(counts)) {
    for (const [state, n] of Object.entries(c))
      lines.push(`${metric}{queue="${queue}",state="${state}"} ${n}`);
  }
  return `${lines.join('\n')}\n`;
}
