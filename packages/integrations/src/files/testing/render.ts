import { Encoder, Profile } from '@garmin/fitsdk';
import type { SyntheticRun } from './long-run.ts';

const SEMICIRCLES_PER_DEG = 2 ** 31 / 180;

/**
 * The run as a FIT activity file made with the FIT SDK's Encoder, the way a watch writes one: file_id,
 * timer start, one record a second, timer stop, lap, session (with the device's totals unless
 * `session: false`), activity.
 */
export function runToFit(run: SyntheticRun, opts: { session?: boolean } = {}): Uint8Array {
  const { points, truth } = run;
  const start = new Date(run.startTime);
  const end = new Date(points[points.length - 1]!.time);
  const e = new Encoder();
  const M = Profile.MesgNum as Record<string, number>;
  e.onMesg(M.FILE_ID!, {
    type: 'activity',
    manufacturer: 'development',
    product: 1,
    serialNumber: 7,
    timeCreated: start,
  } as never);
  e.onMesg(M.EVENT!, { timestamp: start, event: 'timer', eventType: 'start' } as never);
  for (const p of points) {
    e.onMesg(M.RECORD!, {
      timestamp: new Date(p.time),
      positionLat: Math.round(p.lat * SEMICIRCLES_PER_DEG),
      positionLong: Math.round(p.lon * SEMICIRCLES_PER_DEG),
      distance: p.distance,
      enhancedSpeed: p.speed,
      enhancedAltitude: p.altitude,
      heartRate: p.hr,
      cadence: p.strides,
    } as never);
  }
  e.onMesg(M.EVENT!, { timestamp: end, event: 'timer', eventType: 'stopAll' } as never);
  const totals = {
    timestamp: end,
    startTime: start,
    totalElapsedTime: truth.durationSec,
    totalTimerTime: truth.durationSec,
    totalDistance: truth.distanceMeters,
    avgHeartRate: truth.avgHr,
    maxHeartRate: truth.maxHr,
    totalAscent: truth.elevationGainMeters,
    sport: 'running',
    subSport: 'generic',
  };
  e.onMesg(M.LAP!, { ...totals, messageIndex: 0 } as never);
  if (opts.session !== false) e.onMesg(M.SESSION!, { ...totals, messageIndex: 0, numLaps: 1 } as never);
  e.onMesg(M.ACTIVITY!, {
    timestamp: end,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
  } as never);
  return e.close();
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The run as GPX 1.1 with Garmin's TrackPointExtension v1 (hr, cad), as Garmin Connect exports it. */
export function runToGpx(run: SyntheticRun): string {
  const pts = run.points.map(
    (p) =>
      `<trkpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}"><ele>${p.altitude.toFixed(1)}</ele>` +
      `<time>${iso(p.time)}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${p.hr}</gpxtpx:hr>` +
      `<gpxtpx:cad>${p.strides}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="RunningCoach tests" xmlns="http://www.topografix.com/GPX/1/1"',
    ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
    `<metadata><time>${iso(run.startTime)}</time></metadata>`,
    '<trk><name>Long run</name><type>running</type><trkseg>',
    ...pts,
    '</trkseg></trk></gpx>',
    '',
  ].join('\n');
}

/** The run as TCX v2 with one lap (the device's totals) and the ActivityExtension v2 (Speed, RunCadence). */
export function runToTcx(run: SyntheticRun): string {
  const { truth } = run;
  const pts = run.points.map(
    (p) =>
      `<Trackpoint><Time>${iso(p.time)}</Time><Position><LatitudeDegrees>${p.lat.toFixed(7)}</LatitudeDegrees>` +
      `<LongitudeDegrees>${p.lon.toFixed(7)}</LongitudeDegrees></Position><AltitudeMeters>${p.altitude.toFixed(1)}` +
      `</AltitudeMeters><DistanceMeters>${p.distance.toFixed(3)}</DistanceMeters><HeartRateBpm><Value>${p.hr}` +
      `</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:Speed>${p.speed.toFixed(3)}</ns3:Speed>` +
      `<ns3:RunCadence>${p.strides}</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"',
    ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">',
    `<Activities><Activity Sport="Running"><Id>${iso(run.startTime)}</Id>`,
    `<Lap StartTime="${iso(run.startTime)}"><TotalTimeSeconds>${truth.durationSec}</TotalTimeSeconds>`,
    `<DistanceMeters>${truth.distanceMeters.toFixed(2)}</DistanceMeters>`,
    `<AverageHeartRateBpm><Value>${truth.avgHr}</Value></AverageHeartRateBpm>`,
    `<MaximumHeartRateBpm><Value>${truth.maxHr}</Value></MaximumHeartRateBpm>`,
    '<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>',
    ...pts,
    '</Track></Lap></Activity></Activities></TrainingCenterDatabase>',
    '',
  ].join('\n');
}
