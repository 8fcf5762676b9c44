import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobQueue } from '../queue/job-queue.ts';
import { enqueue } from '../queue/pipelines/jobs.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { DailyMetricsService } from '../services/daily-metrics.service.ts';
import { AppError } from '../utils/errors.ts';
import type { ActivityValues } from './sync-tables.ts';
import { type RestoreOp, SyncRepository } from './sync.repository.ts';
import { activityRow, ownValues } from './sync-push.service.ts';

/** How long a merge or override can be undone. */
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UndoResult {
  id: string;
  undoneAt: number;
  restored: { table: string; id: string }[];
}

/**
 * Undo of a conflict-log entry (extension): writes back what the rule overrode or merged, with versions
 * forced up so every device pulls the result, and settles the entry's alert. Idempotent: undoing again
 * answers the same and writes nothing.
 */
@Injectable()
export class SyncConflictsService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(SyncRepository) private readonly sync: SyncRepository,
    @Inject(DailyMetricsService) private readonly checkIns: DailyMetricsService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private readonly logger = new Logger('SyncUndo');

  async undo(userId: string, id: string, now = Date.now()): Promise<UndoResult> {
    const notFound = () => new AppError(404, 'NOT_FOUND', 'conflict not found');
    if (!UUID.test(id)) throw notFound();
    const { result, activities, version } = await this.database.asUser(userId, async () => {
      // The entry's row lock serializes undos of it; an answer that writes nothing takes no version.
      const row = await this.sync.conflictById(userId, id);
      if (!row) throw notFound();
      const ops = ((row.data as { restore?: RestoreOp[] }).restore ?? []) as RestoreOp[];
      const restored = ops.map((op) => ({ table: op.table, id: op.id }));
      if (row.undoneAt) {
        return { result: { id, undoneAt: row.undoneAt.getTime(), restored }, activities: [], version: 0 };
      }
      if (now - row.createdAt.getTime() > UNDO_WINDOW_MS) {
        throw new AppError(410, 'UNDO_EXPIRED', 'conflict: can only be undone within 24 hours');
      }
      if (!ops.length) {
        throw new AppError(409, 'NOT_UNDOABLE', `conflict: a ${row.rule} outcome has nothing to undo`);
      }
      // The clock lock before any write, as a push takes it: undo and pushes apply one after the other.
      const version = await this.sync.takeVersion(userId);
      const user = (await this.sync.user(userId))!;
      const activities: string[] = [];
      for (const op of ops) {
        if (op.table === 'activities') {
          const [current] = await this.sync.activitiesByIds(userId, [op.id]);
          if (!current && op.op === 'update') throw gone(op);
          const values = { ...(current ? ownValues(current) : {}), ...op.set } as ActivityValues;
          await this.sync.upsertActivities([activityRow(user, op.id, values)]);
          await this.sync.touch('activities', userId, op.id);
          activities.push(op.id);
          continue;
        }
        if (!(await this.sync.restore(userId, op))) throw gone(op);
        if (op.table === 'daily_metrics') {
          const [metrics] = await this.sync.metricsByIds(userId, [op.id]);
          if (metrics) await this.checkIns.deriveManyInTx(user, [metrics]);
        }
      }
      const undoneAt = await this.sync.markUndone(userId, id);
      return { result: { id, undoneAt: undoneAt.getTime(), restored }, activities, version };
    });
    for (const activityId of activities) {
      try {
        await enqueue.normalizeActivity(
          this.queue,
          { userId, activityId },
          `normalize:${activityId}:${version}`,
        );
      } catch (err) {
        this.logger.warn(`NormalizeActivity not queued: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return result;
  }
}

const gone = (op: RestoreOp) =>
  new AppError(409, 'NOT_UNDOABLE', `conflict: ${op.table} record ${op.id} no longer exists`);
