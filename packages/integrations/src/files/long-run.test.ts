import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportedActivity, parseActivityFile } from './index.ts';
import { type SyntheticRun, syntheticRun } from './testing/long-run.ts';
import { runToFit, runToGpx, runToTcx } from './testing/render.ts';

/*
 * Acceptance 1: a 4-hour 1 Hz run made with the FIT SDK's Encoder, and the same run as GPX and TCX.
 * Tolerances against the run's true totals: duration exact; distance 0.1% (GPX has only the GPS track,
 * rounded to 1e-7°); average HR ±1 bpm (rounding), max HR exact; elevation gain 1.5% of the noiseless
 * profile's 600 m (the altitude carries ±0.3 m of noise and 0.1-0.2 m of rounding).
 */
const run: SyntheticRun = syntheticRun();
const enc = new TextEncoder();
const files = {
  'FIT (device totals)': () => runToFit(run),
  'FIT (records only)': () => runToFit(run, { session: false }),
  GPX: () => enc.encode(runToGpx(run)),
  TCX: () => enc.encode(runToTcx(run)),
};
const imported: Record<string, ImportedActivity> = {};

beforeAll(() => {
  for (const [name, make] of Object.entries(files)) {
    const { activities } = parseActivityFile(make());
    expect(activities).toHaveLength(1);
    imported[name] = activities[0]!;
  }
});

describe('a 4-hour 1 Hz run as FIT, GPX and TCX', () => {
  it.each(Object.keys(files))('%s: right distance, duration, HR and climb', (name) => {
    const a = imported[name]!;
    const { truth } = run;
    expect(a.type).toBe('run');
    expect(a.startTime).toBe(new Date(run.startTime).toISOString());
    expect(a.durationSec).toBe(truth.durationSec);
    expect(Math.abs(a.distanceMeters! - truth.distanceMeters) / truth.distanceMeters).toBeLessThan(0.001);
    expect(Math.abs(a.avgHr! - truth.avgHr)).toBeLessThanOrEqual(1);
    expect(a.maxHr).toBe(truth.maxHr);
    expect(
      Math.abs(a.elevationGainMeters! - truth.elevationGainMeters) / truth.elevationGainMeters,
    ).toBeLessThan(0.015);
  });

  it('keeps every second as samples, cadence in steps per minute', () => {
    for (const a of Object.values(imported)) {
      expect(a.samples.t).toHaveLength(run.points.length);
      expect(a.samples.t.at(-1)).toBe(run.truth.durationSec);
      expect(a.samples.hr![100]).toBe(run.points[100]!.hr);
      expect(a.samples.cadence![100]).toBe(run.points[100]!.strides * 2);
      expect(a.samples.lat![100]).toBeCloseTo(run.points[100]!.lat, 6);
      expect(a.samples.altitude![100]).toBeCloseTo(run.points[100]!.altitude, 1);
    }
  });

  it('the three formats agree with each other', () => {
    const all = Object.values(imported);
    for (const a of all) {
      for (const b of all) {
        expect(Math.abs(a.distanceMeters! - b.distanceMeters!)).toBeLessThan(0.001 * a.distanceMeters!);
        expect(Math.abs(a.elevationGainMeters! - b.elevationGainMeters!)).toBeLessThan(0.01 * 600);
        expect(Math.abs(a.avgHr! - b.avgHr!)).toBeLessThanOrEqual(1);
        expect(a.maxHr).toBe(b.maxHr);
        expect(a.durationSec).toBe(b.durationSec);
      }
    }
  });

  it('uses the device totals when the FIT file has them, and computes them otherwise', () => {
    expect(imported['FIT (device totals)']!.elevationGainMeters).toBe(600);
    // Computed from 1 Hz altitude with noise: close to, but not exactly, the device's number.
    expect(imported['FIT (records only)']!.elevationGainMeters).not.toBe(600);
  });
});
