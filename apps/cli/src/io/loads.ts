import { IsoDateSchema, type Sex } from '@runningcoach/contracts';
import { banisterTrimp, sessionRpeLoad, type DailyLoad } from '@runningcoach/engine';
import { CliError, UsageError } from '../errors.ts';
import { csvNumber, parseCsv, type CsvRow } from './csv.ts';
import { isJsonPath, readJson, readText } from './files.ts';

/** What Banister TRIMP needs beyond the file; absent unless the user passed the flags. */
export interface HrSettings {
  restingHr?: number;
  maxHr?: number;
  sex?: Sex;
}

const MAX_LOAD = 100_000;

/**
 * Daily loads from a file: JSON `[{date, load}]`, or CSV with one of three headers:
 * `date,load` as given; `date,rpe,duration_min` as session-RPE (Foster); `date,duration_min,avg_hr` as
 * Banister TRIMP, which needs resting/max HR and sex.
 */
export function readLoads(path: string, hr: HrSettings): DailyLoad[] {
  return isJsonPath(path) ? loadsFromJson(readJson(path), path) : loadsFromCsv(readText(path), path, hr);
}

function loadsFromJson(data: unknown, file: string): DailyLoad[] {
  if (!Array.isArray(data)) throw new CliError(`${file}: expected a JSON array of {date, load}`, 2);
  return data.map((item: unknown, i) => {
    const at = `${file} [${i}]`;
    if (typeof item !== 'object' || item === null)
      throw new CliError(`${at}: expected an object {date, load}`, 2);
    const { date, load } = item as { date?: unknown; load?: unknown };
    const day = IsoDateSchema.safeParse(date);
    if (!day.success) throw new CliError(`${at}.date: ${day.error.issues[0]?.message ?? 'invalid date'}`, 2);
    if (typeof load !== 'number' || !Number.isFinite(load) || load < 0 || load > MAX_LOAD) {
      throw new CliError(
        `${at}.load: expected a number from 0 to ${MAX_LOAD}, got ${JSON.stringify(load)}`,
        2,
      );
    }
    return { date: day.data, load };
  });
}

function loadsFromCsv(text: string, file: string, hr: HrSettings): DailyLoad[] {
  const { header, rows } = parseCsv(text, file);
  const has = (c: string): boolean => header.includes(c);
  if (!has('date')) throw new CliError(`${file} line 1: missing the date column`, 2);
  let loadOf: (row: CsvRow) => number;
  if (has('load')) {
    loadOf = (row) => csvNumber(row, 'load', file, 0, MAX_LOAD);
  } else if (has('rpe') && has('duration_min')) {
    loadOf = (row) => sessionRpeLoad(csvNumber(row, 'rpe', file, 0, 10), minutes(row, file) * 60);
  } else if (has('duration_min') && has('avg_hr')) {
    const settings = trimpSettings(hr);
    loadOf = (row) =>
      banisterTrimp({
        ...settings,
        durationSec: minutes(row, file) * 60,
        avgHr: csvNumber(row, 'avg_hr', file, 25, 250),
      });
  } else {
    throw new CliError(
      `${file} line 1: expected a header date,load or date,rpe,duration_min or date,duration_min,avg_hr; got ${header.join(',')}`,
      2,
    );
  }
  return rows.map((row) => ({ date: csvDate(row, file), load: loadOf(row) }));
}

function minutes(row: CsvRow, file: string): number {
  return csvNumber(row, 'duration_min', file, 0, 72 * 60);
}

function csvDate(row: CsvRow, file: string): string {
  const text = row.cells.date ?? '';
  const day = IsoDateSchema.safeParse(text);
  if (!day.success) {
    const why = day.error.issues[0]?.message ?? 'invalid date';
    throw new CliError(`${file} line ${row.line}, column date: ${why}, got "${text}"`, 2);
  }
  return day.data;
}

function trimpSettings(hr: HrSettings): Required<HrSettings> {
  const { restingHr, maxHr, sex } = hr;
  const missing = [
    restingHr === undefined && '--resting-hr',
    maxHr === undefined && '--max-hr',
    sex === undefined && '--sex',
  ].filter(Boolean);
  if (restingHr === undefined || maxHr === undefined || sex === undefined) {
    throw new UsageError(
      `${missing[0]}: is required for a CSV with avg_hr (Banister TRIMP needs ${missing.join(', ')})`,
    );
  }
  if (maxHr <= restingHr) throw new UsageError('--max-hr: must be above --resting-hr');
  return { restingHr, maxHr, sex };
}
