import { gunzipSync } from 'node:zlib';
import { ImportFileError } from './errors.ts';

/** gzip member header magic (RFC 1952, 2.3.1). */
export const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * The inflated bytes of a gzipped upload (`run.fit.gz`), capped at `maxBytes` so a small bomb cannot
 * exhaust memory; anything else is returned as is.
 */
export function gunzipUpload(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new ImportFileError('FILE_TOO_LARGE', `inflates to more than the ${maxBytes} bytes allowed`);
    }
    throw new ImportFileError(
      'FILE_CORRUPT',
      'is gzip-compressed but does not inflate (truncated or corrupt)',
    );
  }
}
