import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import type { AccessClaims } from '../services/token.service.ts';
import { type PushBody, PushBodySchema } from './push-validation.ts';
import { SyncPullService } from './sync-pull.service.ts';
import { SyncPushService } from './sync-push.service.ts';

export const ms = z.coerce.number().int().min(0).max(8.64e15);
/** WatermelonDB sends `null`/omits last_pulled_at on a first sync. */
export const lastPulledAt = z.preprocess((v) => (v === 'null' || v === '' ? undefined : v), ms.optional());

export const PullQuerySchema = z.strictObject({
  last_pulled_at: lastPulledAt,
  schema_version: z.coerce.number().int().min(0).optional(),
  migration: z.string().max(10_000).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  cursor: z.string().max(1000).optional(),
  window_days: z.coerce.number().int().min(0).max(36_500).optional(),
});
export type PullQueryDto = z.infer<typeof PullQuerySchema>;

export const PushQuerySchema = z.strictObject({ last_pulled_at: lastPulledAt });
export const IdempotencyKeySchema = z.string().min(1).max(200).optional();
export const DeviceIdSchema = z.string().min(1).max(128).optional();

/**
 * POST /sync and its session-flow twin POST /sync/upload: the headers checked (Idempotency-Key,
 * X-Device-Id), one push, a replayed answer flagged with `idempotency-replayed: true`.
 */
export async function pushWithHeaders(
  pushes: SyncPushService,
  userId: string,
  body: PushBody,
  q: z.infer<typeof PushQuerySchema>,
  headers: { key: string | undefined; deviceId: string | undefined },
  reply: FastifyReply,
) {
  const { result, replayed } = await pushes.push(userId, body, {
    lastPulledAt: q.last_pulled_at,
    idempotencyKey: new ZodPipe(IdempotencyKeySchema).transform(headers.key),
    deviceId: new ZodPipe(DeviceIdSchema).transform(headers.deviceId),
  });
  if (replayed) reply.header('idempotency-replayed', 'true');
  return result;
}

/** WatermelonDB protocol (API.md, Sync); shapes in src/sync/README.md. */
@Controller('sync')
export class SyncController {
  constructor(
    @Inject(SyncPullService) private readonly pulls: SyncPullService,
    @Inject(SyncPushService) private readonly pushes: SyncPushService,
  ) {}

  @Get()
  pull(@Auth() auth: AccessClaims, @Query(new ZodPipe(PullQuerySchema)) q: PullQueryDto) {
    return this.pulls.pull(auth.userId, {
      lastPulledAt: q.last_pulled_at,
      limit: q.limit,
      cursor: q.cursor,
      windowDays: q.window_days,
    });
  }

  @Post()
  @HttpCode(200)
  async push(
    @Auth() auth: AccessClaims,
    @Query(new ZodPipe(PushQuerySchema)) q: z.infer<typeof PushQuerySchema>,
    @Body(new ZodPipe(PushBodySchema)) body: PushBody,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('x-device-id') deviceId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return pushWithHeaders(this.pushes, auth.userId, body, q, { key, deviceId }, reply);
  }
}
