import { Controller, Delete, Get, Headers, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import {
  type CalendarFeedQuery,
  CalendarFeedQuerySchema,
  type CalendarTokenResponse,
} from '@runningcoach/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Public } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { CalendarService } from '../services/calendar.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('plan')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  /** Public to the guard: calendar apps authenticate with `?token=`; without it the service wants a Bearer. */
  @Public()
  @Get('calendar.ics')
  async feed(
    @Query(new ZodPipe(CalendarFeedQuerySchema)) query: CalendarFeedQuery,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const ics = await this.calendar.feed({ token: query.token, authorization });
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="runningcoach.ics"')
      .header('cache-control', 'private, no-store');
    return ics;
  }

  @Post('calendar-token')
  @HttpCode(201)
  rotate(@Auth() auth: AccessClaims, @Req() req: FastifyRequest): Promise<CalendarTokenResponse> {
    return this.calendar.rotateToken(auth.userId, `${req.protocol}://${req.host}`);
  }

  @Delete('calendar-token')
  @HttpCode(204)
  revoke(@Auth() auth: AccessClaims): Promise<void> {
    return this.calendar.revokeToken(auth.userId);
  }
}
