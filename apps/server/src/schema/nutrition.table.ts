import { date, doublePrecision, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

export const NUTRITION_SOURCES = ['manual', 'csv', 'myfitnesspal'] as const;
export type NutritionSource = (typeof NUTRITION_SOURCES)[number];

/** A runner's eating totals for one day (the last entry or import wins; a provider sync only over its days). */
export const nutritionDays = pgTable(
  'nutrition_days',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    source: text('source', { enum: NUTRITION_SOURCES }).notNull(),
    intakeKcal: doublePrecision('intake_kcal').notNull(),
    carbsGrams: doublePrecision('carbs_grams'),
    proteinGrams: doublePrecision('protein_grams'),
    fatGrams: doublePrecision('fat_grams'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.date] }), ownerPolicy('nutrition_days_owner', t.userId)],
).enableRLS();

export type NutritionDayRow = typeof nutritionDays.$inferSelect;
