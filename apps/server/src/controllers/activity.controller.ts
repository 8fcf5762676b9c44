import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  type ActivityFeedback,
  ActivityFeedbackSchema,
  type DateRangeQuery,
  DateRangeQuerySchema,
  type ManualActivity,
  ManualActivitySchema,
} from '@runningcoach/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../middleware/auth.decorators.ts';
import { readUploadedFile } from '../middleware/upload.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { ActivityService } from '../services/activity.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('activities')
export class ActivityController {
  constructor(@Inject(ActivityService) private readonly activities: ActivityService) {}

  @Post()
  @HttpCode(201)
  log(@Auth() auth: AccessClaims, @Body(new ZodPipe(ManualActivitySchema)) body: ManualActivity) {
    return this.activities.log(auth.userId, body);
  }

  /** 201 when the file added or merged activities, 200 when these exact bytes had been imported before. */
  @Post('import')
  async import(
    @Auth() auth: AccessClaims,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { bytes } = await readUploadedFile(req);
    const result = await this.activities.importFile(auth.userId, bytes);
    reply.status(result.alreadyImported ? 200 : 201);
    return result;
  }

  @Get()
  list(@Auth() auth: AccessClaims, @Query(new ZodPipe(DateRangeQuerySchema)) query: DateRangeQuery) {
    return this.activities.list(auth.userId, query);
  }

  @Get(':id')
  get(@Auth() auth: AccessClaims, @Param('id') id: string) {
    return this.activities.get(auth.userId, id);
  }

  @Patch(':id')
  feedback(
    @Auth() auth: AccessClaims,
    @Param('id') id: string,
    @Body(new ZodPipe(ActivityFeedbackSchema)) body: ActivityFeedback,
  ) {
    return this.activities.feedback(auth.userId, id, body);
  }
}
