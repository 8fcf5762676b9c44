import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAdjustedPace, runGradeAdjustedPace, segmentsFromStream } from './grade-adjusted-pace.ts';

describe('gradeAdjustedPace (Minetti et al. 2002)', () => {
  it('is the pace itself on the flat', () => {
    const r = gradeAdjustedPace(300, 0);
    expect(r.paceSecPerKm).toBe(300);
    expect(r.costRatio).toBe(1);
  });

  it('scales pace by Cr(0) / Cr(i)', () => {
    // +10 %: Cr = 5.968 J/kg/m, so 6:00/km uphill is worth 360 x 3.6 / 5.968 = 217 s/km on the flat.
    expect(gradeAdjustedPace(360, 0.1).paceSecPerKm).toBeCloseTo((360 * 3.6) / 5.968, 0);
    // -10 %: Cr = 2.152, so 4:00/km downhill is worth 240 x 3.6 / 2.152 = 401 s/km on the flat.
    expect(gradeAdjustedPace(240, -0.1).paceSecPerKm).toBeCloseTo((240 * 3.6) / 2.152, 0);
  });

  it('clamps beyond ±45 % and says so', () => {
    const r = gradeAdjustedPace(900, 0.6);
    expect(r.clamped).toBe(true);
    expect(r.grade).toBe(0.45);
    expect(r.paceSecPerKm).toBeCloseTo(gradeAdjustedPace(900, 0.45).paceSecPerKm, 10);
    expect(r.reasons.map((x) => x.code)).toContain('GRADE_CLAMPED');
  });

  it('rejects bad input naming the field', () => {
    expect(() => gradeAdjustedPace(Number.NaN, 0)).toThrow(/paceSecPerKm/);
    expect(() => gradeAdjustedPace(300, 2)).toThrow(/grade/);
  });

  it('makes uphill paces faster and gentle downhill paces slower (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 150, max: 900, noNaN: true }),
        fc.double({ min: 0.005, max: 0.45, noNaN: true }),
        (pace, g) => {
          expect(gradeAdjustedPace(pace, g).paceSecPerKm).toBeLessThan(pace);
          expect(gradeAdjustedPace(pace, -Math.min(g, 0.2)).paceSecPerKm).toBeGreaterThan(pace);
        },
      ),
    );
  });
});

describe('runGradeAdjustedPace', () => {
  it('equals the single-gradient GAP for a steady climb', () => {
    const segs = [
      { distanceMeters: 1000, elevationChangeMeters: 50, durationSec: 330 },
      { distanceMeters: 1000, elevationChangeMeters: 50, durationSec: 330 },
    ];
    const r = runGradeAdjustedPace(segs);
    expect(r.paceSecPerKm).toBeCloseTo(330, 10);
    expect(r.gradeAdjustedPaceSecPerKm).toBeCloseTo(gradeAdjustedPace(330, 0.05).paceSecPerKm, 10);
    expect(r.elevationGainMeters).toBe(100);
  });

  it('makes an up-and-back loop harder than its flat pace', () => {
    const r = runGradeAdjustedPace([
      { distanceMeters: 5000, elevationChangeMeters: 250, durationSec: 1650 },
      { distanceMeters: 5000, elevationChangeMeters: -250, durationSec: 1350 },
    ]);
    expect(r.paceSecPerKm).toBe(300);
    expect(r.gradeAdjustedPaceSecPerKm).toBeLessThan(300);
    expect(r.elevationLossMeters).toBe(250);
  });

  it('ignores climb without distance and counts clamped segments', () => {
    const r = runGradeAdjustedPace([
      { distanceMeters: 0, elevationChangeMeters: 3, durationSec: 10 },
      { distanceMeters: 10, elevationChangeMeters: 8, durationSec: 20 },
      { distanceMeters: 1000, elevationChangeMeters: 0, durationSec: 300 },
    ]);
    expect(r.clampedSegments).toBe(1);
    expect(r.durationSec).toBe(330);
  });

  it('rejects empty or broken input naming the field', () => {
    expect(() => runGradeAdjustedPace([])).toThrow(/segments/);
    expect(() =>
      runGradeAdjustedPace([{ distanceMeters: -1, elevationChangeMeters: 0, durationSec: 1 }]),
    ).toThrow(/segments\[0\]\.distanceMeters/);
  });
});

describe('segmentsFromStream', () => {
  it('cuts at the minimum length and folds a short tail into the last segment', () => {
    const points = Array.from({ length: 13 }, (_, k) => ({
      distanceMeters: k * 10,
      elevationMeters: 100 + k,
      timeSec: k * 3,
    }));
    const segs = segmentsFromStream(points, 50);
    expect(segs).toHaveLength(2);
    expect(segs[0]).toEqual({ distanceMeters: 50, elevationChangeMeters: 5, durationSec: 15 });
    expect(segs[1]).toEqual({ distanceMeters: 70, elevationChangeMeters: 7, durationSec: 21 });
    const r = runGradeAdjustedPace(segs);
    expect(r.distanceMeters).toBe(120);
    expect(r.elevationGainMeters).toBe(12);
  });

  it('keeps a run shorter than one segment whole', () => {
    const segs = segmentsFromStream(
      [
        { distanceMeters: 0, elevationMeters: 0, timeSec: 0 },
        { distanceMeters: 20, elevationMeters: 1, timeSec: 6 },
      ],
      50,
    );
    expect(segs).toEqual([{ distanceMeters: 20, elevationChangeMeters: 1, durationSec: 6 }]);
  });

  it('rejects streams that go backwards', () => {
    expect(() =>
      segmentsFromStream([
        { distanceMeters: 10, elevationMeters: 0, timeSec: 0 },
        { distanceMeters: 5, elevationMeters: 0, timeSec: 1 },
      ]),
    ).toThrow(/points\[1\]/);
    expect(() => segmentsFromStream([{ distanceMeters: 0, elevationMeters: 0, timeSec: 0 }])).toThrow(
      /points/,
    );
  });
});
