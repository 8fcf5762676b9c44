import type { DailyMetrics } from '@runningcoach/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../util/dates.ts';
import { mean, stdDev } from '../util/math.ts';
import { priorDays } from './history.ts';
import { ASSUMED_LN_RMSSD_SD, assessHrv, lnRmssd, lnRmssdBaseline, lnRmssdRolling } from './hrv.ts';

const TODAY = '2026-05-20';
const TODAY_DAY = dayNumber(TODAY);

/** HRV readings on the days `from`..`to` days before today, alternating 50 and 70 ms. */
function alternating(from: number, to: number): DailyMetrics[] {
  const out: DailyMetrics[] = [];
  for (let back = from; back >= to; back--) {
    out.push({ date: addDays(TODAY, -back), hrvRmssd: back % 2 === 0 ? 50 : 70 });
  }
  return out;
}

describe('lnRmssd', () => {
  it('is the natural log of rMSSD in ms (Plews et al. 2012)', () => {
    expect(lnRmssd(60)).toBeCloseTo(4.0943, 4);
    expect(lnRmssd(100)).toBeCloseTo(4.6052, 4);
    expect(() => lnRmssd(2)).toThrow(/hrvRmssd/);
  });
});

describe('lnRmssdBaseline', () => {
  it('is the mean and SD of lnRMSSD over the 60 days before today', () => {
    const history = alternating(60, 41); // 20 readings, 10 of each
    const b = lnRmssdBaseline(history, TODAY);
    expect(b).toMatchObject({ count: 20, source: 'personal' });
    expect(b?.mean).toBeCloseTo((Math.log(50) + Math.log(70)) / 2, 10);
    expect(b?.sd).toBeCloseTo((Math.log(70) - Math.log(50)) / 2, 10);
  });

  it('ignores readings older than 60 days and on/after today', () => {
    const history = [
      ...alternating(60, 47), // 14 readings
      { date: addDays(TODAY, -61), hrvRmssd: 10 },
      { date: TODAY, hrvRmssd: 10 },
      { date: addDays(TODAY, 3), hrvRmssd: 10 },
    ];
    expect(lnRmssdBaseline(history, TODAY)).toMatchObject({ count: 14, source: 'personal' });
  });

  it('needs 14 readings, then falls back to the runner-entered value with an assumed SD', () => {
    const history = alternating(60, 48); // 13 readings
    expect(lnRmssdBaseline(history, TODAY)).toBeNull();
    expect(lnRmssdBaseline(history, TODAY, 55)).toEqual({
      mean: Math.log(55),
      sd: ASSUMED_LN_RMSSD_SD,
      count: 13,
      source: 'runner',
    });
  });
});

describe('lnRmssdRolling', () => {
  it('averages the last 7 days including today and needs 3 readings (Plews et al. 2014)', () => {
    const history: DailyMetrics[] = [
      { date: addDays(TODAY, -7), hrvRmssd: 20 }, // outside the 7-day window
      { date: addDays(TODAY, -6), hrvRmssd: 50 },
      { date: addDays(TODAY, -1), hrvRmssd: 70 },
    ];
    expect(lnRmssdRolling(history, TODAY)).toBeNull();
    const r = lnRmssdRolling(history, TODAY, 60);
    expect(r?.count).toBe(3);
    expect(r?.mean).toBeCloseTo((Math.log(50) + Math.log(70) + Math.log(60)) / 3, 10);
  });
});

describe('assessHrv', () => {
  const baseHistory = alternating(60, 10); // 51 readings, none in the last 9 days
  const days = priorDays(baseHistory, TODAY);
  const values = baseHistory.map((d) => Math.log(d.hrvRmssd!));
  const m = mean(values);
  const sd = stdDev(values);

  it('costs nothing within the smallest worthwhile change (0.5 SD)', () => {
    const a = assessHrv(days, TODAY_DAY, Math.exp(m - 0.4 * sd));
    expect(a).toMatchObject({ penalty: 0, blocksGreen: false, veryLow: false, reasons: [] });
    expect(a.evidence).toBeCloseTo(0.7, 10); // today only, no valid 7-day mean
  });

  it('scores a single low morning from 1 SD (nothing) to 2 SD (full 40 points) below', () => {
    const a = assessHrv(days, TODAY_DAY, Math.exp(m - 1.5 * sd));
    expect(a.penalty).toBeCloseTo(20, 6);
    expect(a.reasons[0]?.code).toBe('HRV_DROP_TODAY');
    expect(a.reasons[0]?.data).toMatchObject({ zToday: -1.5, baselineSource: 'personal', baselineDays: 51 });
    expect(assessHrv(days, TODAY_DAY, Math.exp(m - 1.45 * sd)).veryLow).toBe(false);
    expect(assessHrv(days, TODAY_DAY, Math.exp(m - 1.55 * sd))).toMatchObject({
      veryLow: true,
      blocksGreen: true,
    });
    const b = assessHrv(days, TODAY_DAY, Math.exp(m - 2.5 * sd));
    expect(b.penalty).toBeCloseTo(40, 6);
    expect(b).toMatchObject({ veryLow: true, blocksGreen: true });
  });

  it('reads the 7-day mean against the SWC band and reports the numbers', () => {
    const low = Math.exp(m - 1.2 * sd);
    const history = [
      ...baseHistory,
      { date: addDays(TODAY, -2), hrvRmssd: low },
      { date: addDays(TODAY, -1), hrvRmssd: low },
    ];
    const d = priorDays(history, TODAY);
    const base = [...values, Math.log(low), Math.log(low)];
    const bm = mean(base);
    const bsd = stdDev(base);
    const z7 = (Math.log(low) - bm) / bsd;
    const a = assessHrv(d, TODAY_DAY, low);
    expect(a.reasons[0]?.code).toBe('HRV_BELOW_BASELINE');
    expect(a.penalty).toBeCloseTo(40 * ((-z7 - 0.5) / 1), 6);
    expect(a.reasons[0]?.message).toMatch(
      /HRV 7-day average \d\.\d+ \(ln rMSSD\) is \d\.\d SD below your 60-day baseline/,
    );
    expect(a.reasons[0]?.data).toMatchObject({ rollingDays: 3, threshold: -0.5 });
    expect(a.evidence).toBe(1);
  });

  it('notes a 7-day mean far above baseline without scoring it', () => {
    const high = Math.exp(m + 3 * sd);
    const history = [
      ...baseHistory,
      { date: addDays(TODAY, -2), hrvRmssd: high },
      { date: addDays(TODAY, -1), hrvRmssd: high },
    ];
    const a = assessHrv(priorDays(history, TODAY), TODAY_DAY, high);
    expect(a.penalty).toBe(0);
    expect(a.reasons.map((r) => r.code)).toEqual(['HRV_ABOVE_BASELINE']);
  });

  it('halves the weight and never blocks green on a runner-entered baseline', () => {
    const a = assessHrv([], TODAY_DAY, Math.exp(Math.log(60) - 2 * ASSUMED_LN_RMSSD_SD), 60);
    expect(a.penalty).toBeCloseTo(20, 6);
    expect(a).toMatchObject({ blocksGreen: false, veryLow: false, evidence: 0.35 });
    expect(a.reasons[0]?.message).toMatch(/the baseline you entered/);
  });

  it('says so when there is a reading but no baseline', () => {
    const a = assessHrv(priorDays(alternating(20, 10), TODAY), TODAY_DAY, 55);
    expect(a).toMatchObject({ evidence: 0, penalty: 0 });
    expect(a.reasons[0]).toMatchObject({ code: 'HRV_NO_BASELINE', data: { baselineDays: 11, needed: 14 } });
  });

  it('never rewards a lower reading', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3, max: 300, noNaN: true }),
        fc.double({ min: 3, max: 300, noNaN: true }),
        (x, y) => {
          const [lo, hi] = x < y ? [x, y] : [y, x];
          expect(assessHrv(days, TODAY_DAY, lo).penalty).toBeGreaterThanOrEqual(
            assessHrv(days, TODAY_DAY, hi).penalty,
          );
        },
      ),
    );
  });
});
