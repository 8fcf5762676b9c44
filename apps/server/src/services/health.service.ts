import { Inject, Injectable, Logger } from '@nestjs/common';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { AppError } from '../utils/errors.ts';

const READY_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly logger = new Logger('HealthService');

  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async ready(): Promise<{ status: 'ok' }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.database.ping(), timeout]);
      return { status: 'ok' };
    } catch (err) {
      this.logger.warn(`database not ready: ${(err as Error).message}`);
      throw new AppError(503, 'NOT_READY', 'the database is not reachable');
    } finally {
      clearTimeout(timer);
    }
  }
}
