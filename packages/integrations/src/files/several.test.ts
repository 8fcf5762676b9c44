import { describe, expect, it } from 'vitest';
import { parseActivityFile } from './index.ts';
import { syntheticRun } from './testing/long-run.ts';
import { runToGpx } from './testing/render.ts';

const enc = new TextEncoder();
const morning = syntheticRun({ durationSec: 1800, seed: 1 });
const evening = syntheticRun({ durationSec: 1200, seed: 2, startTime: morning.startTime + 10 * 3600_000 });
const track = (gpx: string) => /<trk>[\s\S]*<\/trk>/.exec(gpx)![0];

describe('files with several activities, or points out of order', () => {
  it('one activity per GPX track, each with its own start and duration', () => {
    const gpx = runToGpx(morning).replace(
      track(runToGpx(morning)),
      () => track(runToGpx(morning)) + track(runToGpx(evening)),
    );
    const { activities } = parseActivityFile(enc.encode(gpx));
    expect(activities.map((a) => [a.startTime, a.durationSec])).toEqual([
      [new Date(morning.startTime).toISOString(), 1800],
      [new Date(evening.startTime).toISOString(), 1200],
    ]);
  });

  it('sorts points a device wrote out of order, so t never decreases', () => {
    const gpx = runToGpx(morning);
    const points = gpx.match(/<trkpt[\s\S]*?<\/trkpt>/g)!;
    const shuffled = gpx.replace(points.join('\n'), [...points].reverse().join('\n'));
    const [a] = parseActivityFile(enc.encode(shuffled)).activities;
    expect(a!.samples.t.every((t, i) => i === 0 || t >= a!.samples.t[i - 1]!)).toBe(true);
    expect(a!.durationSec).toBe(1800);
    expect(a!.samples.hr![0]).toBe(morning.points[0]!.hr);
  });
});
