import { ActivitySamplesSchema, type ActivitySamples } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { decodeSamples, encodeSamples, SAMPLE_ENCODING } from './codec.ts';
import { summarizeSamples } from './summary.ts';

/** A deterministic 4-hour run at 1 Hz: drifting HR, wavy pace, a loop of GPS, rolling hills, a few dropouts. */
function longRun(seconds = 4 * 3600): ActivitySamples {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  const s: Required<ActivitySamples> = {
    t: [],
    hr: [],
    speed: [],
    cadence: [],
    power: [],
    lat: [],
    lon: [],
    altitude: [],
  };
  for (let i = 0; i < seconds; i++) {
    const speed = 3 + 0.3 * Math.sin(i / 300) + 0.05 * rand();
    s.t.push(i);
    s.hr.push(i % 997 === 0 ? null : Math.round(135 + (i / seconds) * 20 + 3 * Math.sin(i / 120) + rand()));
    s.speed.push(Math.round(speed * 1000) / 1000);
    s.cadence.push(Math.round(172 + 2 * rand()));
    s.power.push(Math.round(240 + 20 * rand()));
    s.lat.push(Math.round((52.52 + 0.02 * Math.sin(i / 2000)) * 1e7) / 1e7);
    s.lon.push(Math.round((13.405 + 0.03 * Math.cos(i / 2000)) * 1e7) / 1e7);
    s.altitude.push(Math.round((40 + 15 * Math.sin(i / 900) + 0.3 * rand()) * 10) / 10);
  }
  return s;
}

describe('sample codec', () => {
  it('round-trips a 4-hour 1 Hz run with every channel, compactly', () => {
    const samples = longRun();
    expect(ActivitySamplesSchema.safeParse(samples).error).toBeUndefined();
    const encoded = encodeSamples(samples);
    expect(encoded.encoding).toBe(SAMPLE_ENCODING);
    expect(encoded.sampleCount).toBe(14_400);
    expect(encoded.channels).toEqual(['t', 'hr', 'speed', 'cadence', 'power', 'lat', 'lon', 'altitude']);
    const json = Buffer.byteLength(JSON.stringify(samples));
    console.log(
      `4 h at 1 Hz, 8 channels: ${encoded.data.length} bytes stored (${json} bytes as JSON, ` +
        `${(encoded.data.length / 14_400).toFixed(2)} bytes per sample)`,
    );
    // 14,400 samples x 8 channels as doubles would be 921,600 bytes; a real row must be far smaller.
    expect(encoded.data.length).toBeLessThan(120_000);
    expect(encoded.data.length * 5).toBeLessThan(json);
    expect(decodeSamples(encoded)).toEqual(samples);
  });

  it('keeps nulls, absent channels and values at the stored precision', () => {
    const samples: ActivitySamples = {
      t: [0, 0.5, 1.25, 7, 7],
      hr: [null, 120, null, 250, 0],
      lat: [-33.8688197, -33.86882, null, 89.9999999, -90],
      lon: [151.2092955, 151.2093, null, -179.9999999, 180],
    };
    const decoded = decodeSamples(encodeSamples(samples));
    expect(Object.keys(decoded)).toEqual(['t', 'hr', 'lat', 'lon']);
    expect(decoded.t).toEqual(samples.t);
    expect(decoded.hr).toEqual(samples.hr);
    decoded.lat!.forEach((v, i) =>
      v === null ? expect(samples.lat![i]).toBeNull() : expect(v).toBeCloseTo(samples.lat![i]!, 7),
    );
    decoded.lon!.forEach((v, i) =>
      v === null ? expect(samples.lon![i]).toBeNull() : expect(v).toBeCloseTo(samples.lon![i]!, 7),
    );
    // Quantized: 1 mm/s and 0.1 m.
    const q = decodeSamples(
      encodeSamples({ t: [0, 1], speed: [3.14159, 2.71828], altitude: [12.34, -5.06] }),
    );
    expect(q.speed).toEqual([3.142, 2.718]);
    expect(q.altitude).toEqual([12.3, -5.1]);
  });

  it('refuses data it cannot read instead of inventing samples', () => {
    const encoded = encodeSamples({ t: [0, 1, 2], hr: [100, 101, 102] });
    expect(() => decodeSamples({ ...encoded, encoding: 'csv' })).toThrow(/unknown encoding/);
    expect(() => decodeSamples({ ...encoded, sampleCount: 50 })).toThrow(/truncated/);
    expect(() => decodeSamples({ ...encoded, channels: ['t', 'spo2'] })).toThrow(/unknown channel/);
  });
});

describe('summarizeSamples', () => {
  it('computes HR, distance from speed, and climb above the noise band', () => {
    const s = summarizeSamples({
      t: [0, 10, 20, 30, 40],
      hr: [100, 140, null, 160, 150],
      speed: [0, 3, 3, 3, 3],
      altitude: [10, 11, 10.5, 14, 13],
    });
    expect(s).toEqual({ avgHr: 138, maxHr: 160, distanceMeters: 120, elevationGainMeters: 4 });
  });

  it('falls back to the GPS track for distance', () => {
    // 0.01 degree of latitude is about 1,112 m.
    const s = summarizeSamples({ t: [0, 1, 2], lat: [0, 0.005, 0.01], lon: [0, 0, 0] });
    expect(s.distanceMeters).toBeGreaterThan(1100);
    expect(s.distanceMeters).toBeLessThan(1125);
    expect(s).not.toHaveProperty('avgHr');
    expect(summarizeSamples({ t: [0] })).toEqual({});
  });
});
