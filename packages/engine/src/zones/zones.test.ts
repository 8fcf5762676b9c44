import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../util/errors.ts';
import { estimateMaxHr, heartRateZones, zoneOfHeartRate, type HrZoneInput } from './heart-rate.ts';
import { paceZones } from './pace.ts';
import { fieldOf } from '../util/testing.ts';

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
    // Daniels %HRmax bands 55/65/79/88/92/100 of 180: 99, 117, 142.2, 158.4, 165.6, 180 (each zone ends 1 below the next).
    expect(z.map((x) => [x.minBpm, x.maxBpm])).toEqual([
      [99, 116],
      [117, 141],
      [142, 157],
      [158, 165],
      [166, 180],
    ]);
  });

  it('%HRmax bands follow Daniels: max 200 gives E 130-157, M 158-175, T 176-183, I 184-200', () => {
    // Daniels' Running Formula (3rd ed.): E 65-79 %HRmax, M 80-90, T 88-92, I 98-100.
    const z = heartRateZones({ maxHr: 200, method: 'percentMax' });
    expect(z.map((x) => [x.minBpm, x.maxBpm])).toEqual([
      [110, 129],
      [130, 157],
      [158, 175],
      [176, 183],
      [184, 200],
    ]);
  });

  it("each Daniels intensity's %HRmax lands in the zone the plan targets (E 2, M 3, T 4, I 5)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 120, max: 230 }), (max) => {
        const z = heartRateZones({ maxHr: max, method: 'percentMax' });
        const at = (f: number) => zoneOfHeartRate(z, Math.round(f * max));
        expect(at(0.6)).toBe(1); // recovery, below E
        expect(at(0.72)).toBe(2); // middle of E 65-79
        expect(at(0.85)).toBe(3); // middle of M 80-90
        expect(at(0.9)).toBe(4); // middle of T 88-92
        expect(at(0.99)).toBe(5); // I 98-100
      }),
    );
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
    expect(fieldOf(() => heartRateZones({ maxHr: 180, restingHr: 200 }))).toBe('restingHr');
    expect(fieldOf(() => heartRateZones(null as unknown as HrZoneInput))).toBe('input');
    expect(fieldOf(() => heartRateZones(undefined as unknown as HrZoneInput))).toBe('input');
    const bogus = { maxHr: 180, method: 'toString' } as unknown as HrZoneInput;
    expect(fieldOf(() => heartRateZones(bogus))).toBe('method');
  });

  it('rejects a heart-rate reserve under 20 bpm, whatever the method', () => {
    expect(() => heartRateZones({ maxHr: 125, restingHr: 110 })).toThrow(EngineError);
    expect(() => heartRateZones({ maxHr: 130, restingHr: 111 })).toThrow(/restingHr/);
    expect(() => heartRateZones({ maxHr: 130, restingHr: 111, method: 'percentMax' })).toThrow(/restingHr/);
    // Exactly 20 bpm of reserve is accepted.
    expect(heartRateZones({ maxHr: 130, restingHr: 110 })[4]!.maxBpm).toBe(130);
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
