import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  type RaceIdParam,
  RaceIdParamSchema,
  type RaceList,
  type RaceSearchQuery,
  RaceSearchQuerySchema,
  type RaceSelect,
  RaceSelectSchema,
} from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { RaceService } from '../services/race.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('races')
export class RaceController {
  constructor(@Inject(RaceService) private readonly races: RaceService) {}

  @Get()
  search(@Query(new ZodPipe(RaceSearchQuerySchema)) query: RaceSearchQuery): Promise<RaceList> {
    return this.races.search(query);
  }

  @Post(':id/select')
  @HttpCode(200)
  select(
    @Auth() auth: AccessClaims,
    @Param(new ZodPipe(RaceIdParamSchema)) params: RaceIdParam,
    @Body(new ZodPipe(RaceSelectSchema.optional())) body: RaceSelect | undefined,
  ) {
    return this.races.select(auth.userId, params.id, body ?? {});
  }
}
