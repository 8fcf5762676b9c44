import { DailyMetricsSchema, type DailyMetrics } from '@runningcoach/contracts';
import { CliError } from '../errors.ts';
import { check } from '../validate.ts';
import { parseCsv } from './csv.ts';
import { isJsonPath, readJson, readText } from './files.ts';

type Field = Exclude<keyof DailyMetrics, 'date'>;

// CSV headers are lower-cased on read; the contract's names and the CLI flag spellings both work.
const COLUMNS: Record<string, { field: Field | 'date'; scale?: number }> = {
  date: { field: 'date' },
  restinghr: { field: 'restingHr' },
  resting_hr: { field: 'restingHr' },
  hrvrmssd: { field: 'hrvRmssd' },
  hrv_rmssd: { field: 'hrvRmssd' },
  hrv: { field: 'hrvRmssd' },
  sleepdurationminutes: { field: 'sleepDurationMinutes' },
  sleep_minutes: { field: 'sleepDurationMinutes' },
  sleep_hours: { field: 'sleepDurationMinutes', scale: 60 },
  sleepquality: { field: 'sleepQuality' },
  sleep_quality: { field: 'sleepQuality' },
  soreness: { field: 'soreness' },
  stress: { field: 'stress' },
  mood: { field: 'mood' },
  morningreadiness: { field: 'morningReadiness' },
  morning_readiness: { field: 'morningReadiness' },
  weightkg: { field: 'weightKg' },
  weight_kg: { field: 'weightKg' },
};

/** Earlier days' check-ins: a JSON array of DailyMetrics, or a CSV with a date column and any metric columns. */
export function readMetricsHistory(path: string): DailyMetrics[] {
  if (isJsonPath(path)) {
    const data = readJson(path);
    if (!Array.isArray(data)) throw new CliError(`${path}: expected a JSON array of daily metrics`, 2);
    return data.map((item, i) => validateEntry(item, `${path} [${i}]`));
  }
  const { header, rows } = parseCsv(readText(path), path);
  const unknown = header.find((h) => COLUMNS[h] === undefined);
  if (unknown !== undefined) {
    throw new CliError(
      `${path} line 1: unknown column "${unknown}" (expected date, hrv, resting_hr, sleep_hours, sleep_quality, soreness, stress, mood, ...)`,
      2,
    );
  }
  if (!header.includes('date')) throw new CliError(`${path} line 1: missing the date column`, 2);
  return rows.map((row) => {
    const entry: Record<string, string | number> = {};
    const columnOf: Record<string, string> = {};
    for (const name of header) {
      const col = COLUMNS[name]!;
      const text = row.cells[name] ?? '';
      columnOf[col.field] = name;
      if (text === '') continue;
      if (col.field === 'date') {
        entry.date = text;
        continue;
      }
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new CliError(`${path} line ${row.line}, column ${name}: expected a number, got "${text}"`, 2);
      }
      entry[col.field] = value * (col.scale ?? 1);
    }
    return validateEntry(entry, `${path} line ${row.line}`, (field) => `column ${columnOf[field] ?? field}`);
  });
}

function validateEntry(
  entry: unknown,
  where: string,
  label: (field: string) => string = (f) => f,
): DailyMetrics {
  const result = check(DailyMetricsSchema, entry);
  if (!result.issues) return result.data;
  throw new CliError(
    result.issues.map((issue) => `${where}, ${label(issue.path || '(entry)')}: ${issue.message}`),
    2,
  );
}
