import { Decoder, Stream } from '@garmin/fitsdk';
import { ImportFileError } from '../errors.ts';
import { fitSport } from '../sport.ts';
import { type DecodedActivity, type DeviceTotals, STEP_SPORTS, type TrackPoint } from '../track.ts';

// FIT positions are semicircles: 2^31 of them make 180 degrees (FIT profile, position_lat).
const DEG_PER_SEMICIRCLE = 180 / 2 ** 31;

type Mesg = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const time = (v: unknown): number | undefined => (v instanceof Date ? v.getTime() : undefined);

/** Header and size first, so a truncated file is named as such rather than half-read (read() checks the CRC). */
function checkContainer(bytes: Uint8Array): void {
  const headerSize = bytes[0]!;
  if (bytes.length < headerSize) {
    throw new ImportFileError(
      'FILE_TRUNCATED',
      `FIT header is cut off (${bytes.length} of ${headerSize} bytes)`,
    );
  }
  const dataSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const expected = headerSize + dataSize + 2;
  if (bytes.length < expected) {
    throw new ImportFileError(
      'FILE_TRUNCATED',
      `FIT file is truncated: its header announces ${expected} bytes, the file has ${bytes.length}`,
    );
  }
}

function toPoint(r: Mesg, steps: boolean): TrackPoint | null {
  const t = time(r.timestamp);
  if (t === undefined) return null;
  const p: TrackPoint = { time: t };
  const hr = num(r.heartRate);
  if (hr !== undefined) p.hr = hr;
  const speed = num(r.enhancedSpeed) ?? num(r.speed);
  if (speed !== undefined) p.speed = speed;
  const cadence = num(r.cadence);
  // Running cadence is recorded per foot (strides/min) with a fractional part; we store steps/min.
  if (cadence !== undefined) p.cadence = steps ? (cadence + (num(r.fractionalCadence) ?? 0)) * 2 : cadence;
  const power = num(r.power);
  if (power !== undefined) p.power = power;
  const lat = num(r.positionLat);
  const lon = num(r.positionLong);
  if (lat !== undefined && lon !== undefined) {
    p.lat = lat * DEG_PER_SEMICIRCLE;
    p.lon = lon * DEG_PER_SEMICIRCLE;
  }
  const altitude = num(r.enhancedAltitude) ?? num(r.altitude);
  if (altitude !== undefined) p.altitude = altitude;
  const distance = num(r.distance);
  if (distance !== undefined) p.distance = distance;
  return p;
}

function sessionTotals(s: Mesg): DeviceTotals {
  const totals: DeviceTotals = {};
  const set = (k: keyof DeviceTotals, v: number | undefined) => v !== undefined && (totals[k] = v);
  set('durationSec', num(s.totalTimerTime) ?? num(s.totalElapsedTime));
  set('distanceMeters', num(s.totalDistance));
  set('avgHr', num(s.avgHeartRate));
  set('maxHr', num(s.maxHeartRate));
  set('elevationGainMeters', num(s.totalAscent));
  return totals;
}

/**
 * A FIT activity file: one activity per session (a multisport file has several), its records split by the
 * session's time span; a file without sessions (some exporters) is one activity of all its records.
 */
export function decodeFit(bytes: Uint8Array): DecodedActivity[] {
  checkContainer(bytes);
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read({
    expandComponents: true,
    mergeHeartRates: true,
  });
  if (errors.length > 0) {
    const why = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
    throw new ImportFileError(
      'FILE_CORRUPT',
      /CRC/.test(why) ? 'FIT file is corrupt: its CRC check failed' : `FIT file is corrupt: ${why}`,
    );
  }
  const m = messages as unknown as Record<string, Mesg[] | undefined>;
  const fileType = m.fileIdMesgs?.[0]?.type;
  const records = m.recordMesgs ?? [];
  if (records.length === 0) {
    const kind =
      typeof fileType === 'string' && fileType !== 'activity' ? `a ${fileType} file` : 'a FIT file';
    throw new ImportFileError('NO_ACTIVITY', `is ${kind} without activity records`);
  }
  const sessions = m.sessionMesgs?.length
    ? m.sessionMesgs
    : [{ sport: m.sportMesgs?.[0]?.sport, subSport: m.sportMesgs?.[0]?.subSport } as Mesg];
  return sessions.map((s, i) => {
    const type = fitSport(s.sport, s.subSport);
    const from = time(s.startTime) ?? -Infinity;
    const elapsed = num(s.totalElapsedTime);
    const to = elapsed !== undefined && from !== -Infinity ? from + elapsed * 1000 : Infinity;
    const steps = STEP_SPORTS.has(type);
    // One session (the usual case) owns every record; several split them by their time spans.
    const mine =
      sessions.length === 1
        ? records
        : records.filter((r) => {
            const t = time(r.timestamp);
            return t !== undefined && t >= from && t <= to;
          });
    const points = mine.map((r) => toPoint(r, steps)).filter((p): p is TrackPoint => p !== null);
    if (points.length === 0) {
      throw new ImportFileError('NO_ACTIVITY', `FIT session ${i + 1} has no records`);
    }
    return {
      format: 'fit' as const,
      type,
      startTime: time(s.startTime) ?? points[0]!.time,
      points,
      totals: m.sessionMesgs?.length ? sessionTotals(s) : {},
    };
  });
}
