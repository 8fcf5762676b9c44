import { Inject, Injectable } from '@nestjs/common';
import { auditLog } from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

@Injectable()
export class AuditRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async record(
    userId: string,
    action: string,
    entity: string,
    entityId: string | null = null,
  ): Promise<void> {
    await this.database.tx.insert(auditLog).values({ userId, action, entity, entityId });
  }
}
