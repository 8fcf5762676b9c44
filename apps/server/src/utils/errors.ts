import { HttpException } from '@nestjs/common';
import { ImportFileError } from '@runningcoach/integrations';
import { ZodError } from 'zod';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** An error meant for the client: its status, stable code and message are sent as they are. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/** `profile.weightKg`; an unknown key is reported at the key itself; the whole body is `body`. */
function issuePaths(issue: ZodError['issues'][number]): string[] {
  const base = issue.path.map(String);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...base, k]) : [base];
  return keys.map((p) => (p.length ? p.join('.') : 'body'));
}

export function validationError(err: ZodError): AppError {
  const issues: ValidationIssue[] = err.issues.flatMap((i) =>
    issuePaths(i).map((path) => ({ path, code: i.code, message: i.message })),
  );
  const first = issues[0] ?? { path: 'body', message: 'is invalid' };
  return new AppError(400, 'VALIDATION_FAILED', `${first.path}: ${first.message}`, { issues });
}

/** An uploaded file we refuse: its status (400/413/415/422), its code, and `file` as the field at fault. */
export function importError(err: ImportFileError): AppError {
  const issue = { path: 'file', code: err.code, message: err.message.replace(/^file: /, '') };
  return new AppError(err.status, err.code, err.message, { issues: [issue] });
}

// Errors Fastify raises before a handler runs (body parsing), by Fastify error code.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

function causeCode(err: HttpException): string | undefined {
  const cause = err.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** Maps anything thrown to API.md's error body. Unknown errors become a bare 500 (details are logged, not sent). */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ZodError) err = validationError(err);
  if (err instanceof ImportFileError) err = importError(err);
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, details: err.details } },
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const fastifyCode = causeCode(err);
    const code = (fastifyCode && FASTIFY_CODES[fastifyCode]) ?? STATUS_CODES[status] ?? `HTTP_${status}`;
    const message = code === 'INVALID_JSON' ? `body: is not valid JSON (${err.message})` : err.message;
    return { status, body: { error: { code, message, details: null } } };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL_ERROR', message: 'Internal server error', details: null } },
  };
}
