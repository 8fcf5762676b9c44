import type { NutritionTotals } from '@runningcoach/contracts';

/** A day's totals as a nutrition source reports them. */
export type DailyNutrition = NutritionTotals & { date: string };

/**
 * Where eating totals come from: MyFitnessPal (approved partner credentials), a CSV export, manual entry.
 * Adding a source (Cronometer, Lose It!...) is one more implementation.
 */
export interface NutritionProvider {
  readonly name: 'myfitnesspal' | 'csv' | 'manual';
  /** Totals per day from `from` to `to` inclusive; days with nothing logged are left out. */
  days(from: string, to: string): Promise<DailyNutrition[]>;
}
