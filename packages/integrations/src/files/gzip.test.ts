import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportFileError, parseActivityFile } from './index.ts';
import { syntheticRun } from './testing/long-run.ts';
import { runToFit, runToGpx, runToTcx } from './testing/render.ts';

const run = syntheticRun({ durationSec: 900 });
const bytes = (x: Uint8Array | string) => (typeof x === 'string' ? new TextEncoder().encode(x) : x);

describe('gzipped files', () => {
  it.each([
    ['fit', runToFit(run)],
    ['gpx', bytes(runToGpx(run))],
    ['tcx', bytes(runToTcx(run))],
  ] as const)('a gzipped %s imports like the plain file, its raw bytes inflated', (format, plain) => {
    const direct = parseActivityFile(plain);
    const zipped = parseActivityFile(gzipSync(plain));
    expect(zipped.format).toBe(format);
    expect(Buffer.from(zipped.raw).equals(Buffer.from(plain))).toBe(true);
    expect(zipped.activities[0]!.distanceMeters).toBe(direct.activities[0]!.distanceMeters);
    expect(zipped.activities[0]!.durationSec).toBe(direct.activities[0]!.durationSec);
  });

  it('a cut-off gzip is corrupt, a bomb is too large', () => {
    const gz = gzipSync(runToFit(run));
    const cut = () => parseActivityFile(gz.subarray(0, gz.length >> 1));
    expect(cut).toThrow(ImportFileError);
    expect(cut).toThrow(/does not inflate/);
    const bomb = gzipSync(Buffer.alloc(4096, 0x20));
    try {
      parseActivityFile(bomb, { maxBytes: 1024 });
      throw new Error('inflated a bomb');
    } catch (err) {
      expect((err as ImportFileError).code).toBe('FILE_TOO_LARGE');
      expect((err as ImportFileError).status).toBe(413);
    }
  });
});
