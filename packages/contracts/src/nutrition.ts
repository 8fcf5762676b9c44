import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

/** One day's eating totals: energy in kcal, macronutrients in grams. */
export const NutritionTotalsSchema = z.strictObject({
  intakeKcal: z.number().min(0).max(20_000),
  carbsGrams: z.number().min(0).max(3000).optional(),
  proteinGrams: z.number().min(0).max(1000).optional(),
  fatGrams: z.number().min(0).max(1000).optional(),
});
export type NutritionTotals = z.infer<typeof NutritionTotalsSchema>;

export const NutritionDateParamSchema = z.strictObject({ date: IsoDateSchema });
export type NutritionDateParam = z.infer<typeof NutritionDateParamSchema>;

/** `POST /nutrition/import`: a CSV export (MyFitnessPal's nutrition export, or date,calories,... columns). */
export const NutritionCsvImportSchema = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(1024 * 1024),
});
export type NutritionCsvImport = z.infer<typeof NutritionCsvImportSchema>;

export const NutritionDaySchema = NutritionTotalsSchema.extend({
  date: IsoDateSchema,
  source: z.enum(['manual', 'csv', 'myfitnesspal']),
});
export type NutritionDay = z.infer<typeof NutritionDaySchema>;
