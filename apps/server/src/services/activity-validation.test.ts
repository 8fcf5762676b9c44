import { describe, expect, it } from 'vitest';
import { impossibleValue } from './activity-validation.ts';

const run = { type: 'run' as const, durationSec: 3000, distanceMeters: 10_000, avgHr: 150, maxHr: 170 };

describe('impossibleValue', () => {
  it('accepts real efforts, including record-level ones', () => {
    expect(impossibleValue(run)).toBeNull();
    expect(impossibleValue({ ...run, distanceMeters: 42_195, durationSec: 7235 })).toBeNull();
    expect(impossibleValue({ ...run, distanceMeters: null, avgHr: null, maxHr: null })).toBeNull();
    expect(impossibleValue({ ...run, type: 'bike', distanceMeters: 40_000, durationSec: 3600 })).toBeNull();
    expect(impossibleValue({ ...run, type: 'strength', distanceMeters: null })).toBeNull();
  });

  it.each([
    ['a 10 km in 10 minutes', { ...run, durationSec: 600 }, /^distanceMeters: .*world record/],
    ['a marathon in 1:50', { ...run, distanceMeters: 42_195, durationSec: 6600 }, /world record/],
    ['a 400 m in 30 s', { ...run, distanceMeters: 400, durationSec: 30 }, /world record/],
    ['a zero duration', { ...run, durationSec: 0 }, /^durationSec:/],
    ['HR above 250', { ...run, maxHr: 260 }, /^maxHr: 260 bpm/],
    ['HR below 25', { ...run, avgHr: 20 }, /^avgHr: 20 bpm/],
    ['average above max', { ...run, avgHr: 180, maxHr: 170 }, /^avgHr: 180 bpm is above/],
    [
      'a 200 km/h ride',
      { ...run, type: 'bike' as const, distanceMeters: 200_000, durationSec: 3600 },
      /bike/,
    ],
    ['a 5 m/s swim', { ...run, type: 'swim' as const, distanceMeters: 1000, durationSec: 200 }, /swim/],
  ])('rejects %s with a reason naming the field', (_name, activity, reason) => {
    expect(impossibleValue(activity)).toMatch(reason);
  });
});
