import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { type DailyMetrics, DailyMetricsSchema } from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { DailyMetricsService } from '../services/daily-metrics.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('daily-metrics')
export class DailyMetricsController {
  constructor(@Inject(DailyMetricsService) private readonly metrics: DailyMetricsService) {}

  @Post()
  @HttpCode(201)
  checkIn(@Auth() auth: AccessClaims, @Body(new ZodPipe(DailyMetricsSchema)) body: DailyMetrics) {
    return this.metrics.checkIn(auth.userId, body);
  }
}
