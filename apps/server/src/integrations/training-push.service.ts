import { Inject, Injectable } from '@nestjs/common';
import { addDays } from '@runningcoach/engine';
import { WorkoutService } from '../services/workout.service.ts';
import { AppError } from '../utils/errors.ts';
import { ConnectionService } from './connection.service.ts';

/**
 * Outbound Training-API adapter: each structured workout of the plan in a date range, encoded as a FIT
 * workout file (the same bytes as `GET /workouts/:id.fit`), pushed to Garmin for the runner's watch.
 */
@Injectable()
export class TrainingPushService {
  constructor(
    @Inject(WorkoutService) private readonly workouts: WorkoutService,
    @Inject(ConnectionService) private readonly connections: ConnectionService,
  ) {}

  /** Default range: today (UTC) and the six days after it. */
  async pushToGarmin(userId: string, range: { from?: string; to?: string }) {
    const token = await this.connections.accessToken(userId, 'garmin');
    if (!token) throw new AppError(409, 'NOT_CONNECTED', 'provider: garmin is not connected');
    const from = range.from ?? new Date().toISOString().slice(0, 10);
    const to = range.to ?? addDays(from, 6);
    const { workouts } = await this.workouts.list(userId, { from, to });
    const client = this.connections.garminClient();
    const pushed: { workoutId: string; date: string; garminWorkoutId: string }[] = [];
    const skipped: string[] = [];
    for (const w of workouts) {
      if (w.structure.steps.length === 0) {
        skipped.push(w.id); // rest days: nothing a watch could run
        continue;
      }
      const { bytes } = await this.workouts.fitFile(userId, w.id);
      const garminWorkoutId = await client.pushWorkout(token, bytes);
      pushed.push({ workoutId: w.id, date: w.date, garminWorkoutId });
    }
    return { pushed, skipped };
  }
}
