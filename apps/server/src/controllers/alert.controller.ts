import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  type Alert,
  type AlertList,
  type AlertsQuery,
  AlertsQuerySchema,
  type IdParam,
  IdParamSchema,
} from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { AlertService } from '../services/alert.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('alerts')
export class AlertController {
  constructor(@Inject(AlertService) private readonly alerts: AlertService) {}

  @Get()
  list(
    @Auth() auth: AccessClaims,
    @Query(new ZodPipe(AlertsQuerySchema)) query: AlertsQuery,
  ): Promise<AlertList> {
    return this.alerts.list(auth.userId, query);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  dismiss(@Auth() auth: AccessClaims, @Param(new ZodPipe(IdParamSchema)) params: IdParam): Promise<Alert> {
    return this.alerts.dismiss(auth.userId, params.id);
  }
}
