import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../utils/errors.ts';

const SYNC_PATH = /^\/api\/v1\/sync(\/|\?|$)/;
/** The app's body limit (app.ts), for the compressed and the inflated body alike. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Below this a gzip member's header costs more than it saves. */
const MIN_GZIP_BYTES = 256;

/**
 * gzip for the sync routes, both ways: a `Content-Encoding: gzip` body is inflated before the JSON parser
 * (which still enforces the body limit on the inflated bytes, so a gzip bomb stops there), and a response is
 * gzipped when the client accepts it.
 */
export function installSyncHttp(app: FastifyInstance): void {
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (!SYNC_PATH.test(req.url)) return payload;
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity') return payload;
    if (encoding !== 'gzip') {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'content-encoding: only gzip is accepted');
    }
    const compressed = await readAll(payload, MAX_BODY_BYTES);
    let body: Buffer;
    try {
      body = gunzipSync(compressed, { maxOutputLength: MAX_BODY_BYTES });
    } catch (err) {
      // Corrupt, or inflating past the body limit (a gzip bomb): the client's error, never a 500.
      const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw tooLarge
        ? new AppError(413, 'PAYLOAD_TOO_LARGE', 'body: inflates past the body limit')
        : new AppError(400, 'BAD_REQUEST', 'body: is not valid gzip');
    }
    delete req.headers['content-length'];
    req.headers['content-encoding'] = 'identity';
    return Readable.from([body]);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!SYNC_PATH.test(req.url) || reply.getHeader('content-encoding')) return payload;
    if (!/\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const bytes = Buffer.byteLength(payload);
    if (bytes < MIN_GZIP_BYTES) return payload;
    reply.header('content-encoding', 'gzip');
    reply.header('vary', 'accept-encoding');
    reply.removeHeader('content-length');
    return gzipSync(payload);
  });
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buf.length;
    if (size > limit) throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'body: is larger than the body limit');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
