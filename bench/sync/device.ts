import { randomBytes } from 'node:crypto';
import { type Exchange, ok } from './http.ts';

type Raw = Record<string, unknown> & { id: string };
type Changes = Record<string, { created: Raw[]; updated: Raw[]; deleted: string[] }>;

/** WatermelonDB-style ids: 16 characters [a-z0-9]. */
export function watermelonId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface PullOutcome {
  timestamp: number;
  /** Every page's exchange (one unless the server paged). */
  pages: Exchange[];
  records: number;
  ms: number;
  wireBytes: number;
  jsonBytes: number;
}

/** A full pull as a WatermelonDB client's pullChanges does it, following `nextCursor` pages to the end. */
export async function pull(api: string, token: string, since?: number, limit?: number): Promise<PullOutcome> {
  const pages: Exchange[] = [];
  let cursor: string | undefined;
  const t0 = performance.now();
  for (;;) {
    const q = new URLSearchParams({ schema_version: '1' });
    if (since !== undefined) q.set('last_pulled_at', String(since));
    if (limit !== undefined) q.set('limit', String(limit));
    if (cursor) q.set('cursor', cursor);
    const page = await ok(`${api}/sync?${q}`, { token });
    pages.push(page);
    if (!page.body.hasMore) {
      let records = 0;
      for (const p of pages)
        for (const t of Object.values(p.body.changes as Changes))
          records += t.created.length + t.updated.length + t.deleted.length;
      return {
        timestamp: page.body.timestamp as number,
        pages,
        records,
        ms: performance.now() - t0,
        wireBytes: pages.reduce((s, p) => s + p.wireBytes, 0),
        jsonBytes: pages.reduce((s, p) => s + p.jsonBytes, 0),
      };
    }
    cursor = page.body.nextCursor as string;
  }
}

export function push(api: string, token: string, changes: Changes, lastPulledAt: number): Promise<Exchange> {
  return ok(`${api}/sync?last_pulled_at=${lastPulledAt}`, {
    method: 'POST',
    token,
    json: { changes },
    headers: { 'idempotency-key': randomBytes(12).toString('hex') },
  });
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * One simulated device's local edits between two syncs: new runs (20 minutes apart, so the duplicate rule
 * never merges them), corrections of earlier ones (RPE, notes) and morning check-ins, sent as WatermelonDB
 * sends them (whole raw records; `created` for new ids, `updated` for known ones).
 */
export class DeviceEdits {
  private readonly activities: Raw[] = [];
  private readonly metrics = new Map<string, Raw>();
  private made = 0;

  constructor(
    private readonly today: string,
    private readonly random: () => number,
  ) {}

  next(count: number): { changes: Changes; count: number } {
    const changes: Changes = {
      activities: { created: [], updated: [], deleted: [] },
      daily_metrics: { created: [], updated: [], deleted: [] },
    };
    const touched = new Set<string>();
    for (let i = 0; i < count; i++) {
      const roll = this.random();
      if (roll < 0.45 || this.activities.length === 0) {
        const n = this.made++;
        const date = addDays(this.today, -(n % 60) - 1);
        const start = Date.parse(`${date}T05:00:00Z`) + Math.floor(n / 60) * 20 * 60_000;
        const rec: Raw = {
          id: watermelonId(),
          date,
          start_time: start,
          type: 'run',
          source: 'manual',
          duration_sec: 1800 + Math.floor(this.random() * 3600),
          distance_meters: 5000 + Math.floor(this.random() * 15000),
          avg_hr: 130 + Math.floor(this.random() * 30),
          max_hr: 170 + Math.floor(this.random() * 15),
          rpe: 1 + Math.floor(this.random() * 10),
          feeling: 1 + Math.floor(this.random() * 5),
          notes: 'steady, legs fine',
        };
        this.activities.push(rec);
        changes.activities!.created.push(rec);
        touched.add(rec.id);
      } else if (roll < 0.8) {
        const rec = this.activities[Math.floor(this.random() * this.activities.length)]!;
        if (touched.has(rec.id)) continue; // one change per record per push, as WatermelonDB batches
        rec.rpe = 1 + Math.floor(this.random() * 10);
        rec.notes = `rpe corrected to ${rec.rpe}`;
        changes.activities!.updated.push({ ...rec });
        touched.add(rec.id);
      } else {
        const date = addDays(this.today, -Math.floor(this.random() * 60));
        const known = this.metrics.get(date);
        if (known && touched.has(known.id)) continue;
        const rec: Raw = {
          ...(known ?? { id: watermelonId(), date }),
          resting_hr: 44 + Math.floor(this.random() * 12),
          hrv_rmssd: 40 + Math.floor(this.random() * 40),
          sleep_quality: 1 + Math.floor(this.random() * 5),
        };
        this.metrics.set(date, rec);
        (known ? changes.daily_metrics!.updated : changes.daily_metrics!.created).push(rec);
        touched.add(rec.id);
      }
    }
    const sent = Object.values(changes).reduce((s, t) => s + t.created.length + t.updated.length, 0);
    return { changes, count: sent };
  }
}
