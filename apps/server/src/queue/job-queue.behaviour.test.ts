import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BullMqJobQueue } from './bullmq-job-queue.ts';
import { InProcessJobQueue } from './in-process-job-queue.ts';
import type { JobDefaults } from './job-options.ts';
import { type JobQueue, JobQueueClosedError, PermanentJobError } from './job-queue.ts';
import {
  assertRedisReachable,
  deleteKeys,
  randomPrefix,
  skipRedis,
  sleep,
  TEST_REDIS_URL,
  waitFor,
} from './test-helpers.ts';

// Short backoffs keep the suite fast; the formula itself is checked exactly in in-process-job-queue.test.ts.
const FAST: JobDefaults = { attempts: 3, backoff: { type: 'exponential', delayMs: 40 } };
const prefix = randomPrefix();

const IMPLEMENTATIONS = [
  { impl: 'in-process', create: () => new InProcessJobQueue({ defaults: FAST }) },
  { impl: 'bullmq', create: () => new BullMqJobQueue({ url: TEST_REDIS_URL, prefix, defaults: FAST }) },
] as const;

let seq = 0;
const uniqueName = (what: string) => `${what}-${++seq}`;

describe.each(IMPLEMENTATIONS)('JobQueue behaviour: $impl', ({ impl, create }) => {
  if (impl === 'bullmq' && skipRedis) return void it.skip('Redis skipped (RC_SKIP_REDIS=1)');

  const open: JobQueue[] = [];
  const make = () => {
    const q = create();
    open.push(q);
    return q;
  };

  beforeEach(async () => {
    if (impl === 'bullmq') await assertRedisReachable();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });
  afterAll(async () => {
    if (impl === 'bullmq') await deleteKeys(prefix);
  });

  it('runs a job once per jobId, however often and whenever it is added', async () => {
    const queue = make();
    const name = uniqueName('idem');
    const runs: string[] = [];
    queue.process(name, async (job) => void runs.push(job.id), { concurrency: 4 });

    // Ids BullMQ would reject as they are (colons, integer-looking) work the same.
    const ids = ['missed:u1:2026-03-29', '42', 'plain'];
    const added = await Promise.all(
      ids.flatMap((id) => [queue.add(name, {}, { jobId: id }), queue.add(name, {}, { jobId: id })]),
    );
    expect(added).toEqual(ids.flatMap((id) => [id, id]));
    await waitFor('three runs', () => runs.length === 3);
    await queue.add(name, {}, { jobId: '42' }); // after completion: still kept, still a no-op
    await sleep(150);
    expect(runs.sort()).toEqual(['42', 'missed:u1:2026-03-29', 'plain']);
  });

  it('retries with exponential backoff, then dead-letters the job with its error', async () => {
    const queue = make();
    const name = uniqueName('retry');
    const at: number[] = [];
    queue.process(
      name,
      async (job) => {
        at.push(Date.now());
        throw new Error(`boom on attempt ${job.attempt} of ${job.attempts}`);
      },
      { concurrency: 1 },
    );
    await queue.add(name, { activityId: 'a1', when: new Date(0) as unknown as string }, { jobId: 'r1' });

    const [letter] = await waitFor('a dead letter', async () => {
      const d = await queue.deadLetters(name);
      return d.length > 0 ? d : undefined;
    });
    expect(at).toHaveLength(3);
    // 40 ms then 80 ms (a few ms of timer slack allowed).
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(35);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(75);
    expect(letter).toMatchObject({
      jobId: 'r1',
      name,
      payload: { activityId: 'a1', when: '1970-01-01T00:00:00.000Z' }, // JSON, as it crossed Redis
      error: 'boom on attempt 3 of 3',
      attemptsMade: 3,
    });
    expect((await queue.counts([name]))[name]).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 1,
      dead: 1,
    });
  });

  it('stops retrying on a PermanentJobError, and a later success needs no dead letter', async () => {
    const queue = make();
    const name = uniqueName('perm');
    const tries = new Map<string, number>();
    queue.process(
      name,
      async (job) => {
        const n = (tries.get(job.id) ?? 0) + 1;
        tries.set(job.id, n);
        if (job.id === 'bad') throw new PermanentJobError('payload can never succeed');
        if (job.id === 'flaky' && n === 1) throw 'not even an Error';
      },
      { concurrency: 2 },
    );
    await queue.add(name, {}, { jobId: 'bad' });
    await queue.add(name, {}, { jobId: 'flaky' });
    await waitFor('flaky retried', () => tries.get('flaky') === 2);
    const dead = await waitFor('bad dead-lettered', async () => {
      const d = await queue.deadLetters(name);
      return d.length > 0 ? d : undefined;
    });
    expect(dead.map((d) => [d.jobId, d.error, d.attemptsMade])).toEqual([
      ['bad', 'payload can never succeed', 1],
    ]);
    expect(tries.get('bad')).toBe(1);
  });

  it('never runs more jobs at once than the concurrency', async () => {
    const queue = make();
    const name = uniqueName('conc');
    let running = 0;
    let peak = 0;
    let done = 0;
    queue.process(
      name,
      async () => {
        peak = Math.max(peak, ++running);
        await sleep(40);
        running--;
        done++;
      },
      { concurrency: 2 },
    );
    await Promise.all(Array.from({ length: 6 }, (_, i) => queue.add(name, { i })));
    await waitFor('six jobs done', () => done === 6);
    expect(peak).toBe(2);
  });

  it('fires repeatable jobs from a scheduler, by interval and by cron pattern in a time zone', async () => {
    const queue = make();
    const every = uniqueName('every');
    const cron = uniqueName('cron');
    const seen: Record<string, unknown[]> = { [every]: [], [cron]: [] };
    for (const name of [every, cron]) {
      queue.process(name, async (job) => void seen[name]!.push(job.payload), { concurrency: 1 });
    }
    await queue.schedule(every, { everyMs: 150, jobId: 'tick', payload: { kind: 'every' } });
    await queue.schedule(every, { everyMs: 150, jobId: 'tick', payload: { kind: 'every' } }); // upsert, not a 2nd
    await queue.schedule(cron, { pattern: '* * * * * *', tz: 'Pacific/Auckland', jobId: 'each-second' });
    await waitFor(
      'two interval runs and a cron run',
      () => seen[every]!.length >= 2 && seen[cron]!.length >= 1,
      3000,
    );
    expect(seen[every]![0]).toEqual({ kind: 'every' });
    expect(seen[cron]![0]).toEqual({});
    // One scheduler, not two: within ~1.5 periods there can be at most 2 runs after the first.
    const n = seen[every]!.length;
    await sleep(200);
    expect(seen[every]!.length - n).toBeLessThanOrEqual(2);
  });

  it('close() waits for the active job, starts no new one, and refuses new work', async () => {
    const queue = make();
    const name = uniqueName('close');
    const started: string[] = [];
    let finished = false;
    queue.process(
      name,
      async (job) => {
        started.push(job.id);
        await sleep(300);
        finished = true;
      },
      { concurrency: 1 },
    );
    await queue.add(name, {}, { jobId: 'slow' });
    await waitFor('slow job active', () => started.length === 1);
    await queue.add(name, {}, { jobId: 'next' });
    await queue.close();
    expect(finished).toBe(true);
    expect(started).toEqual(['slow']);
    await expect(queue.add(name, {})).rejects.toBeInstanceOf(JobQueueClosedError);

    if (impl === 'bullmq') {
      // The job this worker did not take is still in Redis for the next one.
      const other = make();
      expect((await other.counts([name]))[name]?.waiting).toBe(1);
    }
  });

  it('counts waiting, active, delayed, failed and dead jobs per queue', async () => {
    const queue = make();
    const name = uniqueName('counts');
    await queue.add(name, { fail: true }, { attempts: 1 });
    await queue.add(name, { fail: false });
    await queue.add(name, {}, { delayMs: 60_000 });
    expect(await queue.counts()).toEqual({
      [name]: { waiting: 2, active: 0, delayed: 1, failed: 0, dead: 0 },
    });

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let active = 0;
    queue.process<{ fail?: boolean }>(
      name,
      async (job) => {
        active++;
        if (job.payload.fail) throw new Error('nope');
        await gate;
      },
      { concurrency: 1 },
    );
    await waitFor('second job active', () => active === 2);
    // The dead letter is written just after the failure is recorded: poll until both show.
    await waitFor('dead letter counted', async () => (await queue.counts([name]))[name]?.dead === 1);
    expect((await queue.counts([name]))[name]).toEqual({
      waiting: 0,
      active: 1,
      delayed: 1,
      failed: 1,
      dead: 1,
    });
    release();
    await waitFor('idle', async () => (await queue.counts([name]))[name]?.active === 0);
  });
});
