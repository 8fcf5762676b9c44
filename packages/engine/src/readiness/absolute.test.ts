import { describe, expect, it } from 'vitest';
import { applyAbsoluteChecks, RHR_TACHYCARDIA_BPM, RMSSD_VERY_LOW_MS } from './absolute.ts';
import type { HrvAssessment } from './hrv.ts';
import type { RestingHrAssessment } from './resting-hr.ts';
import type { ReadinessBaselineSource } from './types.ts';

const hrv = (baselineSource: ReadinessBaselineSource | null): HrvAssessment => ({
  signal: 'hrv',
  evidence: 0,
  penalty: 0,
  blocksGreen: false,
  veryLow: false,
  baselineSource,
  reasons: [],
});
const rhr = (baselineSource: ReadinessBaselineSource | null): RestingHrAssessment => ({
  signal: 'restingHr',
  evidence: 0,
  penalty: 0,
  blocksGreen: false,
  elevated: false,
  baselineSource,
  reasons: [],
});

describe('applyAbsoluteChecks (AHA tachycardia > 100 bpm; Nunan et al. 2010 rMSSD 19-75 ms)', () => {
  it('uses 100 bpm and 10 ms as the limits', () => {
    expect(RHR_TACHYCARDIA_BPM).toBe(100);
    expect(RMSSD_VERY_LOW_MS).toBe(10);
  });

  it('caps at 74 only when a reading crosses a limit without a personal baseline', () => {
    const none = { hrv: hrv(null), restingHrSignal: rhr(null) };
    expect(applyAbsoluteChecks(100, { ...none, restingHr: 100, hrvRmssd: 9 })).toMatchObject({
      score: 74,
      reasons: [{ code: 'RHR_VERY_HIGH_ABSOLUTE' }, { code: 'HRV_VERY_LOW_ABSOLUTE' }],
    });
    expect(applyAbsoluteChecks(100, { ...none, restingHr: 99, hrvRmssd: 10 })).toEqual({
      score: 100,
      reasons: [],
    });
    expect(applyAbsoluteChecks(100, { ...none, restingHr: undefined, hrvRmssd: undefined })).toEqual({
      score: 100,
      reasons: [],
    });
    // A typed-in baseline is not the runner's measured normal: the limits still apply.
    const typed = { hrv: hrv('runner'), restingHrSignal: rhr('runner') };
    expect(applyAbsoluteChecks(90, { ...typed, restingHr: 120, hrvRmssd: 5 }).score).toBe(74);
    // With a personal baseline the relative rules decide.
    const personal = { hrv: hrv('personal'), restingHrSignal: rhr('personal') };
    expect(applyAbsoluteChecks(90, { ...personal, restingHr: 120, hrvRmssd: 5 })).toEqual({
      score: 90,
      reasons: [],
    });
  });

  it('never raises a score that is already lower', () => {
    const none = { hrv: hrv(null), restingHrSignal: rhr(null) };
    const r = applyAbsoluteChecks(30, { ...none, restingHr: 110, hrvRmssd: undefined });
    expect(r.score).toBe(30);
    expect(r.reasons[0]!.data).toMatchObject({ scoreBefore: 30, cap: 74, restingHr: 110 });
  });
});
