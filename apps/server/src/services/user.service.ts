import { Inject, Injectable } from '@nestjs/common';
import type { UpdateMe, User } from '@runningcoach/contracts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { UserRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    profile: row.profile,
    settings: row.settings,
    baselines: row.baselines,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const userGone = () => new AppError(404, 'NOT_FOUND', 'user not found');

@Injectable()
export class UserService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  getMe(userId: string): Promise<User> {
    return this.database.asUser(userId, async () => {
      const row = await this.users.findById(userId);
      if (!row) throw userGone();
      return toUser(row);
    });
  }

  /** Merges each section present in the patch into what is stored; `name: null` clears the name. */
  updateMe(userId: string, patch: UpdateMe): Promise<User> {
    return this.database.asUser(userId, async () => {
      const current = await this.users.findById(userId, { forUpdate: true });
      if (!current) throw userGone();
      const { notifications, location, ...settings } = patch.settings ?? {};
      const { location: stored, ...kept } = current.settings;
      const place = location === undefined ? stored : (location ?? undefined);
      const row = await this.users.update(userId, {
        ...(patch.name !== undefined && { name: patch.name }),
        profile: { ...current.profile, ...patch.profile },
        settings: {
          ...kept,
          ...settings,
          notifications: { ...current.settings.notifications, ...notifications },
          ...(place && { location: place }),
        },
        baselines: { ...current.baselines, ...patch.baselines },
      });
      if (!row) throw userGone();
      await this.audit.record(userId, 'user.update', 'user', userId);
      return toUser(row);
    });
  }
}
