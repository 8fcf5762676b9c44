import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BullMqJobQueue } from './bullmq-job-queue.ts';
import { encodeJobId } from './bullmq-names.ts';
import { PING } from './ping.ts';
import {
  assertRedisReachable,
  deleteKeys,
  randomPrefix,
  skipRedis,
  TEST_REDIS_URL,
  waitFor,
} from './test-helpers.ts';

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));

interface LogLine {
  msg?: string;
  pid?: number;
}

/** `tsx apps/server/src/queue/worker.ts`, as `npm run start:worker` will run it. */
function startWorkerProcess(prefix: string) {
  const child = spawn(TSX, ['apps/server/src/queue/worker.ts'], {
    cwd: REPO,
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    for (const l of d.split('\n').filter(Boolean)) lines.push(JSON.parse(l) as LogLine);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const logged = (msg: string) => lines.find((l) => l.msg === msg);
  return { child, logged, stderr: () => stderr };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('worker process', () => {
  if (skipRedis) return void it.skip('Redis skipped (RC_SKIP_REDIS=1)');

  const prefix = randomPrefix();
  beforeEach(() => assertRedisReachable());
  afterAll(() => deleteKeys(prefix));

  it('does the jobs another process enqueues, dead-letters a bad one, and exits 0 on SIGTERM', async () => {
    const worker = startWorkerProcess(prefix);
    const producer = new BullMqJobQueue({ url: TEST_REDIS_URL, prefix });
    const inspect = new Queue(PING, { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      const ready = await waitFor('worker ready', () => worker.logged('worker ready'), 15_000).catch(
        (err) => {
          throw new Error(`${(err as Error).message}\n${worker.stderr()}`);
        },
      );
      expect(ready.pid).not.toBe(process.pid);

      await producer.add(PING, {}, { jobId: 'xproc:1' });
      await producer.add(PING, [], { jobId: 'xproc:bad' }); // not the object the schema wants
      const job = await waitFor('ping done', async () => {
        const j = await inspect.getJob(encodeJobId('xproc:1'));
        return j?.finishedOn ? j : undefined;
      });
      expect(job.returnvalue).toEqual({ pid: ready.pid, jobId: 'xproc:1' });
      const dead = await waitFor('bad ping dead-lettered', async () => {
        const d = await producer.deadLetters(PING);
        return d.length > 0 ? d : undefined;
      });
      expect(dead).toMatchObject([{ jobId: 'xproc:bad', attemptsMade: 1 }]);
      expect(dead[0]!.error).toMatch(/^invalid ping payload/);

      worker.child.kill('SIGTERM');
      expect(await exitOf(worker.child)).toBe(0);
      expect(worker.logged('worker closed')).toBeDefined();
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await Promise.all([producer.close(), inspect.close()]);
    }
  }, 30_000);
});
