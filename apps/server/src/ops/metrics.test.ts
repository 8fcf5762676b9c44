import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installMetrics } from './metrics.ts';

describe('installMetrics', () => {
  it('appends queue depth when a job queue is wired, and nothing when it is not', async () => {
    const counts = { 'normalize-activity': { waiting: 3, active: 1, delayed: 0, failed: 2, dead: 1 } };
    let wired = true;
    const app = Fastify();
    installMetrics(app, { queueCounts: async () => (wired ? counts : null) });
    try {
      const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toContain('# TYPE rc_queue_jobs gauge');
      expect(text).toContain('rc_queue_jobs{queue="normalize-activity",state="waiting"} 3');
      expect(text).toContain('rc_queue_jobs{queue="normalize-activity",state="dead"} 1');
      wired = false;
      expect((await app.inject({ method: 'GET', url: '/metrics' })).body).not.toContain('rc_queue_jobs');
      // The two scrapes themselves are counted.
      expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain(
        'rc_http_requests_total{method="GET",route="/metrics",status="200"} 2',
      );
    } finally {
      await app.close();
    }
  });

  it('a failing queue does not fail the scrape', async () => {
    const app = Fastify();
    installMetrics(app, { queueCounts: () => Promise.reject(new Error('redis down')) });
    try {
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('rc_http_request_duration_seconds');
    } finally {
      await app.close();
    }
  });
});
