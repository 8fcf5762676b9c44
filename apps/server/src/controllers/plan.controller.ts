import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { type Onboarding, OnboardingSchema } from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { PlanService } from '../services/plan.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller()
export class PlanController {
  constructor(@Inject(PlanService) private readonly plans: PlanService) {}

  @Post('onboarding')
  @HttpCode(201)
  onboard(@Auth() auth: AccessClaims, @Body(new ZodPipe(OnboardingSchema)) body: Onboarding) {
    return this.plans.onboard(auth.userId, body);
  }

  @Get('plan/current')
  current(@Auth() auth: AccessClaims) {
    return this.plans.current(auth.userId);
  }

  @Post('plan/regenerate')
  @HttpCode(200)
  regenerate(@Auth() auth: AccessClaims) {
    return this.plans.regenerate(auth.userId);
  }
}
