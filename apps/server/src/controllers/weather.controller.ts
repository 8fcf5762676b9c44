import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  type ActivityIdParam,
  ActivityIdParamSchema,
  type EffortQuery,
  EffortQuerySchema,
  type WeatherQuery,
  WeatherQuerySchema,
} from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { type EffortDto, type WeatherForecastDto, WeatherService } from '../services/weather.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller()
export class WeatherController {
  constructor(@Inject(WeatherService) private readonly weather: WeatherService) {}

  @Get('weather/forecast')
  forecast(
    @Auth() auth: AccessClaims,
    @Query(new ZodPipe(WeatherQuerySchema)) query: WeatherQuery,
  ): Promise<WeatherForecastDto> {
    return this.weather.forecast(auth.userId, query);
  }

  @Get('activities/:id/effort')
  effort(
    @Auth() auth: AccessClaims,
    @Param(new ZodPipe(ActivityIdParamSchema)) params: ActivityIdParam,
    @Query(new ZodPipe(EffortQuerySchema)) query: EffortQuery,
  ): Promise<EffortDto> {
    return this.weather.effort(auth.userId, params.id, query);
  }
}
