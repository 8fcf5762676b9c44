import type { DailyNutrition } from '../nutrition/provider.ts';
import type { MfpDiaryItem, MfpMeasuredValue } from './payload.ts';

// 1 kcal = 4.184 kJ (thermochemical calorie).
const kcal = (e: MfpMeasuredValue | undefined) =>
  e === undefined ? 0 : e.unit === 'kilojoules' ? e.value / 4.184 : e.value;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A day's diary as totals: the diary_meal entries summed (exercise and steps are not intake). */
export function dailyTotals(date: string, items: readonly MfpDiaryItem[]): DailyNutrition | null {
  const meals = items.filter((i) => i.type === 'diary_meal' && i.date === date);
  if (meals.length === 0) return null;
  const sum = (pick: (i: (typeof meals)[number]) => number | undefined) =>
    meals.some((m) => pick(m) !== undefined)
      ? round1(meals.reduce((s, m) => s + (pick(m) ?? 0), 0))
      : undefined;
  const carbs = sum((m) => (m.type === 'diary_meal' ? m.nutritional_contents.carbohydrates : undefined));
  const protein = sum((m) => (m.type === 'diary_meal' ? m.nutritional_contents.protein : undefined));
  const fat = sum((m) => (m.type === 'diary_meal' ? m.nutritional_contents.fat : undefined));
  return {
    date,
    intakeKcal: round1(
      meals.reduce((s, m) => s + (m.type === 'diary_meal' ? kcal(m.nutritional_contents.energy) : 0), 0),
    ),
    ...(carbs !== undefined && { carbsGrams: carbs }),
    ...(protein !== undefined && { proteinGrams: protein }),
    ...(fat !== undefined && { fatGrams: fat }),
  };
}
