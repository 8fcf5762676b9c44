import { ImportFileError } from '../errors.ts';
import { textSport } from '../sport.ts';
import { type DecodedActivity, type DeviceTotals, STEP_SPORTS, type TrackPoint } from '../track.ts';
import { instant, node, nodes, number, parseXml, type XmlNode } from '../xml.ts';

/** TCX v2 Trackpoint: Time, Position, AltitudeMeters, DistanceMeters, HeartRateBpm, Cadence, TPX extension. */
function toPoint(p: XmlNode, steps: boolean): TrackPoint | null {
  const time = instant(p.Time);
  if (time === undefined) return null;
  const out: TrackPoint = { time };
  const pos = node(p.Position);
  const lat = number(pos?.LatitudeDegrees);
  const lon = number(pos?.LongitudeDegrees);
  if (lat !== undefined && lon !== undefined) Object.assign(out, { lat, lon });
  const alt = number(p.AltitudeMeters);
  if (alt !== undefined) out.altitude = alt;
  const distance = number(p.DistanceMeters);
  if (distance !== undefined) out.distance = distance;
  const hr = number(node(p.HeartRateBpm)?.Value);
  if (hr !== undefined) out.hr = hr;
  const tpx = node(node(p.Extensions)?.TPX);
  // RunCadence (TPX) is per foot; Cadence is a bike's rpm.
  const runCadence = number(tpx?.RunCadence);
  const cadence = number(p.Cadence);
  if (runCadence !== undefined) out.cadence = steps ? runCadence * 2 : runCadence;
  else if (cadence !== undefined) out.cadence = cadence;
  const speed = number(tpx?.Speed);
  if (speed !== undefined) out.speed = speed;
  const watts = number(tpx?.Watts);
  if (watts !== undefined) out.power = watts;
  return out;
}

/** The laps' totals: time and distance summed, HR time-weighted, max of maxima. */
function lapTotals(laps: XmlNode[]): DeviceTotals {
  const totals: DeviceTotals = {};
  const secs = laps.map((l) => number(l.TotalTimeSeconds));
  if (secs.every((s) => s !== undefined)) totals.durationSec = secs.reduce((a, b) => a! + b!, 0);
  const dists = laps.map((l) => number(l.DistanceMeters));
  if (dists.every((d) => d !== undefined)) totals.distanceMeters = dists.reduce((a, b) => a! + b!, 0);
  const avgs = laps.map((l) => number(node(l.AverageHeartRateBpm)?.Value));
  if (totals.durationSec && avgs.every((a) => a !== undefined)) {
    totals.avgHr = avgs.reduce((sum, a, i) => sum! + a! * secs[i]!, 0)! / totals.durationSec;
  }
  const maxes = laps.map((l) => number(node(l.MaximumHeartRateBpm)?.Value));
  if (maxes.every((m) => m !== undefined)) totals.maxHr = Math.max(...(maxes as number[]));
  return totals;
}

export function decodeTcx(bytes: Uint8Array): DecodedActivity[] {
  const root = node(parseXml(bytes, 'TCX', 'TrainingCenterDatabase').TrainingCenterDatabase);
  const activities = nodes(node(root?.Activities)?.Activity);
  if (activities.length === 0) {
    const what = root?.Courses ? 'only courses' : root?.Workouts ? 'only workouts' : 'no <Activity>';
    throw new ImportFileError('NO_ACTIVITY', `TCX file has ${what}: no recorded activity`);
  }
  return activities.map((a, i) => {
    const type = textSport(typeof a['@_Sport'] === 'string' ? a['@_Sport'] : undefined);
    const laps = nodes(a.Lap);
    const points = laps
      .flatMap((lap) => nodes(lap.Track).flatMap((track) => nodes(track.Trackpoint)))
      .map((p) => toPoint(p, STEP_SPORTS.has(type)))
      .filter((p): p is TrackPoint => p !== null);
    if (points.length === 0)
      throw new ImportFileError('NO_ACTIVITY', `TCX activity ${i + 1} has no trackpoints`);
    const start = instant(a.Id) ?? instant(laps[0]?.['@_StartTime']) ?? points[0]!.time;
    return {
      format: 'tcx' as const,
      type,
      startTime: start,
      points,
      totals: laps.length ? lapTotals(laps) : {},
    };
  });
}
