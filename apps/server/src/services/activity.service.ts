import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  Activity,
  ActivityFeedback,
  ActivitySamples,
  ActivitySource,
  DateRangeQuery,
  ManualActivity,
} from '@runningcoach/contracts';
import { addDays, banisterTrimp, sessionRpeLoad } from '@runningcoach/engine';
import {
  FORMAT_EXTENSION,
  type FileFormat,
  type ImportedActivity,
  parseActivityFile,
  type ProviderActivity,
} from '@runningcoach/integrations';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { enqueue } from '../queue/pipelines/jobs.ts';
import { RealtimeService } from '../realtime/realtime.service.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import {
  ActivityOriginRepository,
  type NewActivityOrigin,
} from '../repositories/activity-origin.repository.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PendingTaskRepository } from '../repositories/pending-task.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { decodeSamples, encodeSamples } from '../samples/codec.ts';
import { summarizeSamples } from '../samples/summary.ts';
import type { ActivityRow, OriginKind, ScheduledWorkoutRow, UserRow } from '../schema/index.ts';
import type { ActivityValues } from '../sync/sync-tables.ts';
import { importKey, OBJECT_STORE, type ObjectStore } from '../storage/object-store.ts';
import { applyEdit, DUPLICATE_WINDOW_MS, isDevice } from '@runningcoach/sync/conflict-rules';
import { AppError } from '../utils/errors.ts';
import { impossibleValue } from './activity-validation.ts';
import { engineError, runnerToday } from './plan.service.ts';

const RUNNING = new Set(['run', 'trail_run', 'treadmill']);
// Activity ids are text since sync (WatermelonDB clients make 16-char ids); a malformed one is a 404.
const ACTIVITY_ID = /^[A-Za-z0-9_:.-]{1,100}$/;

/** Server extensions: why NormalizeActivity rejected it, and (GET /activities/:id) the time series. */
const activityNotFound = () => new AppError(404, 'NOT_FOUND', 'activity not found');

export type ActivityDto = Activity & { rejectedReason?: string; samples?: ActivitySamples | null };

/**
 * `POST /activities/import`: the file's activities (new, merged or already there), how many are new and how
 * many merged into an activity the runner had, whether these exact bytes had been imported, their digest.
 */
export interface ImportResult {
  activities: ActivityDto[];
  created: number;
  merged: number;
  alreadyImported: boolean;
  sha256: string;
  format: FileFormat;
}

/** An activity recorded by a device: a parsed file's, or one mapped from a provider's API. */
export type DeviceActivity = Omit<ImportedActivity, 'source' | 'samples'> & {
  source: ActivitySource;
  samples?: ActivitySamples;
};

const IMPORT_CONTENT_TYPE: Record<FileFormat, string> = {
  fit: 'application/vnd.ant.fit',
  gpx: 'application/gpx+xml',
  tcx: 'application/vnd.garmin.tcx+xml',
};

export type NormalizeOutcome = { status: 'accepted'; date: string } | { status: 'rejected'; reason: string };

export function toActivity(row: ActivityRow): ActivityDto {
  const out: ActivityDto = {
    id: row.id,
    date: row.date,
    type: row.type,
    source: row.source,
    durationSec: row.durationSec,
  };
  if (row.startTime != null) out.startTime = new Date(row.startTime).toISOString();
  const optional = [
    'distanceMeters',
    'avgHr',
    'maxHr',
    'elevationGainMeters',
    'rpe',
    'feeling',
    'notes',
    'internalLoad',
    'trimp',
    'workoutId',
    'rejectedReason',
  ] as const;
  for (const k of optional) if (row[k] != null) (out as Record<string, unknown>)[k] = row[k];
  return out;
}

/** sRPE when RPE is given; Banister TRIMP when the average HR and the runner's resting and max HR are known. */
export function computeLoads(
  user: UserRow,
  a: ManualActivity,
): { internalLoad: number | null; trimp: number | null } {
  const internalLoad = a.rpe !== undefined ? sessionRpeLoad(a.rpe, a.durationSec) : null;
  const restingHr = user.baselines.restingHr ?? user.profile.restingHr;
  const maxHr = user.baselines.maxHr ?? user.profile.maxHr;
  const sex = user.profile.sex;
  const trimp =
    a.avgHr !== undefined &&
    restingHr !== undefined &&
    maxHr !== undefined &&
    sex !== undefined &&
    maxHr > restingHr
      ? banisterTrimp({ durationSec: a.durationSec, avgHr: a.avgHr, restingHr, maxHr, sex })
      : null;
  return { internalLoad, trimp };
}

/** Does this activity fulfil that planned workout? A run fulfils any running workout, strength a strength one. */
export function fulfils(workout: ScheduledWorkoutRow, type: string): boolean {
  if (workout.state === 'completed' || workout.type === 'rest') return false;
  return workout.type === 'strength' ? type === 'strength' : RUNNING.has(type);
}

@Injectable()
export class ActivityService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(PendingTaskRepository) private readonly tasks: PendingTaskRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
    @Inject(RealtimeService) private readonly realtime: RealtimeService,
    @Inject(OBJECT_STORE) private readonly objects: ObjectStore,
    @Inject(ActivityOriginRepository) private readonly origins: ActivityOriginRepository,
  ) {}

  private readonly logger = new Logger('Activities');

  /**
   * Stores a manual log (and its samples) with its loads, marks the linked (or same-day) planned workout
   * completed, then, once committed, queues NormalizeActivity (→ rolling stats → plan adaptation).
   */
  async log(userId: string, body: ManualActivity): Promise<ActivityDto> {
    const { samples, ...entered } = body;
    // Summary fields the runner left out come from the samples.
    const input: Omit<ManualActivity, 'samples'> = samples
      ? { ...summarizeSamples(samples), ...entered }
      : entered;
    const activity = await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
      return toActivity(await this.store(user, input, 'manual', samples));
    });
    await this.afterWrite(userId, [activity]);
    return activity;
  }

  /**
   * An uploaded FIT, GPX or TCX file, gzipped or not (already read; its format from the content): each activity
   * in it is stored like a log (loads, samples, the same-day workout completed, NormalizeActivity queued), or
   * merged into the runner's duplicate by the sync rules (same type, start within 10 minutes: the device wins
   * the objective fields, the runner's RPE and notes stay). The raw (inflated) file is kept in the object store
   * under its SHA-256, linked to its activities: the same bytes again change nothing (`alreadyImported`).
   * A bad file stores nothing at all.
   */
  async importFile(userId: string, upload: Uint8Array): Promise<ImportResult> {
    const { format, activities, raw } = parseActivityFile(upload);
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const key = importKey(userId, sha256, FORMAT_EXTENSION[format]);
    const changed: Pick<Activity, 'id' | 'date'>[] = [];
    let created = 0;
    let merged = 0;
    let stored = false;
    try {
      const result = await this.database.asUser(userId, async () => {
        const user = await this.users.findById(userId);
        if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
        await this.activities.lockImport(userId, sha256);
        const known = await this.origins.find(userId, 'file', sha256);
        if (known.length > 0) {
          const rows = await Promise.all(known.map((o) => this.activities.findById(userId, o.activityId)));
          return rows.filter((r) => r !== undefined).map(toActivity);
        }
        const out: ActivityDto[] = [];
        const origin = { kind: 'file' as const, externalId: sha256, sha256, format, objectKey: key };
        for (const a of activities) {
          const { row, outcome } = await this.ingestDevice(user, a, origin);
          if (outcome === 'created') created++;
          else merged++;
          if (outcome !== 'linked') changed.push({ id: row.id, date: row.date });
          out.push(toActivity(row));
        }
        // Inside the transaction: if the store fails, no row is committed either.
        await this.objects.put(key, raw, IMPORT_CONTENT_TYPE[format]);
        stored = true;
        return out;
      });
      await this.afterWrite(userId, changed, `import:${sha256}`);
      return { activities: result, created, merged, alreadyImported: !stored, sha256, format };
    } catch (err) {
      // The rows rolled back: take the file back out too (it was only written by this call).
      if (stored) await this.objects.delete(key).catch(() => undefined);
      throw err;
    }
  }

  /**
   * One activity recorded by a device (a file, or a provider's API), inside the caller's transaction:
   * - its origin already known (a provider's update event): the device's objective values replace the row's;
   * - a duplicate of one of the runner's activities (sync rules, @runningcoach/sync/conflict-rules): merged into it (`merged`),
   *   or, when that one is itself a device record, only linked (`linked`: the first recording stays);
   * - otherwise stored as new (`created`).
   */
  async ingestDevice(
    user: UserRow,
    a: DeviceActivity,
    origin: Omit<NewActivityOrigin, 'userId' | 'activityId'>,
  ): Promise<{ row: ActivityRow; outcome: 'created' | 'merged' | 'linked' }> {
    const { samples, source, ...summary } = a;
    const date = runnerToday(user, Date.parse(a.startTime));
    const incoming: ActivityValues = {
      date,
      startTime: new Date(a.startTime).toISOString(),
      type: a.type,
      durationSec: a.durationSec,
      distanceMeters: a.distanceMeters ?? null,
      avgHr: a.avgHr ?? null,
      maxHr: a.maxHr ?? null,
      elevationGainMeters: a.elevationGainMeters ?? null,
      rpe: null,
      feeling: null,
      notes: null,
      source,
      workoutId: null,
    };
    const [knownOrigin] =
      origin.kind === 'file' ? [] : await this.origins.find(user.id, origin.kind, origin.externalId);
    const known = knownOrigin && (await this.activities.findById(user.id, knownOrigin.activityId));
    const duplicate =
      known ?? (await this.activities.findDuplicate(user.id, a.type, a.startTime, DUPLICATE_WINDOW_MS));
    let row: ActivityRow;
    let outcome: 'created' | 'merged' | 'linked';
    if (!duplicate) {
      row = await this.store(user, { ...summary, date }, source, samples);
      outcome = 'created';
    } else if (isDevice(duplicate.source) && !known) {
      row = duplicate;
      outcome = 'linked';
    } else {
      const { values } = applyEdit(duplicate, incoming);
      const loads = computeLoads(user, {
        date: values.date,
        type: values.type,
        durationSec: values.durationSec,
        ...(values.avgHr != null && { avgHr: values.avgHr }),
        ...(values.rpe != null && { rpe: values.rpe }),
      });
      const { workoutId: _keep, ...set } = values;
      row = await this.activities.updateMerged(user.id, duplicate.id, { ...set, ...loads });
      if (samples && !(await this.activities.findSamples(user.id, row.id))) {
        await this.activities.insertSamples({
          activityId: row.id,
          userId: user.id,
          ...encodeSamples(samples),
        });
      }
      await this.audit.record(user.id, 'activity.merge', 'activity', row.id);
      outcome = 'merged';
    }
    await this.origins.link({ ...origin, userId: user.id, activityId: row.id });
    return { row, outcome };
  }

  /**
   * Activities fetched from a provider (a webhook's work): each ingested like a file's, keyed by the
   * provider's activity id, so a repeated or updated event lands on the same activity.
   */
  async ingestProvider(userId: string, list: readonly ProviderActivity[], sha256: string): Promise<string[]> {
    const changed: Pick<Activity, 'id' | 'date'>[] = [];
    const ids = await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
      const out: string[] = [];
      for (const { externalId, ...a } of list) {
        const origin = { kind: a.source as OriginKind, externalId, sha256, format: null, objectKey: null };
        const { row, outcome } = await this.ingestDevice(user, a, origin);
        if (outcome !== 'linked') changed.push({ id: row.id, date: row.date });
        out.push(row.id);
      }
      return out;
    });
    await this.afterWrite(userId, changed, `provider:${sha256.slice(0, 16)}`);
    return ids;
  }

  /** A provider deleted its activity: ours goes too, unless it is another source's record it was merged into. */
  async deleteFromProvider(userId: string, kind: OriginKind, externalId: string): Promise<number> {
    const doomed = await this.database.asUser(userId, async () => {
      const origins = await this.origins.find(userId, kind, externalId);
      const found: Pick<Activity, 'id' | 'date'>[] = [];
      for (const o of origins) {
        const a = await this.activities.findById(userId, o.activityId);
        if (a?.source === kind) found.push({ id: a.id, date: a.date });
      }
      await this.activities.deleteMany(
        userId,
        found.map((a) => a.id),
      );
      for (const { id } of found) await this.audit.record(userId, 'activity.delete', 'activity', id);
      return found;
    });
    await this.afterDelete(userId, doomed, `${kind}:${externalId}`);
    return doomed.length;
  }

  /**
   * After activities were deleted (committed): the dashboard cache goes and UpdateRollingStats recomputes the
   * load from the earliest day that lost one (the load series, ACWR and adaptation no longer count them).
   */
  async afterDelete(
    userId: string,
    deleted: readonly Pick<Activity, 'date'>[],
    cause: string,
  ): Promise<void> {
    if (deleted.length === 0) return;
    await this.cache.invalidate(userId);
    const fromDate = deleted.map((a) => a.date).sort()[0]!;
    try {
      await enqueue.updateRollingStats(this.queue, {
        userId,
        fromDate,
        cause: `delete:${cause}:${Date.now()}`.slice(0, 200),
      });
    } catch (err) {
      // The deletion stands either way; the runner's next write or the weekly batch recomputes the load.
      this.logger.warn(`UpdateRollingStats not queued: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** One activity row (and its samples), its loads, and the planned workout it fulfils; inside a transaction. */
  private async store(
    user: UserRow,
    input: Omit<ManualActivity, 'samples'>,
    source: ActivitySource,
    samples: ActivitySamples | undefined,
  ): Promise<ActivityRow> {
    const userId = user.id;
    if (input.date > addDays(runnerToday(user), 1)) {
      throw new AppError(422, 'DATE_IN_FUTURE', `date: ${input.date} has not happened yet`, {
        issues: [{ path: 'date', code: 'DATE_IN_FUTURE', message: 'is in the future' }],
      });
    }
    let workout: ScheduledWorkoutRow | undefined;
    if (input.workoutId) {
      workout = await this.plans.findWorkout(userId, input.workoutId);
      if (!workout) throw new AppError(404, 'NOT_FOUND', 'workoutId: no such workout');
      // Another day's workout is fine (runners swap days), but not one of an old plan, a rest day, one
      // already done, or a long run "completed" by a strength session.
      const active = await this.plans.findActive(userId);
      if (workout.planId !== active?.id || !fulfils(workout, input.type)) {
        const why =
          workout.planId !== active?.id
            ? 'belongs to a superseded plan'
            : `cannot be done by a ${input.type} activity`;
        throw new AppError(422, 'WORKOUT_MISMATCH', `workoutId: ${why}`, {
          issues: [{ path: 'workoutId', code: 'WORKOUT_MISMATCH', message: why }],
        });
      }
    } else {
      const active = await this.plans.findActive(userId);
      const sameDay = active ? await this.plans.workoutsOn(userId, active.id, input.date) : [];
      workout = sameDay.find((w) => fulfils(w, input.type));
    }
    let loads;
    try {
      loads = computeLoads(user, input);
    } catch (err) {
      throw engineError(err);
    }
    const row = await this.activities.insert({
      userId,
      date: input.date,
      startTime: input.startTime ?? null,
      type: input.type,
      source,
      durationSec: input.durationSec,
      distanceMeters: input.distanceMeters ?? null,
      avgHr: input.avgHr ?? null,
      maxHr: input.maxHr ?? null,
      elevationGainMeters: input.elevationGainMeters ?? null,
      rpe: input.rpe ?? null,
      feeling: input.feeling ?? null,
      notes: input.notes ?? null,
      ...loads,
      workoutId: workout?.id ?? null,
    });
    if (samples)
      await this.activities.insertSamples({ activityId: row.id, userId, ...encodeSamples(samples) });
    if (workout) {
      await this.plans.updateWorkout(userId, workout.id, {
        state: 'completed',
        completedActivityId: row.id,
      });
    }
    await this.audit.record(
      userId,
      source === 'manual' ? 'activity.create' : 'activity.import',
      'activity',
      row.id,
    );
    return row;
  }

  /** After the commit: the dashboard cache goes, and NormalizeActivity (→ rolling stats → adaptation) is queued. */
  async afterWrite(
    userId: string,
    activities: readonly Pick<Activity, 'id' | 'date'>[],
    cause?: string,
  ): Promise<void> {
    await this.cache.invalidate(userId);
    for (const { id, date } of activities) await this.realtime.publish(userId, 'activity:new', { id, date });
    const activityIds = activities.map((a) => a.id);
    for (const activityId of activityIds) {
      try {
        // A merge or provider update changes a stored activity: the cause makes its job id new.
        const jobId = cause ? `normalize:${activityId}:${cause}` : undefined;
        await enqueue.normalizeActivity(this.queue, { userId, activityId }, jobId);
      } catch (err) {
        // The log is stored either way; the runner's next write or the weekly batch recomputes the load.
        this.logger.warn(`NormalizeActivity not queued: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /**
   * NormalizeActivity: an impossible value (faster than the world record, HR outside 25-250, no duration)
   * marks the activity rejected with the reason (kept, not deleted; it counts for no load and completes no
   * workout); a missing RPE leaves a pending task. Idempotent.
   */
  async normalize(userId: string, activityId: string): Promise<NormalizeOutcome> {
    const outcome = await this.database.asUser(userId, async (): Promise<NormalizeOutcome> => {
      const row = await this.activities.findById(userId, activityId);
      if (!row) return { status: 'rejected', reason: 'activity no longer exists' };
      if (row.rejectedReason != null) return { status: 'rejected', reason: row.rejectedReason };
      const reason = impossibleValue(row);
      if (reason) {
        await this.activities.reject(userId, activityId, reason);
        const workout = row.workoutId ? await this.plans.findWorkout(userId, row.workoutId) : undefined;
        if (workout?.completedActivityId === activityId) {
          await this.plans.updateWorkout(userId, workout.id, { state: 'planned', completedActivityId: null });
        }
        await this.audit.record(userId, 'activity.reject', 'activity', activityId);
        return { status: 'rejected', reason };
      }
      if (row.rpe == null) await this.tasks.create(userId, 'rpe_missing', activityId);
      return { status: 'accepted', date: row.date };
    });
    await this.cache.invalidate(userId);
    return outcome;
  }

  /**
   * The runner's RPE, feeling or notes, added or corrected later: the sRPE load follows the RPE, an RPE
   * settles the pending `rpe_missing` task, and the load series is recomputed from that day on.
   */
  async feedback(userId: string, id: string, body: ActivityFeedback): Promise<ActivityDto> {
    if (!ACTIVITY_ID.test(id)) throw activityNotFound();
    const row = await this.database.asUser(userId, async () => {
      const current = await this.activities.findById(userId, id);
      if (!current) throw activityNotFound();
      const set: Parameters<ActivityRepository['updateFeedback']>[2] = { ...body };
      if (body.rpe !== undefined) {
        set.internalLoad = body.rpe === null ? null : sessionRpeLoad(body.rpe, current.durationSec);
      }
      const updated = (await this.activities.updateFeedback(userId, id, set))!;
      if (updated.rpe != null) await this.tasks.complete(userId, 'rpe_missing', id);
      await this.audit.record(userId, 'activity.feedback', 'activity', id);
      return updated;
    });
    await this.cache.invalidate(userId);
    if (body.rpe !== undefined && row.rejectedReason == null) {
      const cause = `feedback:${id}:${new Date(row.updatedAt).getTime()}`;
      try {
        await enqueue.updateRollingStats(this.queue, { userId, fromDate: row.date, cause });
      } catch (err) {
        this.logger.warn(
          `UpdateRollingStats not queued: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    return toActivity(row);
  }

  list(userId: string, range: DateRangeQuery): Promise<{ activities: ActivityDto[] }> {
    return this.database.asUser(userId, async () => ({
      activities: (await this.activities.list(userId, range)).map(toActivity),
    }));
  }

  get(userId: string, id: string): Promise<ActivityDto> {
    const notFound = activityNotFound;
    if (!ACTIVITY_ID.test(id)) return Promise.reject(notFound());
    return this.database.asUser(userId, async () => {
      const row = await this.activities.findById(userId, id);
      if (!row) throw notFound();
      const stored = await this.activities.findSamples(userId, id);
      return { ...toActivity(row), samples: stored ? decodeSamples(stored) : null };
    });
  }
}
