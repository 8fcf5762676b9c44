import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppConfig } from '../config/config.ts';
import { Auth, Public } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import type { AccessClaims } from '../services/token.service.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { ConnectionService, OAUTH_PROVIDERS, PROVIDERS } from './connection.service.ts';
import { MfpSyncService } from './mfp-sync.service.ts';
import { TrainingPushService } from './training-push.service.ts';
import { WebhookService } from './webhook.service.ts';

const OAuthParams = z.object({ provider: z.enum(OAUTH_PROVIDERS) });
const ProviderParams = z.object({ provider: z.enum(PROVIDERS) });
const CallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  scope: z.string().max(500).optional(),
});
const DisconnectQuery = z.object({ deleteData: z.enum(['true', 'false']).optional() });
const DisconnectBody = z.strictObject({ deleteData: z.boolean().optional() }).optional();
const DeviceBody = z.strictObject({ deviceName: z.string().trim().min(1).max(100) });
const RangeBody = z
  .strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((b) => !b.from || !b.to || b.from <= b.to, { path: ['from'], message: 'must not be after to' })
  .optional();
const SyncParams = z.object({ id: z.uuid() });

/** `/api/v1/integrations`: OAuth connect / callback / disconnect per provider, Apple relay device secrets. */
@Controller('integrations')
export class IntegrationController {
  constructor(
    @Inject(ConnectionService) private readonly connections: ConnectionService,
    @Inject(WebhookService) private readonly webhooks: WebhookService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TrainingPushService) private readonly training: TrainingPushService,
    @Inject(MfpSyncService) private readonly mfp: MfpSyncService,
  ) {}

  @Get()
  list(@Auth() auth: AccessClaims) {
    return this.connections.list(auth.userId);
  }

  /** → `{ authorizeUrl, state }`: the app sends the runner to authorizeUrl. */
  @Post(':provider/connect')
  @HttpCode(201)
  connect(
    @Auth() auth: AccessClaims,
    @Param(new ZodPipe(OAuthParams)) { provider }: z.infer<typeof OAuthParams>,
    @Req() req: FastifyRequest,
  ) {
    return this.connections.connect(
      auth.userId,
      provider,
      this.config.publicUrl ?? `${req.protocol}://${req.host}`,
    );
  }

  /** Public: the provider's redirect carries no session; the single-use `state` names the runner. */
  @Public()
  @Get(':provider/callback')
  callback(
    @Param(new ZodPipe(OAuthParams)) { provider }: z.infer<typeof OAuthParams>,
    @Query(new ZodPipe(CallbackQuery)) query: z.infer<typeof CallbackQuery>,
  ) {
    return this.connections.callback(provider, query);
  }

  /** Tokens deleted; `?deleteData=true` (or `{ "deleteData": true }`) also deletes what the provider brought. */
  @Delete(':provider')
  disconnect(
    @Auth() auth: AccessClaims,
    @Param(new ZodPipe(ProviderParams)) { provider }: z.infer<typeof ProviderParams>,
    @Query(new ZodPipe(DisconnectQuery)) query: z.infer<typeof DisconnectQuery>,
    @Body(new ZodPipe(DisconnectBody)) body: z.infer<typeof DisconnectBody>,
  ) {
    return this.connections.disconnect(
      auth.userId,
      provider,
      query.deleteData === 'true' || body?.deleteData === true,
    );
  }

  /** Training API: the plan's structured workouts (default: the next 7 days) pushed to Garmin as FIT files. */
  @Post('garmin/workouts')
  pushWorkouts(@Auth() auth: AccessClaims, @Body(new ZodPipe(RangeBody)) body: z.infer<typeof RangeBody>) {
    return this.training.pushToGarmin(auth.userId, body ?? {});
  }

  /** A MyFitnessPal diary import (default: the last 14 days, at most 92), queued → 202 with its status. */
  @Post('myfitnesspal/sync')
  @HttpCode(202)
  sync(@Auth() auth: AccessClaims, @Body(new ZodPipe(RangeBody)) body: z.infer<typeof RangeBody>) {
    return this.mfp.request(auth.userId, body ?? {});
  }

  /** Where a MyFitnessPal import is: pending (queued, or waiting out an outage), done or failed. */
  @Get('myfitnesspal/sync/:id')
  syncStatus(@Auth() auth: AccessClaims, @Param(new ZodPipe(SyncParams)) { id }: z.infer<typeof SyncParams>) {
    return this.mfp.status(auth.userId, id);
  }

  /** A per-device secret for the Apple Health relay (`POST /webhooks/apple`), shown this once. */
  @Post('apple/devices')
  @HttpCode(201)
  device(@Auth() auth: AccessClaims, @Body(new ZodPipe(DeviceBody)) body: z.infer<typeof DeviceBody>) {
    return this.webhooks.issueDeviceSecret(auth.userId, body.deviceName);
  }
}
