import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  type DateRangeQuery,
  DateRangeQuerySchema,
  type NutritionCsvImport,
  NutritionCsvImportSchema,
  type NutritionDateParam,
  NutritionDateParamSchema,
  type NutritionTotals,
  NutritionTotalsSchema,
} from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { NutritionService } from '../services/nutrition.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('nutrition')
export class NutritionController {
  constructor(@Inject(NutritionService) private readonly nutrition: NutritionService) {}

  @Get('days')
  list(@Auth() auth: AccessClaims, @Query(new ZodPipe(DateRangeQuerySchema)) query: DateRangeQuery) {
    return this.nutrition.list(auth.userId, query);
  }

  @Put('days/:date')
  log(
    @Auth() auth: AccessClaims,
    @Param(new ZodPipe(NutritionDateParamSchema)) params: NutritionDateParam,
    @Body(new ZodPipe(NutritionTotalsSchema)) body: NutritionTotals,
  ) {
    return this.nutrition.log(auth.userId, params.date, body);
  }

  @Post('import')
  @HttpCode(201)
  importCsv(
    @Auth() auth: AccessClaims,
    @Body(new ZodPipe(NutritionCsvImportSchema)) body: NutritionCsvImport,
  ) {
    return this.nutrition.importCsv(auth.userId, body.csv);
  }
}
