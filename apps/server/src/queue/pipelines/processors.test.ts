import { describe, expect, it, vi } from 'vitest';
import { InProcessJobQueue } from '../in-process-job-queue.ts';
import type { AddOptions, JsonValue, QueueLogger } from '../job-queue.ts';
import { ManualClock } from '../manual-clock.ts';
import type { Processor } from '../processor.ts';
import { startWorker } from '../worker.ts';
import { JOBS } from './jobs.ts';
import { createPipelineProcessors, PIPELINE_SCHEDULES } from './processors.ts';
import type { PipelineServices } from './services.ts';

function fakeServices(
  overrides: Partial<{ [K in keyof PipelineServices]: Partial<PipelineServices[K]> }> = {},
) {
  const s: PipelineServices = {
    activities: { normalize: vi.fn(async () => ({ status: 'accepted' as const, date: '2026-03-28' })) },
    rollingStats: { update: vi.fn(async () => {}) },
    planAdaptation: { evaluate: vi.fn(async () => {}) },
    missedWorkouts: { markMissed: vi.fn(async () => ({ missed: 0 })) },
    weekly: { run: vi.fn(async () => {}) },
    runners: { listTimeZones: vi.fn(async () => []) },
  };
  for (const [k, v] of Object.entries(overrides)) Object.assign(s[k as keyof PipelineServices], v);
  return s;
}

function recordingQueue() {
  const added: { name: string; payload: JsonValue; jobId?: string }[] = [];
  return {
    added,
    add: async (name: string, payload: JsonValue, opts?: AddOptions) => {
      added.push({ name, payload, jobId: opts?.jobId });
      return opts?.jobId ?? 'generated';
    },
  };
}

const run = (processors: Processor[], name: string, payload: JsonValue) =>
  processors.find((p) => p.name === name)!.run({ id: 'job', name, payload, attempt: 1, attempts: 3 });

describe('pipeline processors', () => {
  it('chains an accepted activity into rolling stats, then plan adaptation, with ids from the activity', async () => {
    const queue = recordingQueue();
    const services = fakeServices();
    const processors = createPipelineProcessors({ queue, services });

    await run(processors, JOBS.normalizeActivity, { userId: 'u1', activityId: 'a1' });
    expect(services.activities.normalize).toHaveBeenCalledWith('u1', 'a1');
    const stats = queue.added[0]!;
    expect(stats).toEqual({
      name: JOBS.updateRollingStats,
      payload: { userId: 'u1', fromDate: '2026-03-28', cause: 'activity:a1' },
      jobId: 'stats:u1:activity:a1',
    });

    await run(processors, stats.name, stats.payload);
    expect(services.rollingStats.update).toHaveBeenCalledWith('u1', '2026-03-28');
    const adapt = queue.added[1]!;
    expect(adapt.jobId).toBe('adapt:u1:activity:a1');

    await run(processors, adapt.name, adapt.payload);
    expect(services.planAdaptation.evaluate).toHaveBeenCalledWith('u1', '2026-03-28');
    expect(queue.added).toHaveLength(2);
  });

  it('stops at a rejected activity, and its reason stays out of the logs', async () => {
    const queue = recordingQueue();
    const logged: unknown[] = [];
    const logger: QueueLogger = { info: (o) => logged.push(o), warn: (o) => logged.push(o), error: () => {} };
    const services = fakeServices({
      activities: {
        normalize: async () => ({ status: 'rejected', reason: 'heart rate 260 bpm is impossible' }),
      },
    });
    const result = await run(createPipelineProcessors({ queue, services, logger }), JOBS.normalizeActivity, {
      userId: 'u1',
      activityId: 'a1',
    });
    expect(result).toMatchObject({ status: 'rejected' });
    expect(queue.added).toEqual([]);
    expect(JSON.stringify(logged)).not.toContain('260');
  });

  it('dead-letters a malformed payload at once, naming fields but not values', async () => {
    const processors = createPipelineProcessors({ queue: recordingQueue(), services: fakeServices() });
    const err = await run(processors, JOBS.missedWorkouts, {
      userId: 'u1',
      date: '2026-02-30',
      timeZone: 7,
    }).catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ name: 'PermanentJobError' });
    expect((err as Error).message).toMatch(/^invalid missed-workouts payload: date: .*; timeZone: /);
    expect((err as Error).message).not.toContain('2026-02-30');
  });

  it('after missed workouts, adapts the plan from the next day, and closes the week on Sunday', async () => {
    const queue = recordingQueue();
    const services = fakeServices({ missedWorkouts: { markMissed: async () => ({ missed: 1 }) } });
    const processors = createPipelineProcessors({ queue, services });
    await run(processors, JOBS.missedWorkouts, {
      userId: 'u1',
      date: '2026-03-29',
      timeZone: 'Europe/Berlin',
    });
    expect(queue.added).toEqual([
      {
        name: JOBS.evaluatePlanAdaptation,
        payload: { userId: 'u1', date: '2026-03-30', cause: 'missed:2026-03-29' },
        jobId: 'adapt:u1:missed:2026-03-29',
      },
      {
        name: JOBS.weeklyBatch,
        payload: { userId: 'u1', weekStart: '2026-03-23', weekEnd: '2026-03-29' },
        jobId: 'weekly:u1:2026-03-23',
      },
    ]);
  });
});

describe('midnight pipeline end to end on the in-process queue', () => {
  it('marks each runner’s day once, at their local midnight, across the Berlin DST change', async () => {
    const start = Date.parse('2026-03-28T00:00:00Z'); // a Saturday
    const clock = new ManualClock(start);
    const queue = new InProcessJobQueue({
      clock,
      defaults: { attempts: 2, backoff: { type: 'fixed', delayMs: 1000 } },
    });
    const marked: string[] = [];
    const weeks: string[] = [];
    const iso = () => new Date(clock.now()).toISOString().slice(0, 16);
    const services = fakeServices({
      runners: {
        listTimeZones: async () => [
          { userId: 'nz', timeZone: 'Pacific/Auckland' },
          { userId: 'de', timeZone: 'Europe/Berlin' },
          { userId: 'us', timeZone: 'America/Los_Angeles' },
        ],
      },
      missedWorkouts: {
        markMissed: async (userId, date) => {
          marked.push(`${userId} ${date} @${iso()}`);
          return { missed: 0 };
        },
      },
      weekly: {
        run: async (userId, weekStart, weekEnd) => void weeks.push(`${userId} ${weekStart}..${weekEnd}`),
      },
    });
    const processors = createPipelineProcessors({ queue, services, now: () => clock.now() });
    const worker = await startWorker({ queue, processors, schedules: PIPELINE_SCHEDULES });

    await clock.advance(3 * 24 * 3600_000);
    await worker.close();

    expect(marked).toEqual([
      'us 2026-03-27 @2026-03-28T07:00',
      'nz 2026-03-28 @2026-03-28T11:00',
      'de 2026-03-28 @2026-03-28T23:00',
      'us 2026-03-28 @2026-03-29T07:00',
      'nz 2026-03-29 @2026-03-29T11:00',
      'de 2026-03-29 @2026-03-29T22:00', // summer time from here on
      'us 2026-03-29 @2026-03-30T07:00',
      'nz 2026-03-30 @2026-03-30T11:00',
      'de 2026-03-30 @2026-03-30T22:00',
    ]);
    expect(weeks).toEqual([
      'nz 2026-03-23..2026-03-29',
      'de 2026-03-23..2026-03-29',
      'us 2026-03-23..2026-03-29',
    ]);
    expect(await queue.counts([JOBS.missedWorkouts, JOBS.midnightScan])).toEqual({
      [JOBS.missedWorkouts]: { waiting: 0, active: 0, delayed: 0, failed: 0, dead: 0 },
      [JOBS.midnightScan]: { waiting: 0, active: 0, delayed: 0, failed: 0, dead: 0 },
    });
  });
});
