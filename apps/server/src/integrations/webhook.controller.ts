import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { apple } from '@runningcoach/integrations';
import type { FastifyRequest } from 'fastify';
import { Public } from '../middleware/auth.decorators.ts';
import { AppError } from '../utils/errors.ts';
import { WebhookService } from './webhook.service.ts';

/**
 * `/webhooks/*` (outside /api/v1): public to the guard by design, each verified as its provider allows.
 * They only log and queue, so they answer well within the providers' 2 s.
 */
@Public()
@Controller('webhooks')
export class WebhookController {
  constructor(@Inject(WebhookService) private readonly webhooks: WebhookService) {}

  @Get('strava')
  stravaChallenge(@Query() query: Record<string, string | undefined>) {
    return this.webhooks.stravaChallenge(query);
  }

  @Post('strava')
  @HttpCode(200)
  strava(@Body() body: unknown) {
    return this.webhooks.strava(body);
  }

  @Post('garmin')
  @HttpCode(200)
  garmin(@Headers('garmin-client-id') clientId: string | undefined, @Body() body: unknown) {
    return this.webhooks.garmin(clientId, body);
  }

  /** `/webhooks/garmin/activities`, `/webhooks/garmin/dailies`, ...: the same bodies, one type per endpoint. */
  @Post('garmin/:type')
  @HttpCode(200)
  garminTyped(
    @Param('type') type: string,
    @Headers('garmin-client-id') clientId: string | undefined,
    @Body() body: unknown,
  ) {
    if (!/^[a-zA-Z]{1,40}$/.test(type)) throw new AppError(404, 'NOT_FOUND', 'no such webhook');
    return this.webhooks.garmin(clientId, body);
  }

  @Post('apple')
  @HttpCode(200)
  apple(@Req() req: FastifyRequest & { rawBody?: Buffer }) {
    const header = (h: string) => {
      const v = req.headers[h];
      return Array.isArray(v) ? v[0] : v;
    };
    return this.webhooks.apple(
      header(apple.APPLE_DEVICE_HEADER),
      header(apple.APPLE_SIGNATURE_HEADER),
      req.rawBody,
    );
  }
}
