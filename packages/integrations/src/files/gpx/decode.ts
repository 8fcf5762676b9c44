import { ImportFileError } from '../errors.ts';
import { textSport } from '../sport.ts';
import { type DecodedActivity, STEP_SPORTS, type TrackPoint } from '../track.ts';
import { instant, node, nodes, number, parseXml, type XmlNode } from '../xml.ts';

/**
 * GPX 1.1 tracks: one activity per `<trk>` (all its segments), points `lat`/`lon` attributes, `<ele>`,
 * `<time>`, and Garmin's TrackPointExtension (`hr`, `cad` per foot for running, `speed`) or `power`.
 */
function toPoint(p: XmlNode, steps: boolean): TrackPoint | null {
  const time = instant(p.time);
  if (time === undefined) return null;
  const out: TrackPoint = { time };
  const lat = number(p['@_lat']);
  const lon = number(p['@_lon']);
  if (lat !== undefined && lon !== undefined) Object.assign(out, { lat, lon });
  const ele = number(p.ele);
  if (ele !== undefined) out.altitude = ele;
  const ext = node(p.extensions);
  const tpx = node(ext?.TrackPointExtension) ?? ext;
  const hr = number(tpx?.hr);
  if (hr !== undefined) out.hr = hr;
  const cad = number(tpx?.cad);
  if (cad !== undefined) out.cadence = steps ? cad * 2 : cad;
  const speed = number(tpx?.speed);
  if (speed !== undefined) out.speed = speed;
  const power = number(ext?.power) ?? number(tpx?.power);
  if (power !== undefined) out.power = power;
  return out;
}

export function decodeGpx(bytes: Uint8Array): DecodedActivity[] {
  const root = node(parseXml(bytes, 'GPX', 'gpx').gpx);
  const tracks = nodes(root?.trk);
  if (tracks.length === 0) {
    const what = root?.rte ? 'only a route (<rte>)' : root?.wpt ? 'only waypoints' : 'no track';
    throw new ImportFileError('NO_ACTIVITY', `GPX file has ${what}: no recorded activity (<trk>)`);
  }
  return tracks.map((trk, i) => {
    const type = textSport(typeof trk.type === 'string' ? trk.type : undefined);
    const raw = nodes(trk.trkseg).flatMap((seg) => nodes(seg.trkpt));
    const points = raw
      .map((p) => toPoint(p, STEP_SPORTS.has(type)))
      .filter((p): p is TrackPoint => p !== null);
    if (points.length === 0) {
      throw new ImportFileError(
        'NO_ACTIVITY',
        raw.length > 0
          ? `GPX track ${i + 1} has no <time> on its points: a planned route, not a recorded activity`
          : `GPX track ${i + 1} has no points`,
      );
    }
    return { format: 'gpx' as const, type, startTime: points[0]!.time, points, totals: {} };
  });
}
