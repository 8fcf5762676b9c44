// Nutrition CSV import: a header row, then rows summed per date (MyFitnessPal's export has one row per meal).
// Columns by name, case and units ignored: Date; Calories (or Energy, kcal); Carbohydrates (g) (or Carbs);
// Protein (g); Fat (g). Other columns (Meal, Sodium, Sugar...) are ignored.
import { NutritionTotalsSchema } from '@runningcoach/contracts';
import type { DailyNutrition } from './provider.ts';

export class NutritionCsvError extends Error {}

const COLUMNS: Record<string, 'date' | 'kcal' | 'carbs' | 'protein' | 'fat'> = {
  date: 'date',
  day: 'date',
  calories: 'kcal',
  energy: 'kcal',
  kcal: 'kcal',
  energykcal: 'kcal',
  carbohydrates: 'carbs',
  carbohydrate: 'carbs',
  carbs: 'carbs',
  protein: 'protein',
  fat: 'fat',
  totalfat: 'fat',
};

/** One CSV line split on commas outside double quotes ("" is a quote). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur.trim());
  return out;
}

const normal = (h: string) =>
  h
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z]/g, '');

export function parseNutritionCsv(text: string): DailyNutrition[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = fields(lines[0] ?? '').map((h) => COLUMNS[normal(h)]);
  const at = (k: string) => header.indexOf(k as never);
  if (at('date') < 0 || at('kcal') < 0)
    throw new NutritionCsvError('line 1: needs a Date and a Calories column');
  const days = new Map<string, { kcal: number; carbs?: number; protein?: number; fat?: number }>();
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n]!.trim()) continue;
    const row = fields(lines[n]!);
    const date = row[at('date')] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new NutritionCsvError(`line ${n + 1}: date "${date}" is not YYYY-MM-DD`);
    const day = days.get(date) ?? { kcal: 0 };
    for (const key of ['kcal', 'carbs', 'protein', 'fat'] as const) {
      const i = at(key);
      const raw = i < 0 ? '' : (row[i] ?? '').replace(/,/g, '');
      if (raw === '') continue;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < 0)
        throw new NutritionCsvError(`line ${n + 1}: ${key} "${raw}" is not a number`);
      day[key] = (day[key] ?? 0) + v;
    }
    days.set(date, day);
  }
  if (days.size === 0) throw new NutritionCsvError('has no rows');
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, d]) => {
      const totals = NutritionTotalsSchema.safeParse({
        intakeKcal: d.kcal,
        ...(d.carbs !== undefined && { carbsGrams: d.carbs }),
        ...(d.protein !== undefined && { proteinGrams: d.protein }),
        ...(d.fat !== undefined && { fatGrams: d.fat }),
      });
      if (!totals.success) {
        const issue = totals.error.issues[0]!;
        throw new NutritionCsvError(`${date}: ${issue.path.join('.')} ${issue.message}`);
      }
      return { date, ...totals.data };
    });
}
