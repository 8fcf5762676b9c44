import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { toErrorResponse } from '../utils/errors.ts';
import { safeError } from '../utils/safe-error.ts';

/** Every error leaves as `{ error: { code, message, details } }`; only 5xx are logged, with the cause. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toErrorResponse(exception);
    // Never the raw error: a failed query carries its parameters (health data, emails, hashes).
    if (status >= 500) this.logger.error(safeError(exception));
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, status);
  }
}
