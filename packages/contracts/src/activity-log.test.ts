import { describe, expect, it } from 'vitest';
import { DateRangeQuerySchema, ManualActivitySchema } from './index.ts';

const run = { date: '2026-11-20', type: 'run', durationSec: 3600, distanceMeters: 10_000, rpe: 6 };

describe('ManualActivitySchema', () => {
  it('accepts a manual log', () => {
    expect(ManualActivitySchema.parse(run)).toEqual(run);
  });

  it.each([
    ['durationSec', { ...run, durationSec: 0 }],
    ['maxHr', { ...run, avgHr: 160, maxHr: 150 }],
    ['internalLoad', { ...run, internalLoad: 1 }],
    ['type', { ...run, type: 'fly' }],
  ])('rejects a bad %s', (field, body) => {
    const res = ManualActivitySchema.safeParse(body);
    expect(res.success).toBe(false);
    const issue = res.error!.issues[0]!;
    expect(issue.code === 'unrecognized_keys' ? issue.keys : issue.path).toEqual([field]);
  });
});

describe('DateRangeQuerySchema', () => {
  it('accepts open and closed ranges, not reversed ones', () => {
    expect(DateRangeQuerySchema.parse({})).toEqual({});
    expect(DateRangeQuerySchema.parse({ from: '2026-01-01', to: '2026-01-31' })).toBeTruthy();
    expect(
      DateRangeQuerySchema.safeParse({ from: '2026-02-01', to: '2026-01-31' }).error!.issues[0]!.path,
    ).toEqual(['from']);
  });
});

describe('ManualActivitySchema samples (server extension)', () => {
  const samples = { t: [0, 1, 2], hr: [120, null, 125], lat: [52.5, 52.5001, 52.5002] };

  it('accepts columnar samples with nulls', () => {
    expect(ManualActivitySchema.parse({ ...run, samples })).toEqual({ ...run, samples });
  });

  it.each([
    [['samples', 'hr'], { ...samples, hr: [120] }],
    [['samples', 't', 2], { ...samples, t: [0, 2, 1] }],
    [['samples', 'hr', 0], { ...samples, hr: [260, null, 125] }],
    [['samples', 't'], { t: [] }],
  ])('names the bad field %j', (path, bad) => {
    const res = ManualActivitySchema.safeParse({ ...run, samples: bad });
    expect(res.error!.issues[0]!.path).toEqual(path);
  });
});
