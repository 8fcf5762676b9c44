import { Controller, Get, Inject, Query } from '@nestjs/common';
import { type DateRangeQuery, DateRangeQuerySchema } from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { StatsService } from '../services/stats.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller()
export class StatsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  @Get('stats/load')
  load(@Auth() auth: AccessClaims, @Query(new ZodPipe(DateRangeQuerySchema)) query: DateRangeQuery) {
    return this.stats.load(auth.userId, query);
  }

  @Get('dashboard/today')
  today(@Auth() auth: AccessClaims) {
    return this.stats.today(auth.userId);
  }
}
