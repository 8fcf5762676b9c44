import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ManualActivity } from '@runningcoach/contracts';
import type { JobQueue } from '../queue/job-queue.ts';
import { enqueue } from '../queue/pipelines/jobs.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import type { ActivityRow, dailyMetrics, DailyMetricsRow, UserRow } from '../schema/index.ts';
import { computeLoads } from '../services/activity.service.ts';
import { DailyMetricsService } from '../services/daily-metrics.service.ts';
import { addDays } from '../queue/pipelines/local-time.ts';
import { engineError, runnerToday } from '../services/plan.service.ts';
import { AppError } from '../utils/errors.ts';
import { applyEdit, DUPLICATE_WINDOW_MS, mergeDuplicates } from '@runningcoach/sync/conflict-rules';
import type { ActivityValues } from './sync-tables.ts';
import { type PushBody, type ValidChanges, validatePush } from './push-validation.ts';
import { type RestoreOp, SyncRepository } from './sync.repository.ts';
import {
  activityRaw,
  changedOnly,
  dailyMetricsRaw,
  parseTimestamp,
  scheduledWorkoutRaw,
  userSettingsRaw,
} from './sync-tables.ts';
import type { ActivityRaw, DailyMetricsRaw, ScheduledWorkoutRaw, UserSettingsRaw } from './sync-tables.ts';

export interface Conflict {
  table: string;
  id: string;
  rule: string;
  message: string;
}
export interface PushResult {
  ok: true;
  conflicts: Conflict[];
}
export interface PushOptions {
  lastPulledAt?: number;
  idempotencyKey?: string;
  deviceId?: string;
}

const METRIC_FIELDS = [
  'restingHr',
  'hrvRmssd',
  'sleepDurationMinutes',
  'sleepQuality',
  'soreness',
  'stress',
  'mood',
  'morningReadiness',
  'weightKg',
] as const;

/**
 * Push: every record validated first (any error rejects the push, nothing written), then one transaction
 * that takes the runner's clock lock before reading anything, so concurrent pushes of one runner apply one
 * after the other and each conflict rule sees a settled state. Server-kept values are bumped (`touch`) so the
 * pushing client pulls them back instead of pushing again.
 */
@Injectable()
export class SyncPushService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(SyncRepository) private readonly sync: SyncRepository,
    @Inject(DailyMetricsService) private readonly checkIns: DailyMetricsService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private readonly logger = new Logger('SyncPush');

  /**
   * Test-only fault injection (the all-or-nothing test): called before each record is written, with the
   * count written so far in this push. Never set outside tests.
   */
  beforeRecordWrite: ((written: number) => void) | null = null;

  async push(
    userId: string,
    body: PushBody,
    opts: PushOptions = {},
  ): Promise<{ result: PushResult; replayed: boolean }> {
    const changes = validatePush(body, userId);
    const outcome = await this.database.asUser(userId, async () => {
      if (opts.idempotencyKey) {
        const claim = await this.sync.claimKey(userId, opts.idempotencyKey);
        if (claim) return { result: claim.stored as PushResult, replayed: true, ctx: null };
      }
      const version = await this.sync.takeVersion(userId);
      const user = await this.sync.user(userId);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'runner not found');
      const ctx: Ctx = {
        userId,
        user,
        version,
        since: opts.lastPulledAt ?? 0,
        now: Date.now(),
        today: runnerToday(user),
        conflicts: [],
        written: 0,
        normalize: new Set(),
        statsFrom: new Map(),
        derive: new Set(),
        gone: new Set(),
        activityWrites: new Map(),
        metricWrites: new Map(),
      };
      await this.applySettings(ctx, user, changes);
      await this.applyPlans(ctx, changes);
      await this.applyWorkouts(ctx, changes);
      await this.applyActivities(ctx, changes);
      await this.applyMetrics(ctx, changes);
      await this.deriveMetrics(ctx);
      const result: PushResult = { ok: true, conflicts: ctx.conflicts };
      if (opts.idempotencyKey) {
        await this.sync.storeKey(userId, opts.idempotencyKey, result);
        await this.sync.pruneKeys(userId);
      }
      return { result, replayed: false, ctx };
    });
    if (outcome.ctx) await this.queueFollowUps(outcome.ctx);
    return { result: outcome.result, replayed: outcome.replayed };
  }

  /**
   * After commit, like a REST log: each activity this push changed is normalized (→ rolling stats → plan
   * adaptation); a deleted one recomputes the load series from its day. Job ids carry the push's version,
   * so a replayed push (nothing changed, no new version on the rows) queues nothing new.
   */
  private async queueFollowUps(ctx: Ctx): Promise<void> {
    try {
      await Promise.all([
        ...[...ctx.normalize].map((activityId) =>
          enqueue.normalizeActivity(
            this.queue,
            { userId: ctx.userId, activityId },
            `normalize:${activityId}:${ctx.version}`,
          ),
        ),
        ...[...ctx.statsFrom].map(([cause, fromDate]) =>
          enqueue.updateRollingStats(this.queue, { userId: ctx.userId, fromDate, cause }),
        ),
      ]);
    } catch (err) {
      // The records are stored either way; the next write or the weekly batch recomputes the loads.
      this.logger.warn(`sync follow-ups not queued: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Check-ins stored by this push get the REST check-in's readiness and plan adaptation, oldest day first. */
  private async deriveMetrics(ctx: Ctx): Promise<void> {
    if (!ctx.derive.size) return;
    await this.checkIns.deriveManyInTx(ctx.user, await this.sync.metricsByIds(ctx.userId, [...ctx.derive]));
  }

  private beforeWrite(ctx: Ctx): void {
    this.beforeRecordWrite?.(ctx.written);
    ctx.written++;
  }

  /** Buffered: a push's activity writes land in one statement (`flushActivities`). */
  private writeActivity(ctx: Ctx, id: string, values: ActivityValues): void {
    this.beforeWrite(ctx);
    ctx.activityWrites.set(id, activityRow(ctx.user, id, values));
  }

  /** Writes the buffered activities; called before any other write of the activities this push makes. */
  private async flushActivities(ctx: Ctx): Promise<void> {
    if (!ctx.activityWrites.size) return;
    const versions = await this.sync.upsertActivities([...ctx.activityWrites.values()]);
    ctx.activityWrites.clear();
    // Unchanged rows keep their version (the stamp trigger): nothing to recompute.
    for (const [id, version] of versions) if (version === ctx.version) ctx.normalize.add(id);
  }

  private async flushMetrics(ctx: Ctx): Promise<void> {
    if (!ctx.metricWrites.size) return;
    await this.sync.upsertMetrics([...ctx.metricWrites.values()]);
    ctx.metricWrites.clear();
  }

  /**
   * Every merge or override is logged (`sync_conflicts`) with what undo restores, and shown to the runner
   * as a `sync_conflict` alert, which syncs down with the alerts table.
   */
  private async conflict(ctx: Ctx, c: Conflict, data: ConflictData | null): Promise<void> {
    ctx.conflicts.push(c);
    // Ignored pushes of deleted ids change nothing: only merges and overrides are logged.
    if (!data) return;
    const conflictId = await this.sync.logConflict({
      userId: ctx.userId,
      tableName: c.table,
      recordId: c.id,
      rule: c.rule,
      data: data as unknown as Record<string, unknown>,
    });
    await this.sync.raiseConflictAlert(ctx.userId, ctx.today, {
      conflictId,
      table: c.table,
      recordId: c.id,
      rule: c.rule,
      message: c.message,
      undoable: data.restore.length > 0,
    });
  }

  /** The server kept its value over a pushed one: the record is bumped so the client pulls it back, and logged. */
  private async serverKept(
    ctx: Ctx,
    table: Parameters<SyncRepository['touch']>[0],
    id: string,
    rule: string,
    message: string,
    data: ConflictData,
  ): Promise<void> {
    await this.sync.touch(table, ctx.userId, id);
    await this.conflict(ctx, { table, id, rule, message }, data);
  }

  private async dropTombstoned(ctx: Ctx, table: string, upserts: Map<string, Record<string, unknown>>) {
    const dead = await this.sync.tombstoned(ctx.userId, table, [...upserts.keys()]);
    for (const id of dead) {
      upserts.delete(id);
      await this.conflict(
        ctx,
        { table, id, rule: 'deleted', message: 'was deleted; deletes stay deleted' },
        null,
      );
    }
  }

  /** Last write by server receipt wins (pushes of one runner are serialized, so receipts never tie). */
  private async applySettings(ctx: Ctx, user: UserRow, changes: ValidChanges): Promise<void> {
    const c = changes.user_settings;
    if (!c) return;
    const pushed = c.upserts.get(ctx.userId);
    if (pushed) {
      const raw = changedOnly(pushed, userSettingsRaw(user)) as UserSettingsRaw;
      const s = user.settings;
      await this.sync.setSettings(ctx.userId, {
        ...s, // what the sync record does not carry (the location) stays
        units: raw.units ?? s.units,
        timeZone: raw.time_zone ?? s.timeZone,
        notifications: {
          push: raw.notifications_push ?? s.notifications.push,
          email: raw.notifications_email ?? s.notifications.email,
        },
      });
    }
    if (c.deleted.length) {
      await this.serverKept(ctx, 'user_settings', ctx.userId, 'server_wins', 'settings cannot be deleted', {
        deleted: true,
        restore: [],
      });
    }
  }

  /** Plans are the engine's: a pushed change is ignored and the server's copy sent back. */
  private async applyPlans(ctx: Ctx, changes: ValidChanges): Promise<void> {
    const c = changes.training_plans;
    if (!c) return;
    const ids = [...c.upserts.keys(), ...c.deleted];
    const known = new Set((await this.sync.plansByIds(ctx.userId, ids)).map((p) => p.id));
    for (const id of new Set(ids)) {
      if (known.has(id)) await this.sync.touch('training_plans', ctx.userId, id);
      await this.conflict(
        ctx,
        { table: 'training_plans', id, rule: 'server_wins', message: 'plans are built by the server' },
        { pushed: true, restore: [] },
      );
    }
  }

  /**
   * A runner marks a workout done/skipped or moves it. The server wins for today and later when it changed
   * the workout since the client's last pull; a past workout is the runner's log; a workout of a superseded
   * plan is not changed ("superseded by adaptive plan", with a notification).
   */
  private async applyWorkouts(ctx: Ctx, changes: ValidChanges): Promise<void> {
    const c = changes.scheduled_workouts;
    if (!c) return;
    await this.dropTombstoned(ctx, 'scheduled_workouts', c.upserts);
    const rows = await this.sync.workoutsByIds(ctx.userId, [...c.upserts.keys(), ...c.deleted]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const plans = new Map(
      (await this.sync.plansByIds(ctx.userId, [...new Set(rows.map((r) => r.planId))])).map((p) => [p.id, p]),
    );
    for (const [id, rec] of c.upserts) {
      const row = byId.get(id);
      const raw = changedOnly(rec, row && scheduledWorkoutRaw(row)) as ScheduledWorkoutRaw;
      if (!row) {
        await this.conflict(
          ctx,
          {
            table: 'scheduled_workouts',
            id,
            rule: 'server_wins',
            message: 'workouts are planned by the server',
          },
          { pushed: raw, restore: [] },
        );
        continue;
      }
      if (plans.get(row.planId)?.status !== 'active') {
        await this.serverKept(
          ctx,
          'scheduled_workouts',
          id,
          'superseded_by_adaptive_plan',
          'superseded by adaptive plan',
          { pushed: raw, restore: [] },
        );
        await this.sync.notify({
          userId: ctx.userId,
          kind: 'sync_superseded',
          title: 'Change superseded by adaptive plan',
          body: `Your offline change to the ${row.date} workout was made on a plan that has since been replaced.`,
          data: { workoutId: id, date: row.date },
        });
        continue;
      }
      const future = row.date >= ctx.today;
      if (future && Number(row.syncVersion) > ctx.since) {
        await this.serverKept(
          ctx,
          'scheduled_workouts',
          id,
          'server_wins',
          'the plan changed this workout since your last sync',
          { pushed: raw, restore: [workoutRestore(id, raw)] },
        );
        continue;
      }
      const set: Parameters<SyncRepository['updateWorkout']>[2] = {};
      if (raw.state) set.state = raw.state;
      if (raw.completed_activity_id !== undefined) set.completedActivityId = raw.completed_activity_id;
      if (raw.date !== row.date) {
        const taken =
          future && raw.date >= ctx.today ? await this.sync.workoutOn(ctx.userId, row.planId, raw.date) : row;
        if (taken) {
          await this.serverKept(
            ctx,
            'scheduled_workouts',
            id,
            'server_wins',
            'cannot move this workout to that day',
            { pushed: raw, restore: [] },
          );
        } else set.date = raw.date;
      }
      if (Object.keys(set).length) {
        this.beforeWrite(ctx);
        await this.sync.updateWorkout(ctx.userId, id, set);
      }
    }
    for (const id of c.deleted) {
      if (!byId.has(id)) continue;
      await this.serverKept(
        ctx,
        'scheduled_workouts',
        id,
        'server_wins',
        'workouts are skipped, not deleted',
        { deleted: true, restore: [] },
      );
    }
  }

  /**
   * Records apply one after the other, each seeing what the earlier ones of this push did: `stored` follows
   * every write, and an id this push deleted or merged away stays gone even if a later record names it.
   */
  private async applyActivities(ctx: Ctx, changes: ValidChanges): Promise<void> {
    const c = changes.activities;
    if (!c) return;
    await this.dropTombstoned(ctx, 'activities', c.upserts);
    const stored = new Map(
      (await this.sync.activitiesByIds(ctx.userId, [...c.upserts.keys()])).map((r) => [r.id, r]),
    );
    const workoutIds = [...c.upserts.values()]
      .map((r) => (r as ActivityRaw).workout_id)
      .filter((w): w is string => !!w);
    const workouts = new Set((await this.sync.workoutsByIds(ctx.userId, workoutIds)).map((w) => w.id));
    const near = await this.nearNewRecords(ctx, c.upserts, stored);
    const write = (id: string, values: ActivityValues, base: ActivityRow | undefined) => {
      this.writeActivity(ctx, id, values);
      if (base) stored.set(id, { ...base, ...values });
      near.set(id, { ...(base ?? near.get(id)), ...values, id } as ActivityRow);
    };
    for (const [id, rec] of c.upserts) {
      if (ctx.gone.has(id)) {
        await this.conflict(
          ctx,
          { table: 'activities', id, rule: 'deleted', message: 'was merged or deleted earlier in this push' },
          null,
        );
        continue;
      }
      const existing = stored.get(id);
      const raw = changedOnly(rec, existing && activityRaw(existing)) as ActivityRaw;
      const incoming = activityValues(ctx, raw, existing?.source);
      // A link to a workout the server no longer has (e.g. a regenerated plan) is dropped, not an error.
      if (incoming.workoutId && !workouts.has(incoming.workoutId)) incoming.workoutId = null;
      if (existing) {
        const { values, kept } = applyEdit(existing, incoming);
        write(id, values, existing);
        if (kept.length) {
          await this.flushActivities(ctx);
          await this.sync.touch('activities', ctx.userId, id);
          // Undo puts the runner's edited values in place of the device's.
          const set = Object.fromEntries(kept.map((f) => [f, incoming[f as keyof ActivityValues]]));
          await this.conflict(
            ctx,
            { table: 'activities', id, rule: 'device_wins', message: `kept the device's ${kept.join(', ')}` },
            { fields: kept, restore: [{ op: 'update', table: 'activities', id, set }] },
          );
        }
        continue;
      }
      const twin = duplicateOf(near, id, incoming);
      if (!twin) {
        write(id, incoming, undefined);
        continue;
      }
      const { survivor, loser, values } = mergeDuplicates<ActivityValues & { id: string }>(
        { ...incoming, id },
        twin,
      );
      // Undo: the survivor's own values back, the loser re-created as it was (its tombstone goes).
      const restore: RestoreOp[] = [
        { op: 'update', table: 'activities', id: survivor.id, set: ownValues(survivor) },
        { op: 'insert', table: 'activities', id: loser.id, set: ownValues(loser) },
      ];
      if (survivor.id === id) {
        write(id, values, undefined);
        await this.flushActivities(ctx);
        await this.sync.relinkWorkouts(ctx.userId, loser.id, id);
        await this.deleteActivity(ctx, loser.id);
        stored.delete(loser.id);
        near.delete(loser.id);
      } else {
        write(survivor.id, values, twin);
        await this.flushActivities(ctx);
        await this.sync.touch('activities', ctx.userId, survivor.id);
        await this.sync.addTombstone(ctx.userId, 'activities', id, ctx.version);
        ctx.gone.add(id);
      }
      await this.conflict(
        ctx,
        {
          table: 'activities',
          id: loser.id,
          rule: 'merged_duplicate',
          message: `merged into ${survivor.id}`,
        },
        { survivor: survivor.id, loser: loser.id, restore },
      );
    }
    for (const id of c.deleted) await this.deleteActivity(ctx, id);
    await this.flushActivities(ctx);
  }

  /** A deleted activity's load leaves the series: recomputed from its day after commit. */
  private async deleteActivity(ctx: Ctx, id: string): Promise<void> {
    this.beforeWrite(ctx);
    await this.flushActivities(ctx);
    const gone = await this.sync.deleteActivity(ctx.userId, id);
    if (gone && gone.rejectedReason == null) {
      ctx.statsFrom.set(`sync-delete:${id}:${ctx.version}`, gone.date);
    }
    ctx.normalize.delete(id);
    ctx.gone.add(id);
  }

  /**
   * The duplicate candidates of a push's new activities, read once: the runner's activities starting within
   * the window of any of them. The push keeps the map current as it writes and deletes.
   */
  private async nearNewRecords(
    ctx: Ctx,
    upserts: Map<string, Record<string, unknown>>,
    stored: Map<string, ActivityRow>,
  ): Promise<Map<string, ActivityRow>> {
    const starts = [...upserts]
      .filter(([id]) => !stored.has(id))
      .map(([, rec]) => activityValues(ctx, rec as ActivityRaw, undefined).startTime)
      .filter((t): t is string => t !== null)
      .map((t) => Date.parse(t));
    if (!starts.length) return new Map();
    const rows = await this.sync.activitiesStarting(
      ctx.userId,
      Math.min(...starts) - DUPLICATE_WINDOW_MS,
      Math.max(...starts) + DUPLICATE_WINDOW_MS,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Merged per field: a pushed value replaces the stored one, a missing (null) one leaves it; one row per day. */
  private async applyMetrics(ctx: Ctx, changes: ValidChanges): Promise<void> {
    const c = changes.daily_metrics;
    if (!c) return;
    await this.dropTombstoned(ctx, 'daily_metrics', c.upserts);
    const byId = new Map(
      (await this.sync.metricsByIds(ctx.userId, [...c.upserts.keys()])).map((r) => [r.id, r]),
    );
    // The day's stored check-in for each new record (one per day), read once; kept current as this push writes.
    const newDays = [...c.upserts]
      .filter(([id]) => !byId.has(id))
      .map(([, rec]) => (rec as DailyMetricsRaw).date);
    const byDate = new Map(
      (await this.sync.metricsOnDates(ctx.userId, [...new Set(newDays)])).map((r) => [r.date, r]),
    );
    const write = (row: DailyMetricsRow) => {
      this.beforeWrite(ctx);
      const { id, date } = row;
      ctx.metricWrites.set(id, { id, userId: ctx.userId, date, ...pick(row, METRIC_FIELDS) });
      byId.set(id, row);
      byDate.set(date, row);
      ctx.derive.add(id);
    };
    for (const [id, rec] of c.upserts) {
      const own = byId.get(id);
      const raw = changedOnly(rec, own && dailyMetricsRaw(own)) as DailyMetricsRaw;
      const target: DailyMetricsRow | undefined = own ?? byDate.get(raw.date);
      const pushed = metricValues(raw);
      if (!target) {
        write({ id, date: raw.date, ...pushed } as DailyMetricsRow);
        continue;
      }
      const merged = { ...pushed };
      let filled = false;
      for (const f of METRIC_FIELDS) {
        if (merged[f] == null && target[f] != null) {
          (merged as Record<string, unknown>)[f] = target[f];
          filled = true;
        }
      }
      // A later record of this push for the same day merges into these values, not the ones read first.
      write({ ...target, ...merged });
      if (target.id !== id) {
        await this.sync.addTombstone(ctx.userId, 'daily_metrics', id, ctx.version);
        // Undo: the day's check-in as it was before this record was merged into it.
        const before = Object.fromEntries(METRIC_FIELDS.map((f) => [f, target[f]]));
        await this.conflict(
          ctx,
          {
            table: 'daily_metrics',
            id,
            rule: 'merged_duplicate',
            message: `merged into ${target.id} (one check-in per day)`,
          },
          {
            survivor: target.id,
            loser: id,
            restore: [{ op: 'update', table: 'daily_metrics', id: target.id, set: before }],
          },
        );
      } else if (filled) {
        await this.flushMetrics(ctx);
        await this.sync.touch('daily_metrics', ctx.userId, id);
      }
    }
    await this.flushMetrics(ctx);
    for (const id of c.deleted) {
      this.beforeWrite(ctx);
      await this.sync.deleteMetrics(ctx.userId, id);
      ctx.derive.delete(id);
    }
  }
}

interface Ctx {
  userId: string;
  user: UserRow;
  version: number;
  since: number;
  /** The server's clock at the push (device clocks order nothing). */
  now: number;
  today: string;
  conflicts: Conflict[];
  /** Records written so far (the fault-injection hook's count). */
  written: number;
  /** Activities this push changed: NormalizeActivity after commit. */
  normalize: Set<string>;
  /** UpdateRollingStats after commit: cause → first day. */
  statsFrom: Map<string, string>;
  /** Check-ins this push stored: readiness and plan adaptation before commit. */
  derive: Set<string>;
  /** Activity ids this push deleted or merged away: a later record naming one does not bring it back. */
  gone: Set<string>;
  /** Activity and check-in writes not yet sent, by id: one statement per table (the last write of an id wins). */
  activityWrites: Map<string, ReturnType<typeof activityRow>>;
  metricWrites: Map<string, typeof dailyMetrics.$inferInsert>;
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

/** The first (by id) other activity of the same type starting within the duplicate window, if any. */
function duplicateOf(near: Map<string, ActivityRow>, id: string, a: ActivityValues): ActivityRow | undefined {
  if (!a.startTime) return undefined;
  const start = Date.parse(a.startTime);
  return [...near.values()]
    .filter(
      (r) =>
        r.id !== id &&
        r.type === a.type &&
        r.startTime != null &&
        Math.abs(parseTimestamp(r.startTime) - start) <= DUPLICATE_WINDOW_MS,
    )
    .sort((x, y) => (x.id < y.id ? -1 : 1))[0];
}

/** A conflict-log entry's data: what the rule did, and the writes that undo it (none: not undoable). */
interface ConflictData {
  restore: RestoreOp[];
  [k: string]: unknown;
}

function workoutRestore(id: string, raw: ScheduledWorkoutRaw): RestoreOp {
  const set: Record<string, unknown> = { date: raw.date };
  if (raw.state) set.state = raw.state;
  if (raw.completed_activity_id !== undefined) set.completedActivityId = raw.completed_activity_id;
  return { op: 'update', table: 'scheduled_workouts', id, set };
}

/** A record's own values (no id), as undo writes them back. */
export function ownValues(a: ActivityValues & { id?: string }): Record<string, unknown> {
  const { id: _id, ...rest } = a as ActivityValues & { id?: string } & Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of [
    'date',
    'startTime',
    'type',
    'source',
    'durationSec',
    'distanceMeters',
    'avgHr',
    'maxHr',
    'elevationGainMeters',
    'rpe',
    'feeling',
    'notes',
    'workoutId',
  ] as const)
    out[k] = (rest as Record<string, unknown>)[k] ?? null;
  return out;
}

/** How far ahead of the server's clock a device's start time may be (clock drift) before it is clamped. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * Client clocks order nothing: a start in the future is clamped to the server's now (+ drift tolerance), and
 * a day after the runner's tomorrow becomes today, so a skewed device (a phone set to 2099) cannot make the
 * server compute loads and stats for years ahead. Two clamped starts of one type are one activity by the
 * duplicate rule, as two real starts that close would be.
 */
function activityValues(ctx: Ctx, raw: ActivityRaw, storedSource: string | undefined): ActivityValues {
  const latest = ctx.now + CLOCK_TOLERANCE_MS;
  const start = raw.start_time == null ? null : new Date(Math.min(raw.start_time, latest)).toISOString();
  return {
    date: raw.date > addDays(ctx.today, 1) ? ctx.today : raw.date,
    startTime: start,
    type: raw.type,
    source: raw.source ?? (storedSource as ActivityValues['source'] | undefined) ?? 'manual',
    durationSec: raw.duration_sec,
    distanceMeters: raw.distance_meters ?? null,
    avgHr: raw.avg_hr ?? null,
    maxHr: raw.max_hr ?? null,
    elevationGainMeters: raw.elevation_gain_meters ?? null,
    rpe: raw.rpe ?? null,
    feeling: raw.feeling ?? null,
    notes: raw.notes ?? null,
    workoutId: raw.workout_id ?? null,
  };
}

/** The REST log's loads (sRPE, Banister TRIMP) from the stored values. */
export function activityRow(user: UserRow, id: string, v: ActivityValues) {
  const input = {
    durationSec: v.durationSec,
    ...(v.rpe != null && { rpe: v.rpe }),
    ...(v.avgHr != null && { avgHr: v.avgHr }),
  } as ManualActivity;
  let loads;
  try {
    loads = computeLoads(user, input);
  } catch (err) {
    throw engineError(err);
  }
  return { id, userId: user.id, ...v, ...loads };
}

function metricValues(raw: DailyMetricsRaw) {
  return {
    restingHr: raw.resting_hr ?? null,
    hrvRmssd: raw.hrv_rmssd ?? null,
    sleepDurationMinutes: raw.sleep_duration_minutes ?? null,
    sleepQuality: raw.sleep_quality ?? null,
    soreness: raw.soreness ?? null,
    stress: raw.stress ?? null,
    mood: raw.mood ?? null,
    morningReadiness: raw.morning_readiness ?? null,
    weightKg: raw.weight_kg ?? null,
  };
}
