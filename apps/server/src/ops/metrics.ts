import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry } from 'prom-client';
import type { QueueCounts } from '../queue/job-queue.ts';
import { formatQueueMetrics } from '../queue/metrics.ts';

export interface MetricsOptions {
  /** Queue depth per queue and state, when the app has a job queue wired; null otherwise. */
  queueCounts?: () => Promise<Record<string, QueueCounts> | null>;
}

/**
 * Prometheus metrics for one app (its own registry: tests run many apps in one process). Labels are the
 * route *template* (`/api/v1/activities/:id`), method and status only: never a runner, token or raw URL.
 */
export function installMetrics(fastify: FastifyInstance, opts: MetricsOptions = {}): Registry {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'rc_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'rc_http_request_errors_total',
    help: 'HTTP requests answered with a 4xx or 5xx status.',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'rc_http_request_duration_seconds',
    help: 'Time from request to response, by method, route template and status.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  fastify.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const labels = {
      method: req.method,
      // Unmatched URLs (404s, scans) share one label so they cannot blow up the series count.
      route: req.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    if (reply.statusCode >= 400) errors.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  fastify.get('/metrics', async (_req, reply) => {
    let text = await registry.metrics();
    const counts = await opts.queueCounts?.().catch(() => null);
    if (counts) text += formatQueueMetrics(counts);
    return reply.header('content-type', registry.contentType).send(text);
  });
  return registry;
}
