import { pgErrorCode } from './pg-errors.ts';

export interface SafeError {
  type: string;
  message: string;
  /** SQLSTATE of a database error. */
  code?: string;
  stack?: string;
}

/**
 * An error as it may be logged or stored (dead letters): Drizzle appends a failed query's parameters to its
 * message, and PostgreSQL's `detail` repeats key values — both can hold health data, emails or hashes. Only
 * the message before the parameters, the SQLSTATE and the stack frames are kept.
 */
export function safeError(err: unknown): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown' };
  const message = err.message.replace(/\n?\s*params:[\s\S]*$/, ' [params redacted]');
  const frames = err.stack
    ?.split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  const code = pgErrorCode(err);
  return {
    type: err.name,
    message,
    ...(code !== undefined && { code }),
    ...(frames && { stack: `${err.name}: ${message}\n${frames}` }),
  };
}
