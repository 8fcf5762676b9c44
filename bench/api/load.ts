import autocannon, { type Result } from 'autocannon';

export interface LoadStats {
  title: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  title: string;
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  durationSec: number;
  /** Headers and body of the n-th request (n counts across all connections). */
  request: (n: number) => { headers: Record<string, string>; body?: string };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One autocannon run. Latency percentiles are computed from every response's time (autocannon's own
 * histogram reports p97.5 but no p95).
 */
export async function runLoad(opts: LoadOptions): Promise<LoadStats> {
  let n = 0;
  const times: number[] = [];
  const result = await new Promise<Result>((resolveRun, rejectRun) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationSec,
        method: opts.method,
        requests: [
          {
            setupRequest: (req) => {
              const r = opts.request(n++);
              return { ...req, headers: { ...req.headers, ...r.headers }, body: r.body };
            },
          },
        ],
      },
      (err, res) => (err ? rejectRun(err) : resolveRun(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  const sorted = Float64Array.from(times).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = (v as { count: number }).count;
  }
  return {
    title: opts.title,
    requests: result.requests.total,
    reqPerSec: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
