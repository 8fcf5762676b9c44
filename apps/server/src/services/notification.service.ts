import { Inject, Injectable } from '@nestjs/common';
import type { Notification, NotificationList, NotificationsQuery } from '@runningcoach/contracts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { NotificationRepository } from '../repositories/notification.repository.ts';
import type { NotificationRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

@Injectable()
export class NotificationService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(NotificationRepository) private readonly notifications: NotificationRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Newest first. */
  list(userId: string, query: NotificationsQuery): Promise<NotificationList> {
    return this.database.asUser(userId, async () => ({
      notifications: (await this.notifications.list(userId, query)).map(toNotification),
    }));
  }

  /** Idempotent; another runner's notification is a 404 like a missing one. */
  markRead(userId: string, id: string): Promise<Notification> {
    return this.database.asUser(userId, async () => {
      const row = await this.notifications.markRead(userId, id);
      if (!row) throw new AppError(404, 'NOT_FOUND', 'notification not found');
      await this.audit.record(userId, 'notification.read', 'notification', id);
      return toNotification(row);
    });
  }
}
