import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessSleep, sleepIndex, sleepPenaltyFraction } from './sleep.ts';

describe('sleepIndex = hours x min(1, quality / 3)', () => {
  it('counts normal-or-better nights at face value and discounts poor ones', () => {
    expect(sleepIndex(480, 4)).toBe(8);
    expect(sleepIndex(480, 3)).toBe(8);
    expect(sleepIndex(480, 2)).toBeCloseTo(16 / 3, 10);
    expect(sleepIndex(420, 1)).toBeCloseTo(7 / 3, 10);
  });

  it('takes a missing part as normal (7 h, quality 3)', () => {
    expect(sleepIndex(360)).toBe(6);
    expect(sleepIndex(undefined, 2)).toBeCloseTo(14 / 3, 10);
    expect(sleepIndex(undefined, 5)).toBe(7);
    expect(sleepIndex()).toBeNull();
  });
});

describe('sleepPenaltyFraction (Watson et al. 2015: >= 7 h; Van Dongen et al. 2003: 4 h)', () => {
  it('is 0 from 7 h, 1 at 4 h, linear between', () => {
    expect(sleepPenaltyFraction(9)).toBe(0);
    expect(sleepPenaltyFraction(7)).toBe(0);
    expect(sleepPenaltyFraction(5.5)).toBe(0.5);
    expect(sleepPenaltyFraction(4)).toBe(1);
    expect(sleepPenaltyFraction(0)).toBe(1);
  });
});

describe('assessSleep', () => {
  it('costs nothing for 7 h of normal sleep', () => {
    expect(assessSleep(420, 3)).toEqual({
      signal: 'sleep',
      evidence: 1,
      penalty: 0,
      blocksGreen: false,
      reasons: [],
    });
  });

  it('flags short sleep with the numbers', () => {
    const a = assessSleep(300, 3);
    expect(a.penalty).toBe(20);
    expect(a.reasons[0]).toEqual({
      code: 'SLEEP_SHORT',
      message: 'You slept 5 h (quality 3/5), which counts as 5 h against the 7 h adults need at least.',
      data: { hours: 5, quality: 3, sleepIndex: 5, recommendedHours: 7, points: 20 },
    });
  });

  it('flags poor quality after a long enough night', () => {
    const a = assessSleep(480, 2);
    expect(a.reasons[0]?.code).toBe('SLEEP_POOR');
    expect(a.penalty).toBeCloseTo(30 * ((7 - 16 / 3) / 3), 10);
  });

  it('blocks green at or below 4 quality-adjusted hours, and gives half evidence for one part', () => {
    expect(assessSleep(200, 4)).toMatchObject({ penalty: 30, blocksGreen: true });
    expect(assessSleep(undefined, 1)).toMatchObject({ penalty: 30, blocksGreen: true, evidence: 0.5 });
    expect(assessSleep(450).evidence).toBe(0.5);
    expect(assessSleep()).toMatchObject({ evidence: 0, penalty: 0 });
  });

  it('never rewards shorter or worse-rated sleep', () => {
    const minutes = fc.integer({ min: 0, max: 1440 });
    const quality = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(minutes, minutes, quality, quality, (m1, m2, q1, q2) => {
        const worse = assessSleep(Math.min(m1, m2), Math.min(q1, q2)).penalty;
        expect(worse).toBeGreaterThanOrEqual(assessSleep(Math.max(m1, m2), Math.max(q1, q2)).penalty);
      }),
    );
  });
});
