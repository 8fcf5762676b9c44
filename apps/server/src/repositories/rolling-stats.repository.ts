import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gte, sql } from 'drizzle-orm';
import { rollingStats, type RollingStatsRow } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type RollingStatsValues = Omit<RollingStatsRow, 'id' | 'updatedAt' | 'syncVersion'>;

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters at 13 columns a row. */
const CHUNK = 500;

@Injectable()
export class RollingStatsRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** One row per runner and day: a recomputation replaces the day's figures. */
  /**
   * Serializes this runner's recomputations until the transaction ends: two jobs (an activity, a feedback)
   * may run at once, and the one that read first must not write its older figures last. An advisory lock
   * of its own, taken before anything else, so it cannot deadlock with row locks.
   */
  async lockRunner(userId: string): Promise<void> {
    await this.database.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rolling_stats:${userId}`}))`);
  }

  async upsert(rows: readonly RollingStatsValues[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.database.tx
        .insert(rollingStats)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [rollingStats.userId, rollingStats.date],
          set: {
            load: sql`excluded.load`,
            acute: sql`excluded.acute`,
            chronic: sql`excluded.chronic`,
            acwr: sql`excluded.acwr`,
            tsb: sql`excluded.tsb`,
            monotony: sql`excluded.monotony`,
            strain: sql`excluded.strain`,
            fitness: sql`excluded.fitness`,
            fatigue: sql`excluded.fatigue`,
            form: sql`excluded.form`,
            updatedAt: sql`now()`,
          },
        });
    }
  }

  /** Drops the series from `fromDate` on (the runner has no counted activity left). */
  async deleteFrom(userId: string, fromDate: string): Promise<void> {
    await this.database.tx
      .delete(rollingStats)
      .where(and(eq(rollingStats.userId, userId), gte(rollingStats.date, fromDate)));
  }

  async onDate(userId: string, date: string): Promise<RollingStatsRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(rollingStats)
      .where(and(eq(rollingStats.userId, userId), eq(rollingStats.date, date)));
    return row;
  }
}
