import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { FIT_WORKOUT_CONTENT_TYPE } from '@runningcoach/integrations';
import type { FastifyReply } from 'fastify';
import { Auth } from '../middleware/auth.decorators.ts';
import { WorkoutService } from '../services/workout.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('workouts')
export class WorkoutController {
  constructor(@Inject(WorkoutService) private readonly workouts: WorkoutService) {}

  /** A planned workout as a FIT workout file, for a watch or Garmin Connect. */
  @Get(':id.fit')
  async fit(
    @Auth() auth: AccessClaims,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { bytes, filename } = await this.workouts.fitFile(auth.userId, id);
    reply
      .header('content-type', FIT_WORKOUT_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store');
    return Buffer.from(bytes);
  }
}
