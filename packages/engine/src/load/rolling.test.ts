import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../util/dates.ts';
import { loadRiskFlags } from './risk.ts';
import { rollingLoad, type DailyLoad, type RollingLoadOptions } from './rolling.ts';
import { fieldOf } from '../util/testing.ts';

const series = (start: string, loads: number[]) =>
  loads.map((load, i) => ({ date: addDays(start, i), load }));

describe('rollingLoad', () => {
  it('EWMA follows Williams et al. 2017 (λa = 2/8, λc = 2/29) from a seeded history', () => {
    const out = rollingLoad(series('2026-01-01', [100, 0, 100]), { seed: { acute: 50, chronic: 50 } });
    expect(out[0]!.acute).toBeCloseTo(62.5, 2); // 100 x 0.25 + 0.75 x 50
    expect(out[0]!.chronic).toBeCloseTo(53.45, 2); // 100 x 2/29 + 27/29 x 50
    expect(out[1]!.acute).toBeCloseTo(46.88, 2);
    expect(out[2]!.acute).toBeCloseTo(100 * 0.25 + 0.75 * 46.875, 2);
    expect(out[2]!.tsb).toBeCloseTo(out[2]!.chronic - out[2]!.acute, 1);
    expect(out[2]!.acwr).toBeCloseTo(out[2]!.acute / out[2]!.chronic, 2);
  });

  it("without a seed the EWMAs are bias-corrected: day one reads the day's load, and the columns add up", () => {
    const out = rollingLoad(series('2026-01-01', [100, 0, 100]));
    expect(out[0]!.acute).toBeCloseTo(100, 2); // 25 / (1 - 0.75)
    expect(out[0]!.chronic).toBeCloseTo(100, 2); // (200/29) / (1 - 27/29)
    expect(out[1]!.acute).toBeCloseTo(18.75 / (1 - 0.75 ** 2), 2);
    expect(out[2]!.tsb).toBeCloseTo(out[2]!.chronic - out[2]!.acute, 1);
  });

  it('a steady load converges to ACWR 1 and TSB 0', () => {
    const out = rollingLoad(series('2025-01-01', Array(200).fill(300)));
    const lastDay = out.at(-1)!;
    expect(lastDay.acwr).toBeCloseTo(1, 3);
    expect(Math.abs(lastDay.tsb)).toBeLessThan(0.5);
    expect(lastDay.fitness).toBeCloseTo(300 * (1 - Math.exp(-200 / 42)), 0);
  });

  it('Foster 1998 monotony and strain for a worked week (hand-computed: 1.370 and 2672)', () => {
    // Loads 300,0,450,300,0,600,300: weekly 1950, mean 278.57, population SD 203.29.
    const out = rollingLoad(series('2026-03-02', [300, 0, 450, 300, 0, 600, 300]));
    expect(out[6]!.monotony).toBeCloseTo(1.37, 2);
    expect(out[6]!.strain).toBeCloseTo(2672, -1);
    expect(out[5]!.monotony).toBeNull();
  });

  it('identical days are maximally monotonous and flagged; varied days are not', () => {
    const same = rollingLoad(series('2026-03-02', Array(7).fill(400))).at(-1)!;
    expect(same.monotony).toBe(10);
    expect(loadRiskFlags(same).map((f) => f.code)).toContain('MONOTONY_HIGH');
    const varied = rollingLoad(series('2026-03-02', [600, 0, 300, 500, 0, 900, 200])).at(-1)!;
    expect(varied.monotony!).toBeLessThan(2);
  });

  it('a load spike after steady weeks pushes ACWR above 1.5 and flags it', () => {
    const loads = [...Array(84).fill(300), ...Array(7).fill(900)];
    const out = rollingLoad(series('2026-01-01', loads));
    expect(out[83]!.acwr).toBeCloseTo(1, 1);
    expect(out.at(-1)!.acwr!).toBeGreaterThan(1.5);
    expect(loadRiskFlags(out.at(-1)!)[0]!.code).toBe('ACWR_HIGH');
  });

  it('holds ACWR back until there is history, unless seeded', () => {
    const out = rollingLoad(series('2026-01-01', Array(30).fill(100)));
    expect(out[19]!.acwr).toBeNull();
    expect(out[20]!.acwr).not.toBeNull();
    const seeded = rollingLoad(series('2026-01-01', [100]), { seed: { acute: 100, chronic: 100 } });
    expect(seeded[0]!.acwr).toBeCloseTo(1, 3);
    expect(rollingLoad(series('2026-01-01', [100]), { minHistoryDays: 0 })[0]!.acwr).toBe(1);
  });

  it('steady training reads ACWR 1.000 and acute = chronic = the load from day one (bias-corrected)', () => {
    const out = rollingLoad(series('2026-01-01', Array(60).fill(300)));
    for (let i = 20; i < 60; i++) expect(out[i]!.acwr).toBe(1);
    for (const d of out) expect([d.acute, d.chronic, d.tsb]).toEqual([300, 300, 0]);
    // Uncorrected, day 21 would read 300(1 - 0.75^21) / 300(1 - (27/29)^21) = 1.276 and day 28 1.16.
  });

  it('bias correction by hand on day 21: a rest day after 20 steady days', () => {
    // Loads 100 x 20 then 0. Raw acute = 0.75 x 100(1 - 0.75^20) = 74.76, corrected / (1 - 0.75^21 = 0.99762) = 74.94;
    // raw chronic = (27/29) x 100(1 - 0.23950) = 70.81, corrected / (1 - 0.22298) = 91.12; ACWR 74.94 / 91.12 = 0.822
    // (the raw ratio would be 1.056).
    const out = rollingLoad(series('2026-01-01', [...Array(20).fill(100), 0]));
    expect(out[20]!.acute).toBeCloseTo(74.94, 1);
    expect(out[20]!.chronic).toBeCloseTo(91.12, 1);
    expect(out[20]!.acwr).toBeCloseTo(0.822, 3);
  });

  it('a seeded series keeps the plain Williams ratio', () => {
    const seed = { acute: 200, chronic: 250 };
    const out = rollingLoad(series('2026-01-01', [300, 300, 0]), { seed });
    let a = 200;
    let c = 250;
    for (const [i, l] of [300, 300, 0].entries()) {
      a = l * 0.25 + 0.75 * a;
      c = l * (2 / 29) + (27 / 29) * c;
      expect(out[i]!.acwr).toBeCloseTo(a / c, 3);
    }
  });

  it('fills gaps with rest days, sums duplicate days, ignores input order', () => {
    const out = rollingLoad([
      { date: '2026-01-05', load: 50 },
      { date: '2026-01-01', load: 100 },
      { date: '2026-01-05', load: 50 },
    ]);
    expect(out.map((d) => d.load)).toEqual([100, 0, 0, 0, 100]);
  });

  it('names the bad field', () => {
    const day = (load: unknown) => [{ date: '2026-01-01', load }] as unknown as DailyLoad[];
    expect(() => rollingLoad([{ date: '2026-13-01', load: 1 }])).toThrow(/dailyLoads\[0\]\.date/);
    expect(() => rollingLoad([{ date: '2026-01-01', load: -5 }])).toThrow(/dailyLoads\[0\]\.load/);
    expect(fieldOf(() => rollingLoad(null as unknown as DailyLoad[]))).toBe('dailyLoads');
    expect(fieldOf(() => rollingLoad([null] as unknown as DailyLoad[]))).toBe('dailyLoads[0]');
    for (const bad of ['50', null, true, NaN, undefined]) {
      expect(fieldOf(() => rollingLoad(day(bad)))).toBe('dailyLoads[0].load');
    }
    const ok = series('2026-01-01', [100]);
    expect(fieldOf(() => rollingLoad(ok, { seed: { acute: -1, chronic: 100 } }))).toBe('options.seed.acute');
    expect(fieldOf(() => rollingLoad(ok, { seed: { acute: 1, chronic: NaN } }))).toBe('options.seed.chronic');
    const noChronic = { seed: { acute: 1 } } as unknown as RollingLoadOptions;
    expect(fieldOf(() => rollingLoad(ok, noChronic))).toBe('options.seed.chronic');
    expect(fieldOf(() => rollingLoad(ok, { seed: { acute: 1, chronic: 1, fitness: Infinity } }))).toBe(
      'options.seed.fitness',
    );
    expect(fieldOf(() => rollingLoad(ok, { seed: { acute: 1, chronic: 1, fatigue: -2 } }))).toBe(
      'options.seed.fatigue',
    );
    expect(fieldOf(() => rollingLoad(ok, { seed: null } as unknown as RollingLoadOptions))).toBe(
      'options.seed',
    );
    for (const bad of [-1, 2.5, NaN, '21']) {
      const opts = { minHistoryDays: bad } as unknown as RollingLoadOptions;
      expect(fieldOf(() => rollingLoad(ok, opts))).toBe('options.minHistoryDays');
    }
  });

  it('matches a naive recomputation for random series', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 7, maxLength: 120 }), (loads) => {
        const out = rollingLoad(series('2024-02-20', loads));
        let a = 0;
        let c = 0;
        loads.forEach((l, i) => {
          a = l * 0.25 + 0.75 * a;
          c = l * (2 / 29) + (1 - 2 / 29) * c;
          expect(out[i]!.acute).toBeCloseTo(a / (1 - 0.75 ** (i + 1)), 1);
          expect(out[i]!.chronic).toBeCloseTo(c / (1 - (27 / 29) ** (i + 1)), 1);
          if (i >= 6) {
            const w = loads.slice(i - 6, i + 1);
            const m = w.reduce((x, y) => x + y) / 7;
            const sd = Math.sqrt(w.reduce((x, y) => x + (y - m) ** 2, 0) / 7);
            if (m > 0 && sd > m / 10) expect(out[i]!.monotony!).toBeCloseTo(m / sd, 2);
          }
        });
      }),
    );
  });
});
