import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.ts';
import { ACCESS_TOKEN_TTL_SEC } from '../services/token.service.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

const PREFIX = 'rc:revoked-runner:';
// Our access tokens live ACCESS_TOKEN_TTL_SEC; a Supabase access token at most a week (its maximum JWT expiry).
const REMEMBER_MS = Math.max(ACCESS_TOKEN_TTL_SEC * 1000, 7 * 24 * 3600 * 1000);

/**
 * Runners whose access tokens issued up to some instant must stop working before they expire (a deleted
 * account). Access tokens are stateless, so every API process checks this list: in Redis when configured
 * (shared by all processes), else in this process's memory. Entries expire with the last token they concern.
 */
@Injectable()
export class RevocationRepository implements OnApplicationShutdown {
  private readonly local = new Map<string, number>();
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        commandTimeout: 500,
        lazyConnect: true,
      });
      this.redis.on('error', () => {});
    }
  }

  async revokeRunner(userId: string, now = Date.now()): Promise<void> {
    this.local.set(userId, now);
    await this.redis?.set(`${PREFIX}${userId}`, String(now), 'PX', REMEMBER_MS);
  }

  /** The instant up to which the runner's tokens are revoked, or null. */
  async revokedAt(userId: string, now = Date.now()): Promise<number | null> {
    const at = this.local.get(userId);
    if (at !== undefined) {
      if (at + REMEMBER_MS > now) return at;
      this.local.delete(userId);
    }
    if (!this.redis) return null;
    const v = await this.redis.get(`${PREFIX}${userId}`);
    return v === null ? null : Number(v);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    if (this.redis.status === 'wait') this.redis.disconnect();
    else await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
