import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { type NutritionDayRow, nutritionDays } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NutritionDayValues = Omit<NutritionDayRow, 'updatedAt'>;

@Injectable()
export class NutritionRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /**
   * One row per runner and day: a later entry or import of that day replaces it. With `sameSourceOnly` (a
   * provider's sync) a day is only replaced when the same source brought it. The dates written.
   */
  async upsert(
    rows: readonly NutritionDayValues[],
    opts: { sameSourceOnly?: boolean } = {},
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const written = await this.database.tx
      .insert(nutritionDays)
      .values([...rows])
      .onConflictDoUpdate({
        target: [nutritionDays.userId, nutritionDays.date],
        set: {
          source: sql`excluded.source`,
          intakeKcal: sql`excluded.intake_kcal`,
          carbsGrams: sql`excluded.carbs_grams`,
          proteinGrams: sql`excluded.protein_grams`,
          fatGrams: sql`excluded.fat_grams`,
          updatedAt: sql`now()`,
        },
        ...(opts.sameSourceOnly && { setWhere: sql`${nutritionDays.source} = excluded.source` }),
      })
      .returning({ date: nutritionDays.date });
    return written.map((r) => r.date);
  }

  /** The days a source brought (a disconnected provider's data); their dates. */
  async deleteBySource(userId: string, source: NutritionDayRow['source']): Promise<string[]> {
    const rows = await this.database.tx
      .delete(nutritionDays)
      .where(and(eq(nutritionDays.userId, userId), eq(nutritionDays.source, source)))
      .returning({ date: nutritionDays.date });
    return rows.map((r) => r.date);
  }

  list(userId: string, range: { from?: string; to?: string }): Promise<NutritionDayRow[]> {
    return this.database.tx
      .select()
      .from(nutritionDays)
      .where(
        and(
          eq(nutritionDays.userId, userId),
          range.from ? gte(nutritionDays.date, range.from) : undefined,
          range.to ? lte(nutritionDays.date, range.to) : undefined,
        ),
      )
      .orderBy(asc(nutritionDays.date));
  }
}
