import { Inject, Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { activityOrigins, type ActivityOriginRow, type OriginKind } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NewActivityOrigin = Omit<ActivityOriginRow, 'id' | 'createdAt'>;

/** Which file or provider object each activity came from (see integration.table.ts). */
@Injectable()
export class ActivityOriginRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** Idempotent: the same (activity, origin) twice is one row. */
  async link(origin: NewActivityOrigin): Promise<void> {
    await this.database.tx.insert(activityOrigins).values(origin).onConflictDoNothing();
  }

  /** The runner's origins of that kind and external id (a file's SHA-256, a provider's activity id). */
  find(userId: string, kind: OriginKind, externalId: string): Promise<ActivityOriginRow[]> {
    return this.database.tx
      .select()
      .from(activityOrigins)
      .where(
        and(
          eq(activityOrigins.userId, userId),
          eq(activityOrigins.kind, kind),
          eq(activityOrigins.externalId, externalId),
        ),
      );
  }

  /** Every object key of the runner's origins of that kind (disconnect with deleteData). */
  async activityIdsOf(userId: string, kind: OriginKind): Promise<string[]> {
    const rows = await this.database.tx
      .select({ activityId: activityOrigins.activityId })
      .from(activityOrigins)
      .where(and(eq(activityOrigins.userId, userId), eq(activityOrigins.kind, kind)));
    return rows.map((r) => r.activityId);
  }
}
