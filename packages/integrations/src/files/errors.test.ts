import { Encoder, Profile } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { ImportFileError, parseActivityFile } from './index.ts';
import { syntheticRun } from './testing/long-run.ts';
import { runToFit, runToGpx } from './testing/render.ts';

const run = syntheticRun({ durationSec: 600 });
const fit = runToFit(run);
const gpx = runToGpx(run);
const enc = new TextEncoder();

function failure(bytes: Uint8Array, maxBytes?: number): ImportFileError {
  try {
    parseActivityFile(bytes, { maxBytes });
  } catch (err) {
    if (err instanceof ImportFileError) return err;
    throw err;
  }
  throw new Error('imported a bad file');
}

const corrupt = () => {
  const b = fit.slice();
  b[Math.floor(b.length / 2)]! ^= 0xff;
  return b;
};
const workoutFit = () => {
  const e = new Encoder();
  e.onMesg(Profile.MesgNum.FILE_ID!, { type: 'workout', manufacturer: 'development', product: 0 } as never);
  e.onMesg(Profile.MesgNum.WORKOUT!, { sport: 'running', numValidSteps: 0 } as never);
  return e.close();
};

describe('bad files are refused with a reason', () => {
  it.each([
    ['empty', () => new Uint8Array(0), 'FILE_EMPTY', 400, /empty/],
    [
      'a PNG',
      () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]),
      'UNSUPPORTED_FILE_TYPE',
      415,
      /not a FIT/,
    ],
    [
      'plain text',
      () => enc.encode('date,distance\n2026-01-01,5000\n'),
      'UNSUPPORTED_FILE_TYPE',
      415,
      /not a FIT/,
    ],
    [
      'KML',
      () => enc.encode('<?xml version="1.0"?><kml><Document/></kml>'),
      'UNSUPPORTED_FILE_TYPE',
      415,
      /<kml>/,
    ],
    [
      'a truncated FIT',
      () => fit.subarray(0, Math.floor(fit.length * 0.6)),
      'FILE_TRUNCATED',
      422,
      /truncated.*announces/,
    ],
    ['a FIT cut inside its header', () => fit.subarray(0, 10), 'FILE_TRUNCATED', 422, /FIT header/],
    ['a FIT with a flipped byte', corrupt, 'FILE_CORRUPT', 422, /CRC/],
    ['a FIT workout (no activity)', workoutFit, 'NO_ACTIVITY', 422, /workout file without activity records/],
    [
      'a truncated GPX',
      () => enc.encode(gpx.slice(0, Math.floor(gpx.length * 0.7))),
      'FILE_TRUNCATED',
      422,
      /GPX file is truncated/,
    ],
    [
      'malformed GPX',
      () => enc.encode(gpx.replace('<trkseg>', '<trkseg><oops>')),
      'FILE_CORRUPT',
      422,
      /not well-formed.*line/,
    ],
    [
      'a GPX route',
      () => enc.encode('<gpx version="1.1"><rte><rtept lat="1" lon="2"/></rte></gpx>'),
      'NO_ACTIVITY',
      422,
      /only a route/,
    ],
    [
      'a GPX track without times',
      () => enc.encode(gpx.replace(/<time>[^<]*<\/time>/g, '')),
      'NO_ACTIVITY',
      422,
      /no <time>/,
    ],
    [
      'an empty TCX',
      () => enc.encode('<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>'),
      'NO_ACTIVITY',
      422,
      /no <Activity>/,
    ],
  ])('%s → %s (%i)', (_name, make, code, status, message) => {
    const err = failure(make());
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.message).toMatch(/^file: /);
    expect(err.message).toMatch(message);
  });

  it('oversized → FILE_TOO_LARGE (413), before any decoding', () => {
    const err = failure(fit, fit.length - 1);
    expect([err.code, err.status]).toEqual(['FILE_TOO_LARGE', 413]);
    expect(err.message).toContain(String(fit.length));
  });

  it('the type comes from the content: a GPX with a byte-order mark and comments is still GPX', () => {
    const { format } = parseActivityFile(
      enc.encode(`\uFEFF<!-- exported -->\n${gpx.replace(/^<\?xml[^>]*>\n/, '')}`),
    );
    expect(format).toBe('gpx');
  });
});
