import { AppError } from '../utils/errors.ts';
import { MULTIPART_ROUTES } from './upload.ts';

interface HookRequest {
  headers: Record<string, string | string[] | undefined>;
  url: string;
}

/**
 * The API speaks JSON: a request that carries a body of another type is a 415 before any parser sees it
 * (otherwise Fastify would hand a form-encoded or text body to the schemas).
 */
export function jsonOnlyHook(req: HookRequest, _reply: unknown, done: (err?: Error) => void): void {
  const length = req.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!hasBody || /^application\/(.+\+)?json\s*(;|$)/i.test(type)) return done();
  // File uploads: multipart on the routes that take one (their handler refuses anything else with a 415).
  if (/^multipart\/form-data\s*;/i.test(type) && MULTIPART_ROUTES.has(req.url.split('?')[0]!)) return done();
  done(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'body: must be sent as application/json'));
}
