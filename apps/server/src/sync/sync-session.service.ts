import { Inject, Injectable } from '@nestjs/common';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { AppError } from '../utils/errors.ts';
import { SyncRepository } from './sync.repository.ts';
import { SYNC_SCHEMA_VERSION } from './sync-tables.ts';

export interface CheckResult {
  serverTime: number;
  schemaVersion: number;
  /** The runner's clock now: a pull now would answer this `timestamp`. */
  timestamp: number;
  since: number;
  /** Changed records per table since `since`, and `deleted`: tombstones. */
  changes: Record<string, number>;
  total: number;
  hasChanges: boolean;
}

export interface DeviceStatus {
  deviceId: string;
  lastSyncAt: number;
  acknowledgedCursor: number;
  pendingChanges: number;
}

/**
 * The sync PRD's session flow (check → upload → download → complete, and status) over the same clock:
 * upload and download are the push and pull themselves; check and status count what a pull would send.
 */
@Injectable()
export class SyncSessionService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(SyncRepository) private readonly sync: SyncRepository,
  ) {}

  check(userId: string, since = 0): Promise<CheckResult> {
    return this.database.asUser(
      userId,
      async () => {
        const timestamp = Math.max(await this.sync.clock(userId), 1);
        const changes = await this.sync.countsSince(userId, since, timestamp);
        // As the pull: a first sync deletes nothing and always gets the settings record.
        if (since === 0) Object.assign(changes, { deleted: 0, user_settings: 1 });
        const total = Object.values(changes).reduce((a, b) => a + b, 0);
        return {
          serverTime: Date.now(),
          schemaVersion: SYNC_SCHEMA_VERSION,
          timestamp,
          since,
          changes,
          total,
          hasChanges: total > 0,
        };
      },
      { isolation: 'repeatable read' },
    );
  }

  /** The device applied a pull up to `cursor` (its `timestamp`): a cursor the server never gave is refused. */
  complete(userId: string, deviceId: string, cursor: number): Promise<DeviceStatus> {
    return this.database.asUser(userId, async () => {
      const clock = Math.max(await this.sync.clock(userId), 1);
      if (cursor > clock) {
        throw new AppError(400, 'INVALID_CURSOR', 'cursor: is ahead of the server (not a pull timestamp)', {
          field: 'cursor',
        });
      }
      const row = await this.sync.acknowledge(userId, deviceId, cursor);
      const pending = await this.sync.countsSince(userId, row.acknowledgedVersion, clock);
      return {
        deviceId: row.deviceId,
        lastSyncAt: row.lastSyncAt.getTime(),
        acknowledgedCursor: row.acknowledgedVersion,
        pendingChanges: sum(pending),
      };
    });
  }

  status(userId: string): Promise<{ serverTime: number; timestamp: number; devices: DeviceStatus[] }> {
    return this.database.asUser(
      userId,
      async () => {
        const timestamp = Math.max(await this.sync.clock(userId), 1);
        const devices: DeviceStatus[] = [];
        for (const d of await this.sync.devices(userId)) {
          const pending = await this.sync.countsSince(userId, d.acknowledgedVersion, timestamp);
          devices.push({
            deviceId: d.deviceId,
            lastSyncAt: d.lastSyncAt.getTime(),
            acknowledgedCursor: d.acknowledgedVersion,
            pendingChanges: sum(pending),
          });
        }
        return { serverTime: Date.now(), timestamp, devices };
      },
      { isolation: 'repeatable read' },
    );
  }
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
