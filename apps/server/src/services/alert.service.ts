import { Inject, Injectable } from '@nestjs/common';
import type { Alert, AlertList, AlertsQuery } from '@runningcoach/contracts';
import { AlertReadRepository } from '../repositories/alert-read.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import type { AlertRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    date: row.date,
    title: row.title,
    body: row.body,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dismissedAt: row.dismissedAt?.toISOString() ?? null,
  };
}

/** The runner's side of alerts: read them, dismiss them (raising them is the pipelines' job). */
@Injectable()
export class AlertService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AlertReadRepository) private readonly alerts: AlertReadRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Most recent day first. */
  list(userId: string, query: AlertsQuery): Promise<AlertList> {
    return this.database.asUser(userId, async () => ({
      alerts: (await this.alerts.list(userId, query)).map(toAlert),
    }));
  }

  dismiss(userId: string, id: string): Promise<Alert> {
    return this.database.asUser(userId, async () => {
      const row = await this.alerts.dismiss(userId, id);
      if (!row) throw new AppError(404, 'NOT_FOUND', 'alert not found');
      await this.audit.record(userId, 'alert.dismiss', 'alert', id);
      return toAlert(row);
    });
  }
}
