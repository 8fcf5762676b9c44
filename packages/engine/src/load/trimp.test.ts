import { describe, expect, it } from 'vitest';
import { banisterTrimp, edwardsTrimp, sessionRpeLoad, type BanisterInput } from './trimp.ts';
import { fieldOf } from '../util/testing.ts';

describe('TRIMP', () => {
  it('Banister: 30 min at 130 bpm, resting 40, max 200 (male) is about 32', () => {
    // ΔHR ratio 0.5625; 30 x 0.5625 x 0.64 x e^(1.92 x 0.5625) = 31.8
    expect(
      banisterTrimp({ durationSec: 1800, avgHr: 130, restingHr: 40, maxHr: 200, sex: 'male' }),
    ).toBeCloseTo(31.8, 1);
  });

  it('Banister: the female constants weigh the same session differently', () => {
    // 30 x 0.5625 x 0.86 x e^(1.67 x 0.5625) = 37.1
    expect(
      banisterTrimp({ durationSec: 1800, avgHr: 130, restingHr: 40, maxHr: 200, sex: 'female' }),
    ).toBeCloseTo(37.1, 1);
  });

  it('Banister grows with heart rate and duration', () => {
    const base = { durationSec: 3600, restingHr: 50, maxHr: 190, sex: 'male' as const };
    expect(banisterTrimp({ ...base, avgHr: 160 })).toBeGreaterThan(banisterTrimp({ ...base, avgHr: 140 }));
    expect(banisterTrimp({ ...base, avgHr: 140, durationSec: 7200 })).toBeCloseTo(
      2 * banisterTrimp({ ...base, avgHr: 140 }),
      1,
    );
    expect(() => banisterTrimp({ ...base, avgHr: 140, maxHr: 40 })).toThrow(/maxHr/);
  });

  it('Edwards: 10 min in each zone scores 10+20+30+40+50 = 150', () => {
    const samples: Array<{ t: number; hr: number }> = [];
    const hrs = [105, 125, 145, 165, 185]; // max 200: 52%, 62%, 72%, 82%, 92%
    let t = 0;
    for (const hr of hrs) for (let s = 0; s < 600; s++) samples.push({ t: t++, hr });
    samples.push({ t, hr: 100 });
    expect(edwardsTrimp(samples, 200)).toBeCloseTo(150, 1);
  });

  it('rejects missing input and unknown sexes, including inherited keys', () => {
    const base = { durationSec: 1800, avgHr: 130, restingHr: 40, maxHr: 200 };
    expect(fieldOf(() => banisterTrimp(null as unknown as BanisterInput))).toBe('input');
    for (const sex of ['toString', '__proto__', 'constructor', 'other', 1]) {
      expect(fieldOf(() => banisterTrimp({ ...base, sex } as unknown as BanisterInput))).toBe('sex');
    }
  });

  it('Edwards rejects samples that are not an array of {t, hr}', () => {
    type Samples = Parameters<typeof edwardsTrimp>[0];
    expect(fieldOf(() => edwardsTrimp(null as unknown as Samples, 190))).toBe('samples');
    expect(fieldOf(() => edwardsTrimp({ length: 2 } as unknown as Samples, 190))).toBe('samples');
    expect(fieldOf(() => edwardsTrimp('0,150' as unknown as Samples, 190))).toBe('samples');
    expect(fieldOf(() => edwardsTrimp([{ t: 0, hr: 150 }, null] as unknown as Samples, 190))).toBe(
      'samples[1]',
    );
    const badT = [{ t: '0', hr: 150 }] as unknown as Samples;
    expect(fieldOf(() => edwardsTrimp(badT, 190))).toBe('samples[0].t');
    const badHr = [{ t: 0, hr: '150' }] as unknown as Samples;
    expect(fieldOf(() => edwardsTrimp(badHr, 190))).toBe('samples[0].hr');
    // A dropout (hr 0 or NaN) is a valid sample that scores nothing.
    const dropout = [
      { t: 0, hr: Number.NaN },
      { t: 10, hr: 0 },
      { t: 20, hr: 150 },
    ];
    expect(edwardsTrimp(dropout, 200)).toBe(0);
    expect(edwardsTrimp([], 200)).toBe(0);
  });

  it('session RPE: RPE 7 for 60 min is 420 AU (Foster 2001)', () => {
    expect(sessionRpeLoad(7, 3600)).toBe(420);
    expect(() => sessionRpeLoad(11, 3600)).toThrow(/rpe/);
  });
});
