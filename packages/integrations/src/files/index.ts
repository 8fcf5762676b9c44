import { buildActivity, type ImportedActivity } from './build.ts';
import { detectFormat, type FileFormat } from './detect.ts';
import { ImportFileError } from './errors.ts';
import { decodeFit } from './fit/decode.ts';
import { decodeGpx } from './gpx/decode.ts';
import { gunzipUpload } from './gzip.ts';
import { decodeTcx } from './tcx/decode.ts';
import type { DecodedActivity } from './track.ts';

export { type ImportedActivity } from './build.ts';
export { detectFormat, type FileFormat } from './detect.ts';
export { IMPORT_ERROR_STATUS, type ImportErrorCode, ImportFileError } from './errors.ts';
export { decodeFitWorkout, encodeFitWorkout, FIT_WORKOUT_CONTENT_TYPE } from './fit/workout.ts';
export {
  ELEVATION_SMOOTHING_SEC,
  ELEVATION_THRESHOLD_M,
  elevationGainMeters,
  haversineMeters,
  type SampleSummary,
  summarizeSamples,
} from './summary.ts';

/** Largest file accepted: a 24-hour 1 Hz TCX with every channel is about 30 MB; FIT about a tenth of it. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const DECODERS: Record<FileFormat, (bytes: Uint8Array) => DecodedActivity[]> = {
  fit: decodeFit,
  gpx: decodeGpx,
  tcx: decodeTcx,
};

export { gunzipUpload, isGzip } from './gzip.ts';

/**
 * Reads a FIT, GPX or TCX file, gzipped or not (the format from its content), into activities with summaries
 * and samples; `raw` is the file itself (inflated). Throws ImportFileError naming what is wrong: empty, too
 * large, not one of the three, truncated, corrupt, or holding no recorded activity.
 */
export function parseActivityFile(
  input: Uint8Array,
  opts: { maxBytes?: number } = {},
): { format: FileFormat; activities: ImportedActivity[]; raw: Uint8Array } {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (input.length > max) {
    throw new ImportFileError('FILE_TOO_LARGE', `is ${input.length} bytes: larger than the ${max} allowed`);
  }
  const bytes = gunzipUpload(input, max);
  const format = detectFormat(bytes);
  const decoded = DECODERS[format](bytes);
  const label = format.toUpperCase();
  const activities = decoded.map((d, i) =>
    buildActivity(d, decoded.length > 1 ? `${label} activity ${i + 1}` : `${label} file`),
  );
  return { format, activities, raw: bytes };
}

/** The file extension we store a format under. */
export const FORMAT_EXTENSION: Record<FileFormat, string> = { fit: 'fit', gpx: 'gpx', tcx: 'tcx' };
