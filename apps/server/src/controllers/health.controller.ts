import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../middleware/auth.decorators.ts';
import { HealthService } from '../services/health.service.ts';

/** Served outside /api/v1 (see app.ts) for load balancers and orchestrators. */
@Public()
@Controller()
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers. */
  @Get('readyz')
  ready(): Promise<{ status: 'ok' }> {
    return this.health.ready();
  }
}
