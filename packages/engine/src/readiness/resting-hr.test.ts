import type { DailyMetrics } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../util/dates.ts';
import { priorDays } from './history.ts';
import { assessRestingHr, restingHrBaseline } from './resting-hr.ts';

const TODAY = '2026-05-20';
const TODAY_DAY = dayNumber(TODAY);

/** `n` mornings before today alternating 48 and 52 bpm (mean 50). */
function mornings(n: number): DailyMetrics[] {
  return Array.from({ length: n }, (_, i) => ({
    date: addDays(TODAY, -1 - i),
    restingHr: i % 2 === 0 ? 48 : 52,
  }));
}

describe('restingHrBaseline', () => {
  it('is the mean of the 60 days before today once 14 mornings exist', () => {
    expect(restingHrBaseline(mornings(14), TODAY)).toEqual({ mean: 50, count: 14, source: 'personal' });
    expect(restingHrBaseline(mornings(13), TODAY)).toBeNull();
    expect(restingHrBaseline(mornings(13), TODAY, 55)).toEqual({ mean: 55, count: 13, source: 'runner' });
    expect(() => restingHrBaseline([], TODAY, 10)).toThrow(/baselines.restingHr/);
  });
});

describe('assessRestingHr (Buchheit 2014: > 5 bpm notable, > 10 bpm strong)', () => {
  const days = priorDays(mornings(30), TODAY);

  it('costs nothing up to +5 bpm', () => {
    expect(assessRestingHr(days, TODAY_DAY, 55)).toMatchObject({
      penalty: 0,
      elevated: false,
      evidence: 1,
      reasons: [],
    });
    expect(assessRestingHr(days, TODAY_DAY, 44).penalty).toBe(0);
  });

  it('rises linearly to the full 30 points at +10 bpm and then blocks green', () => {
    const notable = assessRestingHr(days, TODAY_DAY, 57.5);
    expect(notable.penalty).toBeCloseTo(15, 10);
    expect(notable).toMatchObject({ elevated: true, blocksGreen: false });
    expect(notable.reasons[0]?.message).toBe(
      'Resting HR 58 bpm is 7.5 bpm above your baseline 50 bpm: notably raised (over +5 is notable, +10 or more strong).',
    );
    const strong = assessRestingHr(days, TODAY_DAY, 61);
    expect(strong).toMatchObject({ penalty: 30, elevated: true, blocksGreen: true });
    expect(strong.reasons[0]).toMatchObject({
      code: 'RHR_ELEVATED',
      data: { today: 61, baseline: 50, delta: 11, threshold: 5, strongThreshold: 10, points: 30 },
    });
  });

  it('counts a runner-entered baseline at half weight, never as elevated for the overrides', () => {
    const a = assessRestingHr([], TODAY_DAY, 62, 50);
    expect(a).toMatchObject({ penalty: 15, elevated: false, blocksGreen: false, evidence: 0.6 });
  });

  it('has no evidence without a reading today, and says when the baseline is missing', () => {
    expect(assessRestingHr(days, TODAY_DAY, undefined)).toMatchObject({
      evidence: 0,
      penalty: 0,
      reasons: [],
    });
    const none = assessRestingHr(priorDays(mornings(3), TODAY), TODAY_DAY, 60);
    expect(none).toMatchObject({ evidence: 0, penalty: 0 });
    expect(none.reasons[0]?.code).toBe('RHR_NO_BASELINE');
  });
});
