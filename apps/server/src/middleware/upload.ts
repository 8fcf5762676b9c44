import { ImportFileError, MAX_IMPORT_BYTES } from '@runningcoach/integrations';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../utils/errors.ts';

/** Routes that take `multipart/form-data` (everything else speaks JSON only, see json-only.hook.ts). */
export const MULTIPART_ROUTES: ReadonlySet<string> = new Set(['/api/v1/activities/import']);

/** @fastify/multipart limits: one file part of at most MAX_IMPORT_BYTES, a few small text fields. */
export const MULTIPART_LIMITS = {
  fileSize: MAX_IMPORT_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 1024,
  parts: 12,
};

const fileIssue = (code: string, message: string) => ({ issues: [{ path: 'file', code, message }] });

/** The bytes of the `file` part, or a 4xx naming `file` (415 when the request is not multipart at all). */
export async function readUploadedFile(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!req.isMultipart()) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'body: must be multipart/form-data with the activity file in a field named file',
    );
  }
  let part;
  try {
    part = await req.file({ limits: MULTIPART_LIMITS });
  } catch (err) {
    throw uploadError(err);
  }
  if (part && part.fieldname !== 'file') {
    // Read the stray part to its end, or the request would never finish and the answer never arrive.
    await part.toBuffer().catch(() => undefined);
  }
  if (!part || part.fieldname !== 'file') {
    const message = part ? `is missing (the upload is in a field named ${part.fieldname})` : 'is missing';
    throw new AppError(400, 'VALIDATION_FAILED', `file: ${message}`, fileIssue('required', message));
  }
  try {
    return { bytes: await part.toBuffer(), filename: part.filename };
  } catch (err) {
    throw uploadError(err);
  }
}

function uploadError(err: unknown): Error {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ImportFileError('FILE_TOO_LARGE', `is larger than the ${MAX_IMPORT_BYTES} bytes allowed`);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError(413, 'PAYLOAD_TOO_LARGE', 'file: send one file per request');
  }
  if (code === 'FST_MP_PREMATURE_CLOSE' || code === 'FST_PROTO_VIOLATION') {
    return new AppError(400, 'BAD_REQUEST', 'file: the multipart body is incomplete or malformed');
  }
  // busboy's own parse errors (a broken boundary, a body cut short) are the client's too.
  if (err instanceof Error && /multipart|boundary|unexpected end/i.test(err.message)) {
    return new AppError(400, 'BAD_REQUEST', `file: the multipart body is malformed (${err.message})`);
  }
  return err instanceof Error ? err : new Error(String(err));
}
