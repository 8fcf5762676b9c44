import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import {
  deviceSessions,
  refreshTokens,
  type DeviceSessionRow,
  type RefreshTokenRow,
} from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export interface RefreshTokenWithSession extends RefreshTokenRow {
  sessionRevokedAt: Date | null;
}

/** Device sessions and their refresh tokens. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async create(userId: string, deviceId: string): Promise<DeviceSessionRow> {
    const [row] = await this.database.tx.insert(deviceSessions).values({ userId, deviceId }).returning();
    return row!;
  }

  /** Revokes the device's live sessions (a new sign-in on a device replaces its old one); returns their ids. */
  async revokeDevice(userId: string, deviceId: string, at: Date): Promise<string[]> {
    const rows = await this.database.tx
      .update(deviceSessions)
      .set({ revokedAt: at })
      .where(
        and(
          eq(deviceSessions.userId, userId),
          eq(deviceSessions.deviceId, deviceId),
          isNull(deviceSessions.revokedAt),
        ),
      )
      .returning({ id: deviceSessions.id });
    for (const { id } of rows) await this.retireTokens(userId, id, at);
    return rows.map((r) => r.id);
  }

  /** Revokes one session and every token it still holds. */
  async revoke(userId: string, sessionId: string, at: Date): Promise<void> {
    await this.database.tx
      .update(deviceSessions)
      .set({ revokedAt: at })
      .where(
        and(
          eq(deviceSessions.userId, userId),
          eq(deviceSessions.id, sessionId),
          isNull(deviceSessions.revokedAt),
        ),
      );
    await this.retireTokens(userId, sessionId, at);
  }

  async addRefreshToken(
    userId: string,
    sessionId: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<RefreshTokenRow> {
    const [row] = await this.database.tx
      .insert(refreshTokens)
      .values({ userId, sessionId, tokenHash, expiresAt })
      .returning();
    return row!;
  }

  /** The token and its session's state, locked so two refreshes with one token cannot both win. */
  async findRefreshToken(userId: string, tokenHash: string): Promise<RefreshTokenWithSession | undefined> {
    const [row] = await this.database.tx
      .select({ token: refreshTokens, sessionRevokedAt: deviceSessions.revokedAt })
      .from(refreshTokens)
      .innerJoin(deviceSessions, eq(deviceSessions.id, refreshTokens.sessionId))
      .where(and(eq(refreshTokens.userId, userId), eq(refreshTokens.tokenHash, tokenHash)))
      .for('update', { of: refreshTokens });
    return row && { ...row.token, sessionRevokedAt: row.sessionRevokedAt };
  }

  async markUsed(userId: string, tokenId: string, replacedBy: string | null, at: Date): Promise<void> {
    await this.database.tx
      .update(refreshTokens)
      .set({ usedAt: at, replacedBy })
      .where(and(eq(refreshTokens.userId, userId), eq(refreshTokens.id, tokenId)));
  }

  private async retireTokens(userId: string, sessionId: string, at: Date): Promise<void> {
    await this.database.tx
      .update(refreshTokens)
      .set({ usedAt: at })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          eq(refreshTokens.sessionId, sessionId),
          isNull(refreshTokens.usedAt),
        ),
      );
  }
}
