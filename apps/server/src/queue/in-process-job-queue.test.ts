import { afterEach, describe, expect, it } from 'vitest';
import { InProcessJobQueue } from './in-process-job-queue.ts';
import { JobQueueClosedError, type QueueLogger } from './job-queue.ts';
import { ManualClock } from './manual-clock.ts';

const T0 = Date.parse('2026-03-28T12:00:00Z');

function setup(opts: { retentionMs?: number } = {}) {
  const clock = new ManualClock(T0);
  const logs: { level: string; obj: object; msg: string }[] = [];
  const log = (level: string) => (obj: object, msg: string) => void logs.push({ level, obj, msg });
  const logger: QueueLogger = { info: log('info'), warn: log('warn'), error: log('error') };
  const queue = new InProcessJobQueue({
    clock,
    logger,
    defaults: { attempts: 4, backoff: { type: 'exponential', delayMs: 1000 } },
    retention: { ageMs: opts.retentionMs ?? 60_000, count: 1000 },
  });
  return { clock, logs, queue };
}

let current: InProcessJobQueue | undefined;
afterEach(() => current?.close());

describe('InProcessJobQueue with a manual clock', () => {
  it('retries at exactly 1 s, 2 s and 4 s, then dead-letters; logs carry no payload', async () => {
    const { clock, logs, queue } = setup();
    current = queue;
    const at: number[] = [];
    queue.process(
      'q',
      async () => {
        at.push(clock.now() - T0);
        throw new Error('down');
      },
      { concurrency: 1 },
    );
    await queue.add('q', { hrv: 42 }, { jobId: 'j' });
    await clock.advance(10_000);
    expect(at).toEqual([0, 1000, 3000, 7000]);
    expect(await queue.deadLetters('q')).toEqual([
      { jobId: 'j', name: 'q', payload: { hrv: 42 }, error: 'down', attemptsMade: 4, failedAt: T0 + 7000 },
    ]);
    expect(logs.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'job attempt failed'],
      ['warn', 'job attempt failed'],
      ['warn', 'job attempt failed'],
      ['error', 'job dead-lettered'],
    ]);
    expect(JSON.stringify(logs)).not.toContain('hrv');
  });

  it('uses a fixed backoff when asked, and delays a job by delayMs', async () => {
    const { clock, queue } = setup();
    current = queue;
    const at: number[] = [];
    queue.process('q', async () => void at.push(clock.now() - T0), { concurrency: 1 });
    await queue.add('q', {}, { delayMs: 5000 });
    await clock.advance(4999);
    expect(at).toEqual([]);
    await clock.advance(1);
    expect(at).toEqual([5000]);

    const tries: number[] = [];
    queue.process(
      'fixed',
      async (job) => {
        tries.push(clock.now() - T0);
        if (job.attempt < 3) throw new Error('again');
      },
      { concurrency: 1 },
    );
    await queue.add('fixed', {}, { backoff: { type: 'fixed', delayMs: 250 } });
    await clock.advance(1000);
    expect(tries).toEqual([5000, 5250, 5500]);
    expect(await queue.deadLetters('fixed')).toEqual([]);
  });

  it('remembers a jobId for the retention window, then accepts it again', async () => {
    const { clock, queue } = setup({ retentionMs: 60_000 });
    current = queue;
    let runs = 0;
    queue.process('q', async () => void runs++, { concurrency: 1 });
    await queue.add('q', {}, { jobId: 'once' });
    await clock.advance(59_000);
    await queue.add('q', {}, { jobId: 'once' });
    await clock.advance(0);
    expect(runs).toBe(1);
    await clock.advance(2000);
    await queue.add('q', {}, { jobId: 'other' }); // finishing a job prunes what is past retention
    await queue.add('q', {}, { jobId: 'once' });
    await clock.advance(0);
    expect(runs).toBe(3);
  });

  it('fires a cron schedule at local midnight across a DST change, with BullMQ-style run ids', async () => {
    const { clock, queue } = setup();
    current = queue;
    const ids: string[] = [];
    queue.process('nightly', async (job) => void ids.push(job.id), { concurrency: 1 });
    await queue.schedule('nightly', { pattern: '0 0 * * *', tz: 'Europe/Berlin', jobId: 'midnight' });
    await clock.advance(3 * 24 * 3600_000);
    // Berlin moves to summer time in the night of 29 March 2026: midnight is 23:00 UTC, then 22:00 UTC.
    expect(ids).toEqual(
      ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', '2026-03-30T22:00:00Z'].map(
        (iso) => `repeat:midnight:${Date.parse(iso)}`,
      ),
    );
  });

  it('fires an interval schedule at once and then every period; upserting replaces it', async () => {
    const { clock, queue } = setup();
    current = queue;
    const at: number[] = [];
    queue.process('tick', async () => void at.push(clock.now() - T0), { concurrency: 1 });
    await queue.schedule('tick', { everyMs: 1000, jobId: 't' });
    await clock.advance(2500);
    await queue.schedule('tick', { everyMs: 5000, jobId: 't' });
    await clock.advance(6000);
    expect(at).toEqual([0, 1000, 2000, 2500, 7500]);
  });

  it('close() drops unstarted jobs with a warning and cancels schedules', async () => {
    const { clock, logs, queue } = setup();
    let runs = 0;
    await queue.add('q', {}, { delayMs: 1000 });
    await queue.add('q', {});
    await queue.schedule('q', { everyMs: 500, jobId: 's' });
    await queue.close();
    expect(() => queue.process('q', async () => void runs++, { concurrency: 1 })).toThrow(
      JobQueueClosedError,
    );
    await clock.advance(10_000);
    expect(runs).toBe(0);
    expect(logs).toContainEqual({
      level: 'warn',
      obj: { dropped: 2 },
      msg: 'in-process queue closed with unstarted jobs',
    });
  });

  it('validates names and options as BullMQ does', async () => {
    const { queue } = setup();
    current = queue;
    await expect(queue.add('a:b', {})).rejects.toThrow(/queue name/);
    await expect(queue.add('q', {}, { attempts: 0 })).rejects.toThrow(/attempts/);
    await expect(queue.add('q', undefined as never)).rejects.toThrow(/JSON/);
    expect(() => queue.process('q', async () => {}, { concurrency: 0 })).toThrow(/concurrency/);
    await expect(queue.schedule('q', { jobId: 's' } as never)).rejects.toThrow(/exactly one/);
  });
});
