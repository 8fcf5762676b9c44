import { describe, expect, it } from 'vitest';
import { csvNumber, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads a header, quoted cells, and skips blanks and comments with true line numbers', () => {
    const csv = parseCsv('Date,Load\n# note\n\n2026-01-01,"1,5"\n2026-01-02,40\n', 'x.csv');
    expect(csv.header).toEqual(['date', 'load']);
    expect(csv.rows).toEqual([
      { line: 4, cells: { date: '2026-01-01', load: '1,5' } },
      { line: 5, cells: { date: '2026-01-02', load: '40' } },
    ]);
  });

  it('names the line of a row with the wrong column count', () => {
    expect(() => parseCsv('date,load\n2026-01-01\n', 'x.csv')).toThrow(
      'x.csv line 2: expected 2 columns, got 1',
    );
  });

  it('names line and column of a bad number', () => {
    const { rows } = parseCsv('date,load\n2026-01-01,abc\n', 'x.csv');
    expect(() => csvNumber(rows[0]!, 'load', 'x.csv')).toThrow(
      'x.csv line 2, column load: expected a number',
    );
  });
});
