import { describe, expect, it } from 'vitest';
import { applyEdit, isDuplicate, mergeDuplicates, type RuleValues } from './conflict-rules.ts';

const at = (iso: string, extra: Partial<RuleValues & { id: string }> = {}): RuleValues & { id: string } => ({
  id: 'a',
  date: iso.slice(0, 10),
  startTime: iso,
  type: 'run',
  durationSec: 1800,
  distanceMeters: 5000,
  avgHr: null,
  maxHr: null,
  elevationGainMeters: null,
  rpe: null,
  feeling: null,
  notes: null,
  source: 'manual',
  workoutId: null,
  ...extra,
});

describe('conflict rules (shared by the server and the apps)', () => {
  it('9:59 apart is one activity, 10:01 apart two, another type never', () => {
    const a = at('2026-05-01T06:00:00.000Z');
    expect(isDuplicate(a, at('2026-05-01T06:09:59.000Z'))).toBe(true);
    expect(isDuplicate(a, at('2026-05-01T06:10:01.000Z'))).toBe(false);
    expect(isDuplicate(a, at('2026-05-01T06:01:00.000Z', { type: 'bike' }))).toBe(false);
    // PostgreSQL's text form reads as the same instant.
    expect(isDuplicate(a, at('2026-05-01 06:09:00+00'))).toBe(true);
  });

  it('a merge gives the same survivor and values whichever record arrives first', () => {
    const manual = at('2026-05-01T06:00:00.000Z', { id: 'm', rpe: 7, notes: 'strong', distanceMeters: 9000 });
    const device = at('2026-05-01T06:02:00.000Z', { id: 'd', source: 'garmin', distanceMeters: 10_123 });
    const one = mergeDuplicates(manual, device);
    const two = mergeDuplicates(device, manual);
    expect(one.survivor.id).toBe('d');
    expect(two.survivor.id).toBe('d');
    expect(one.values).toEqual(two.values);
    expect(one.values).toMatchObject({ source: 'garmin', distanceMeters: 10_123, rpe: 7, notes: 'strong' });
  });

  it("a manual edit keeps a device record's measurements and takes the runner's feelings", () => {
    const stored = at('2026-05-01T06:00:00.000Z', { source: 'garmin', distanceMeters: 10_000, rpe: 3 });
    const edit = at('2026-05-01T06:00:00.000Z', { distanceMeters: 8000, rpe: 6 });
    const { values, kept } = applyEdit(stored, edit);
    expect(values).toMatchObject({ source: 'garmin', distanceMeters: 10_000, rpe: 6 });
    expect(kept).toEqual(['distanceMeters']);
    // A device re-sending the record without feelings does not clear them.
    const resent = applyEdit(values, { ...stored, rpe: null });
    expect(resent.values.rpe).toBe(6);
  });
});
