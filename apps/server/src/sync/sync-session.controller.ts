import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type IdParam, IdParamSchema } from '@runningcoach/contracts';
import { z } from 'zod';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import type { AccessClaims } from '../services/token.service.ts';
import { type PushBody, PushBodySchema } from './push-validation.ts';
import { lastPulledAt, ms, PushQuerySchema, pushWithHeaders } from './sync.controller.ts';
import { SyncConflictsService } from './sync-conflicts.service.ts';
import { SyncPullService } from './sync-pull.service.ts';
import { SyncPushService } from './sync-push.service.ts';
import { SyncSessionService } from './sync-session.service.ts';

/** `{}` or no body: everything (a first sync). */
export const CheckBodySchema = z.strictObject({ since: lastPulledAt.nullable() }).optional();
export const DownloadQuerySchema = z.strictObject({
  since: lastPulledAt,
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  cursor: z.string().max(1000).optional(),
  window_days: z.coerce.number().int().min(0).max(36_500).optional(),
});
export const CompleteBodySchema = z.strictObject({
  deviceId: z.string().min(1).max(128),
  cursor: ms,
});

/**
 * The sync PRD's session flow (extension; shapes in src/sync/README.md): thin wrappers over the pull, push
 * and clock of the WatermelonDB endpoints. Also the conflict log's undo.
 */
@Controller('sync')
export class SyncSessionController {
  constructor(
    @Inject(SyncSessionService) private readonly session: SyncSessionService,
    @Inject(SyncPullService) private readonly pulls: SyncPullService,
    @Inject(SyncPushService) private readonly pushes: SyncPushService,
    @Inject(SyncConflictsService) private readonly conflicts: SyncConflictsService,
  ) {}

  @Post('check')
  @HttpCode(200)
  check(
    @Auth() auth: AccessClaims,
    @Body(new ZodPipe(CheckBodySchema)) body: z.infer<typeof CheckBodySchema>,
  ) {
    return this.session.check(auth.userId, body?.since ?? 0);
  }

  @Post('upload')
  @HttpCode(200)
  async upload(
    @Auth() auth: AccessClaims,
    @Query(new ZodPipe(PushQuerySchema)) q: z.infer<typeof PushQuerySchema>,
    @Body(new ZodPipe(PushBodySchema)) body: PushBody,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('x-device-id') deviceId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return pushWithHeaders(this.pushes, auth.userId, body, q, { key, deviceId }, reply);
  }

  @Get('download')
  download(
    @Auth() auth: AccessClaims,
    @Query(new ZodPipe(DownloadQuerySchema)) q: z.infer<typeof DownloadQuerySchema>,
  ) {
    return this.pulls.pull(auth.userId, {
      lastPulledAt: q.since,
      limit: q.limit,
      cursor: q.cursor,
      windowDays: q.window_days,
    });
  }

  @Post('complete')
  @HttpCode(200)
  complete(
    @Auth() auth: AccessClaims,
    @Body(new ZodPipe(CompleteBodySchema)) body: z.infer<typeof CompleteBodySchema>,
  ) {
    return this.session.complete(auth.userId, body.deviceId, body.cursor);
  }

  @Get('status')
  status(@Auth() auth: AccessClaims) {
    return this.session.status(auth.userId);
  }

  /** Undo a merge or override of the last 24 h (extension): 404 unknown, 410 too late, 409 nothing to undo. */
  @Post('conflicts/:id/undo')
  @HttpCode(200)
  undo(@Auth() auth: AccessClaims, @Param(new ZodPipe(IdParamSchema)) p: IdParam) {
    return this.conflicts.undo(auth.userId, p.id);
  }
}
