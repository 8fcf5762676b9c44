import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, run } from '../test-helpers.ts';

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rc-load-')), name);
  writeFileSync(path, text);
  return path;
}

describe('load', () => {
  it('prints the last days with risk flags and a summary', async () => {
    const r = await run(['load', fixture('loads.csv'), '--days', '7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Training load, last 7 days (2026-03-01 to 2026-03-07)');
    expect(r.stdout).toMatch(
      /!\s+2026-03-07\s+200\s+128\.9\s+80\.4\s+1\.60\s+-48\.5\s+2\.08\s+ACWR high, monotony high/,
    );
    expect(r.stdout).toMatch(/^\s+2026-03-04\s+0\s/m);
    expect(r.stdout).toContain('Summary 2026-03-07: acute 128.9, chronic 80.4, ACWR 1.60');
    expect(r.stdout).toContain('3 flagged days in the last 7');
    expect(r.stdout).not.toContain('2026-02-28');
  });

  it('defaults to 28 days', async () => {
    const r = await run(['load', fixture('loads.csv')]);
    expect(r.stdout).toContain('last 28 days (2026-02-08 to 2026-03-07)');
  });

  it('prints the full series as JSON', async () => {
    const r = await run(['load', fixture('loads.csv'), '--json']);
    const series = JSON.parse(r.stdout);
    expect(series).toHaveLength(35);
    expect(series[0]).toMatchObject({ date: '2026-02-01', load: 50 });
    expect(series[34].flags.map((f: { code: string }) => f.code)).toEqual(['ACWR_HIGH', 'MONOTONY_HIGH']);
  });

  it('reads JSON, session-RPE and TRIMP inputs', async () => {
    const json = JSON.parse((await run(['load', fixture('loads.json'), '--json'])).stdout);
    expect(json.map((d: { load: number }) => d.load)).toEqual([50, 0, 60]);

    const rpe = JSON.parse((await run(['load', fixture('loads-rpe.csv'), '--json'])).stdout);
    // Foster: RPE x minutes; the missing 2026-02-03 is a rest day.
    expect(rpe.map((d: { load: number }) => d.load)).toEqual([180, 420, 0, 90]);

    const hr = await run([
      'load',
      fixture('loads-hr.csv'),
      '--resting-hr',
      '50',
      '--max-hr',
      '190',
      '--sex',
      'male',
      '--json',
    ]);
    expect(hr.code).toBe(0);
    expect(JSON.parse(hr.stdout)[0].load).toBeGreaterThan(40);
  });

  it('names the line and column of a malformed row', async () => {
    const r = await run(['load', fixture('loads-bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*loads-bad\.csv line 4, column load: expected a number, got "abc"\n$/);
  });

  it.each([
    ['date,load\n2026-02-01,50\n2026-02-31,40\n', 'line 3, column date: is not a calendar date'],
    ['date,load\n2026-02-01,50,7\n', 'line 2: expected 2 columns, got 3'],
    ['date,load\n2026-02-01,-5\n', 'line 2, column load: must be between 0'],
    ['date,rpe,duration_min\n2026-02-01,11,30\n', 'line 2, column rpe: must be between 0 and 10'],
    ['day,km\n2026-02-01,5\n', 'line 1: missing the date column'],
    ['date,km\n2026-02-01,5\n', 'line 1: expected a header date,load'],
  ])('rejects bad CSV content with exit 2 (%#)', async (text, message) => {
    const r = await run(['load', tempFile('bad.csv', text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('rejects bad JSON content with exit 2', async () => {
    const notJson = await run(['load', tempFile('x.json', '[{')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');
    const badLoad = await run(['load', tempFile('x.json', '[{"date":"2026-02-01","load":"a lot"}]')]);
    expect(badLoad.code).toBe(2);
    expect(badLoad.stderr).toContain('[0].load: expected a number');
  });

  it('fails with exit 1 on a missing file', async () => {
    const r = await run(['load', 'no-such-file.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot read no-such-file.csv: no such file\n');
  });

  it.each([
    [[], 'missing the file argument'],
    [[fixture('loads.csv'), 'extra.csv'], 'unexpected argument "extra.csv"'],
    [[fixture('loads.csv'), '--days', '0'], '--days'],
    [[fixture('loads.csv'), '--days', 'week'], '--days'],
    [[fixture('loads-hr.csv')], '--resting-hr'],
    [[fixture('loads-hr.csv'), '--resting-hr', '50', '--max-hr', '190'], '--sex'],
    [[fixture('loads-hr.csv'), '--resting-hr', '50', '--max-hr', '190', '--sex', 'x'], '--sex'],
  ])('bad usage %j exits 2 naming %s', async (args, message) => {
    const r = await run(['load', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
  });
});
