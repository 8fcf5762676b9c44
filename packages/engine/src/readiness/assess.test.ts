import type { DailyMetrics, Readiness } from '@runningcoach/contracts';
import { ReadinessSchema } from '@runningcoach/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../util/dates.ts';
import { EngineError } from '../util/errors.ts';
import { assessReadiness, readinessColor } from './assess.ts';
import type { ReadinessInput } from './types.ts';

const TODAY = '2026-05-20';

/** 60 mornings before today: HRV around 60 ms (lnRMSSD SD ~0.06), resting HR around 50 bpm. */
function steadyHistory(days = 60): DailyMetrics[] {
  return Array.from({ length: days }, (_, i) => ({
    date: addDays(TODAY, -1 - i),
    hrvRmssd: Math.round(60 * Math.exp(0.08 * Math.sin(i * 1.7)) * 10) / 10,
    restingHr: 50 + Math.round(1.5 * Math.sin(i * 2.3)),
    sleepDurationMinutes: 450,
    sleepQuality: 4,
  }));
}

const RESTED: DailyMetrics = {
  date: TODAY,
  hrvRmssd: 62,
  restingHr: 49,
  sleepDurationMinutes: 480,
  sleepQuality: 4,
  soreness: 2,
  stress: 2,
  mood: 4,
  morningReadiness: 4,
};

const codes = (r: Readiness): string[] => r.reasons.map((x) => x.code);

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected an EngineError');
}

describe('readinessColor', () => {
  it('bands the score: green >= 75, yellow 40-74, red < 40', () => {
    expect([100, 75, 74, 40, 39, 0].map(readinessColor)).toEqual([
      'green',
      'green',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
  });
});

describe('assessReadiness scenarios', () => {
  it('a rested runner with normal values is green with full confidence', () => {
    const r = assessReadiness({ today: TODAY, metrics: RESTED, history: steadyHistory() });
    expect(r).toEqual({
      color: 'green',
      score: 100,
      confidence: 1,
      reasons: [
        {
          code: 'ALL_NORMAL',
          message:
            'Everything you logged is within your normal range (hrv, restingHr, sleep, soreness, stress, mood, morningReadiness).',
          data: { signals: 'hrv,restingHr,sleep,soreness,stress,mood,morningReadiness', count: 7 },
        },
      ],
    });
    expect(ReadinessSchema.parse(r)).toEqual(r);
  });

  it('a big HRV drop, resting HR +10, poor sleep and soreness 5 is red with every reason', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: {
        ...RESTED,
        hrvRmssd: 30,
        restingHr: 60,
        sleepDurationMinutes: 300,
        sleepQuality: 2,
        soreness: 5,
      },
      history: steadyHistory(),
    });
    expect(r.color).toBe('red');
    expect(r.score).toBe(0);
    expect(r.confidence).toBe(1);
    expect(codes(r)).toEqual([
      'OVERRIDE_RED',
      'OVERRIDE_RED',
      'HRV_BELOW_BASELINE',
      'RHR_ELEVATED',
      'SLEEP_SHORT',
      'SORENESS_HIGH',
    ]);
    expect(r.reasons.map((x) => x.data?.rule ?? null).slice(0, 2)).toEqual([
      'SORENESS_SEVERE',
      'HRV_DROP_WITH_RHR_ELEVATED',
    ]);
    const rhr = r.reasons.find((x) => x.code === 'RHR_ELEVATED');
    expect(rhr?.data).toMatchObject({ today: 60, delta: 10, threshold: 5, points: 30 });
    expect(ReadinessSchema.parse(r)).toEqual(r);
  });

  it('soreness 5 alone is red regardless of the score', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: { ...RESTED, soreness: 5 },
      history: steadyHistory(),
    });
    expect(r).toMatchObject({ color: 'red', score: 39 });
    expect(r.reasons[0]?.data).toMatchObject({ rule: 'SORENESS_SEVERE', scoreBefore: 70 });
  });

  it('a very large HRV drop with resting HR up is red even with good answers', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: { ...RESTED, hrvRmssd: 40, restingHr: 57 },
      history: steadyHistory(),
    });
    expect(r.color).toBe('red');
    expect(codes(r).slice(0, 3)).toEqual(['OVERRIDE_RED', 'HRV_DROP_TODAY', 'RHR_ELEVATED']);
  });

  it('moderate signals (soreness 4, stress 4, 6 h sleep) make the day yellow', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: { ...RESTED, soreness: 4, stress: 4, sleepDurationMinutes: 360, sleepQuality: 3 },
      history: steadyHistory(),
    });
    // 100 - 15 (soreness) - 12.5 (stress) - 10 (6 h of 7 h) = 62.5 -> 63
    expect(r).toMatchObject({ color: 'yellow', score: 63, confidence: 1 });
    expect(codes(r)).toEqual(['SORENESS_HIGH', 'STRESS_HIGH', 'SLEEP_SHORT']);
  });

  it('one signal at its worst keeps an otherwise fine day from green', () => {
    const r = assessReadiness({ today: TODAY, metrics: { ...RESTED, stress: 5 }, history: steadyHistory() });
    expect(r).toMatchObject({ color: 'yellow', score: 74 });
    expect(codes(r)).toEqual(['CAP_YELLOW', 'STRESS_HIGH']);
    expect(r.reasons[0]?.data).toMatchObject({ rule: 'WORST_SIGNAL', signals: 'stress', scoreBefore: 75 });
  });

  it('thin data: lower confidence, THIN_DATA, and the answers decide', () => {
    const answers: DailyMetrics = { date: TODAY, soreness: 2, stress: 3, mood: 4, morningReadiness: 4 };
    const fine = assessReadiness({ today: TODAY, metrics: answers, history: [] });
    expect(fine).toMatchObject({ color: 'green', score: 100, confidence: 0.3 });
    expect(codes(fine)).toEqual(['THIN_DATA', 'ALL_NORMAL']);
    expect(fine.reasons[0]?.message).toBe(
      'Based on limited data (confidence 0.30): no HRV reading; no resting HR reading; no sleep logged. ' +
        'Today leans on how you say you feel.',
    );
    const tired = assessReadiness({
      today: TODAY,
      metrics: { ...answers, soreness: 4, mood: 2, morningReadiness: 2 },
      history: [],
    });
    expect(tired).toMatchObject({ color: 'yellow', score: 58, confidence: 0.3 });
    expect(codes(tired)).toEqual(['SORENESS_HIGH', 'READINESS_LOW', 'MOOD_LOW', 'THIN_DATA']);
  });

  it('a watch without a baseline yet is THIN_DATA and its readings do not move the score', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: { ...RESTED, hrvRmssd: 20, restingHr: 70 },
      history: steadyHistory(5),
    });
    expect(r).toMatchObject({ color: 'green', score: 100, confidence: 0.5 });
    expect(codes(r)).toEqual(['HRV_NO_BASELINE', 'RHR_NO_BASELINE', 'THIN_DATA', 'ALL_NORMAL']);
    expect(r.reasons[2]?.message).toMatch(/HRV baseline still building \(5\/14 mornings\)/);
  });

  it('uses runner-entered baselines while history is thin, at lower confidence and weight', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: { ...RESTED, restingHr: 62 },
      history: [],
      baselines: { restingHr: 50, hrvRmssd: 62 },
    });
    // resting HR +12 on a runner-entered baseline: 15 points, no overrides
    expect(r).toMatchObject({ color: 'green', score: 85 });
    expect(r.confidence).toBe(0.72); // 0.3 x 0.7 x 0.5 + 0.2 x 0.6 + 0.2 + 0.3, to 2 decimals
    expect(codes(r)).toEqual(['RHR_ELEVATED', 'THIN_DATA']);
  });

  it('with nothing at all: green, score 100, confidence 0 and NO_DATA', () => {
    const r = assessReadiness({ today: TODAY, metrics: { date: TODAY }, history: [] });
    expect(r).toMatchObject({ color: 'green', score: 100, confidence: 0 });
    expect(codes(r)).toEqual(['NO_DATA']);
  });

  it('a first morning with heart readings but no baseline says what it received (NO_BASELINE, not NO_DATA)', () => {
    const r = assessReadiness({
      today: TODAY,
      metrics: { date: TODAY, restingHr: 95, hrvRmssd: 12 },
      history: [],
    });
    // 95 bpm and 12 ms are inside the absolute limits (< 100 bpm, >= 10 ms), so nothing caps the day.
    expect(r).toMatchObject({ color: 'green', score: 100, confidence: 0 });
    expect(codes(r)).toEqual(['HRV_NO_BASELINE', 'RHR_NO_BASELINE', 'NO_BASELINE']);
    const last = r.reasons.at(-1)!;
    expect(last.message).toMatch(/^Received HRV 12 ms and resting HR 95 bpm, but they cannot be judged yet/);
    expect(last.message).not.toMatch(/No check-in/);
    expect(last.data).toMatchObject({
      received: 'hrvRmssd,restingHr',
      hrvRmssd: 12,
      restingHr: 95,
      confidence: 0,
    });
    expect(ReadinessSchema.parse(r)).toEqual(r);
    const rhrOnly = assessReadiness({ today: TODAY, metrics: { date: TODAY, restingHr: 52 }, history: [] });
    expect(rhrOnly.reasons.at(-1)).toMatchObject({
      code: 'NO_BASELINE',
      data: { received: 'restingHr', hrvRmssd: null },
    });
    expect(rhrOnly.reasons.at(-1)!.message).toMatch(/^Received resting HR 52 bpm, but/);
  });

  it('resting HR >= 100 bpm without a baseline caps the day at yellow (AHA tachycardia)', () => {
    const at = (restingHr: number) =>
      assessReadiness({ today: TODAY, metrics: { date: TODAY, restingHr }, history: [] });
    const high = at(100);
    expect(high).toMatchObject({ color: 'yellow', score: 74, confidence: 0 });
    expect(codes(high)).toEqual(['RHR_VERY_HIGH_ABSOLUTE', 'RHR_NO_BASELINE', 'NO_BASELINE']);
    expect(high.reasons[0]!.data).toMatchObject({
      restingHr: 100,
      threshold: 100,
      baselineSource: null,
      cap: 74,
    });
    expect(ReadinessSchema.parse(high)).toEqual(high);
    expect(at(99)).toMatchObject({ color: 'green', score: 100 });
    expect(codes(at(99))).not.toContain('RHR_VERY_HIGH_ABSOLUTE');
  });

  it('rMSSD below 10 ms without a baseline caps the day at yellow', () => {
    const at = (hrvRmssd: number) =>
      assessReadiness({ today: TODAY, metrics: { ...RESTED, restingHr: undefined, hrvRmssd }, history: [] });
    const low = at(9.9);
    // The answers and sleep are fine (score 100, confidence 0.5), but the reading keeps the day from green.
    expect(low).toMatchObject({ color: 'yellow', score: 74, confidence: 0.5 });
    expect(codes(low)).toEqual(['HRV_VERY_LOW_ABSOLUTE', 'HRV_NO_BASELINE', 'THIN_DATA']);
    expect(low.reasons[0]!.data).toMatchObject({ hrvRmssd: 9.9, threshold: 10, scoreBefore: 100 });
    expect(at(10)).toMatchObject({ color: 'green', score: 100 });
  });

  it('a typed-in baseline does not hide an absolute limit; a personal baseline takes over from it', () => {
    // Runner-entered resting HR 50, today 105: the scaled relative penalty alone (15) would leave it green at 85.
    const typed = assessReadiness({
      today: TODAY,
      metrics: { ...RESTED, restingHr: 105 },
      history: [],
      baselines: { restingHr: 50, hrvRmssd: 62 },
    });
    expect(typed).toMatchObject({ color: 'yellow', score: 74 });
    expect(codes(typed)[0]).toBe('RHR_VERY_HIGH_ABSOLUTE');
    expect(typed.reasons[0]!.data).toMatchObject({ baselineSource: 'runner', scoreBefore: 85 });
    // A runner whose own 60-day normal is about 8 ms is judged against that, not against the population floor.
    const lowNormal = steadyHistory().map((d) => ({
      ...d,
      hrvRmssd: Math.round((d.hrvRmssd! / 60) * 8 * 10) / 10,
    }));
    const own = assessReadiness({ today: TODAY, metrics: { ...RESTED, hrvRmssd: 8 }, history: lowNormal });
    expect(own).toMatchObject({ color: 'green', score: 100, confidence: 1 });
    expect(codes(own)).not.toContain('HRV_VERY_LOW_ABSOLUTE');
  });

  it('a falling 7-day HRV trend shows even without a reading today', () => {
    const history = steadyHistory().map((d, i) => (i < 4 ? { ...d, hrvRmssd: 45 } : d));
    const r = assessReadiness({ today: TODAY, metrics: { ...RESTED, hrvRmssd: undefined }, history });
    expect(codes(r)).toContain('HRV_BELOW_BASELINE');
    expect(r.confidence).toBeCloseTo(0.3 * 0.7 + 0.7, 10);
  });
});

describe('assessReadiness validation', () => {
  const ok: ReadinessInput = { today: TODAY, metrics: RESTED, history: steadyHistory() };

  it('names the field at fault', () => {
    expect(engineError(() => assessReadiness({ ...ok, metrics: { ...RESTED, soreness: 7 } })).field).toBe(
      'metrics.soreness',
    );
    expect(
      engineError(() => assessReadiness({ ...ok, metrics: { ...RESTED, date: '2026-05-19' } })),
    ).toMatchObject({
      code: 'DATE_MISMATCH',
      field: 'metrics.date',
    });
    expect(engineError(() => assessReadiness({ ...ok, today: '2026-5-20' })).field).toBe('today');
    expect(engineError(() => assessReadiness({ ...ok, baselines: { hrvRmssd: 0 } })).field).toBe(
      'baselines.hrvRmssd',
    );
    const bad = [...steadyHistory(), { date: '2026-01-01', stress: 0 }];
    expect(engineError(() => assessReadiness({ ...ok, history: bad })).field).toBe('history[60].stress');
  });

  it('rejects a missing input, metrics or history', () => {
    expect(engineError(() => assessReadiness(null as unknown as ReadinessInput)).field).toBe('input');
    expect(engineError(() => assessReadiness(undefined as unknown as ReadinessInput)).field).toBe('input');
    const noMetrics = { today: TODAY, history: [] } as unknown as ReadinessInput;
    expect(engineError(() => assessReadiness(noMetrics))).toMatchObject({
      field: 'metrics',
      code: 'INVALID_INPUT',
    });
    for (const history of [undefined, null, 'x', { 0: RESTED }]) {
      const input = { today: TODAY, metrics: RESTED, history } as unknown as ReadinessInput;
      expect(engineError(() => assessReadiness(input))).toMatchObject({
        field: 'history',
        code: 'INVALID_INPUT',
      });
    }
  });

  it('ignores history dated on or after today', () => {
    const future = [
      { date: TODAY, hrvRmssd: 5 },
      { date: addDays(TODAY, 2), restingHr: 140 },
    ];
    expect(assessReadiness({ ...ok, history: [...steadyHistory(), ...future] })).toEqual(assessReadiness(ok));
  });
});

// ---- properties ----

const answer = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const metricsArb: fc.Arbitrary<DailyMetrics> = fc.record({
  date: fc.constant(TODAY),
  // Up to 110 bpm and down to 5 ms so the absolute limits (>= 100 bpm, < 10 ms) are exercised too.
  restingHr: fc.option(fc.integer({ min: 35, max: 110 }), { nil: undefined }),
  hrvRmssd: fc.option(fc.double({ min: 5, max: 200, noNaN: true }), { nil: undefined }),
  sleepDurationMinutes: fc.option(fc.integer({ min: 0, max: 720 }), { nil: undefined }),
  sleepQuality: answer,
  soreness: answer,
  stress: answer,
  mood: answer,
  morningReadiness: answer,
});
const dayArb: fc.Arbitrary<DailyMetrics> = fc.record({
  date: fc.integer({ min: -80, max: 3 }).map((n) => addDays(TODAY, n)),
  restingHr: fc.option(fc.integer({ min: 35, max: 90 }), { nil: undefined }),
  hrvRmssd: fc.option(fc.double({ min: 10, max: 200, noNaN: true }), { nil: undefined }),
});
// Dense enough histories that personal baselines often exist.
const historyArb = fc.oneof(
  fc.array(dayArb, { maxLength: 10 }),
  fc.array(dayArb, { minLength: 30, maxLength: 90 }),
);
const baselinesArb = fc.option(
  fc.record(
    { restingHr: fc.integer({ min: 35, max: 80 }), hrvRmssd: fc.double({ min: 10, max: 200, noNaN: true }) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const inputArb: fc.Arbitrary<ReadinessInput> = fc
  .tuple(metricsArb, historyArb, baselinesArb)
  .map(([metrics, history, baselines]) =>
    baselines ? { today: TODAY, metrics, history, baselines } : { today: TODAY, metrics, history },
  );

describe('assessReadiness properties', () => {
  it('score in [0,100], confidence in [0,1], colour matches the score, output fits the contract', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = assessReadiness(input);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.color).toBe(readinessColor(r.score));
        expect(r.reasons.length).toBeGreaterThan(0);
        ReadinessSchema.parse(r);
      }),
    );
  });

  it('is monotonic: worse soreness, stress, mood, readiness or sleep never raises the score', () => {
    const worse = (a: number, b: number, high: boolean) => (high ? Math.max(a, b) : Math.min(a, b));
    const better = (a: number, b: number, high: boolean) => (high ? Math.min(a, b) : Math.max(a, b));
    const pair = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom(
          'soreness',
          'stress',
          'mood',
          'morningReadiness',
          'sleepQuality',
          'sleepDurationMinutes',
        ),
        pair,
        fc.tuple(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 720 })),
        (input, field, [a, b], [m1, m2]) => {
          const high = field === 'soreness' || field === 'stress';
          const [bad, good] =
            field === 'sleepDurationMinutes'
              ? [Math.min(m1, m2), Math.max(m1, m2)]
              : [worse(a, b, high), better(a, b, high)];
          const at = (v: number) => assessReadiness({ ...input, metrics: { ...input.metrics, [field]: v } });
          expect(at(bad).score).toBeLessThanOrEqual(at(good).score);
        },
      ),
    );
  });

  it('does not depend on the order of history', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.integer(), { minLength: 90, maxLength: 90 }), (input, keys) => {
        const shuffled = input.history
          .map((d, i) => ({ d, k: keys[i] ?? 0, i }))
          .sort((x, y) => x.k - y.k || y.i - x.i)
          .map((x) => x.d);
        expect(assessReadiness({ ...input, history: shuffled })).toEqual(assessReadiness(input));
      }),
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const frozen = structuredClone(input);
        const first = assessReadiness(input);
        expect(assessReadiness(input)).toEqual(first);
        expect(input).toEqual(frozen);
      }),
    );
  });
});
