import { CliError } from '../errors.ts';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1), for error messages. */
  line: number;
  cells: Record<string, string>;
}

export interface Csv {
  header: string[];
  rows: CsvRow[];
}

/**
 * A small CSV reader for hand-made and spreadsheet-exported files: comma-separated, optional double quotes
 * around a cell, blank lines and `#` comments skipped, header names lower-cased.
 */
export function parseCsv(text: string, file: string): Csv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = splitLine(raw);
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      return;
    }
    if (cells.length !== header.length) {
      throw new CliError(`${file} line ${line}: expected ${header.length} columns, got ${cells.length}`, 2);
    }
    const record: Record<string, string> = {};
    header.forEach((name, j) => (record[name] = cells[j] ?? ''));
    rows.push({ line, cells: record });
  });
  if (!header) throw new CliError(`${file}: empty file, expected a header line`, 2);
  return { header, rows };
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** A numeric cell, with an error naming the file, line and column. */
export function csvNumber(
  row: CsvRow,
  column: string,
  file: string,
  min = -Infinity,
  max = Infinity,
): number {
  const text = row.cells[column] ?? '';
  const value = text === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new CliError(`${file} line ${row.line}, column ${column}: expected a number, got "${text}"`, 2);
  }
  if (value < min || value > max) {
    throw new CliError(
      `${file} line ${row.line}, column ${column}: must be between ${min} and ${max}, got ${text}`,
      2,
    );
  }
  return value;
}
