import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateMaxHr, heartRateZones, zoneOfHeartRate } from './heart-rate.ts';
import { paceZones } from './pace.ts';

describe('heart-rate zones', () => {
  it('Karvonen: resting 60, max 190 gives 70% HRR = 151 (Karvonen 1957 worked example form)', () => {
    const z = heartRateZones({ maxHr: 190, restingHr: 60 });
    expect(z.map((x) => x.method)).toEqual(Array(5).fill('karvonen'));
    expect(z[0]!.minBpm).toBe(125); // 60 + 0.5 x 130
    expect(z[2]!.minBpm).toBe(151); // 60 + 0.7 x 130
    expect(z[4]!.maxBpm).toBe(190);
  });

  it("Friel: LTHR 170 puts zone 2 at 145-152 and zone 4 at 162-169 (Friel's run zone chart)", () => {
    const z = heartRateZones({ lthr: 170 });
    expect([z[1]!.minBpm, z[1]!.maxBpm]).toEqual([145, 152]);
    expect([z[3]!.minBpm, z[3]!.maxBpm]).toEqual([162, 169]);
    expect(z[4]!.maxBpm).toBe(180);
  });

  it('%HRmax with an estimated max says it is an estimate (Tanaka 2001: age 40 -> 180)', () => {
    expect(estimateMaxHr(40)).toBe(180);
    const z = heartRateZones({ age: 40 });
    expect(z.every((x) => x.estimated && x.method === 'percentMax')).toBe(true);
    expect(z[4]!.maxBpm).toBe(180);
    expect(z[0]!.minBpm).toBe(90);
  });

  it('zones are contiguous and ordered for any runner', () => {
    fc.assert(
      fc.property(fc.integer({ min: 35, max: 80 }), fc.integer({ min: 160, max: 215 }), (rest, max) => {
        const z = heartRateZones({ restingHr: rest, maxHr: max });
        for (let i = 1; i < 5; i++) expect(z[i]!.minBpm).toBe(z[i - 1]!.maxBpm + 1);
        expect(zoneOfHeartRate(z, z[2]!.minBpm)).toBe(3);
        expect(zoneOfHeartRate(z, 250)).toBe(5);
      }),
    );
  });

  it('names the missing or bad field', () => {
    expect(() => heartRateZones({})).toThrow(/maxHr/);
    expect(() => heartRateZones({ method: 'lthr', maxHr: 180 })).toThrow(/lthr/);
    expect(() => heartRateZones({ maxHr: 180, restingHr: 200 })).toThrow(/restingHr/);
  });
});

describe('pace zones', () => {
  it('Friel: threshold 4:00/km puts zone 2 at 4:34-5:10 /km', () => {
    const z = paceZones(240);
    expect(z[1]!.paceSecPerKm).toEqual({ min: 273.6, max: 309.6 });
    expect(z[3]!.paceSecPerKm.min).toBeCloseTo(237.6, 1);
    expect(() => paceZones(20)).toThrow(/thresholdPaceSecPerKm/);
  });
});
