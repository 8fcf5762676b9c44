import type { ActivityType, Readiness, Reason, TrainingPlan, Workout } from '@runningcoach/contracts';
import type { DistanceUnit } from '../util/format.ts';

/** What the Brain knows on `today` when it looks at the plan again. */
export interface AdaptationContext {
  today: string;
  /** Today's readiness (from assessReadiness). */
  readiness?: Readiness;
  /** The latest rolling load figures (from rollingLoad). */
  load?: { acwr: number | null; monotony: number | null };
  /** Completed activities; a workout counts as done by an activity linked to it or any run on its day. */
  activities?: ReadonlyArray<{
    date: string;
    type?: ActivityType;
    workoutId?: string;
    distanceMeters?: number;
  }>;
  units?: DistanceUnit;
}

export interface WorkoutChange {
  workoutId: string;
  date: string;
  rule: string;
  before: Workout | null;
  after: Workout | null;
}

export interface AdaptationResult {
  plan: TrainingPlan;
  changes: WorkoutChange[];
  reasons: Reason[];
  /** Past workouts with no activity to show for them. */
  missed: Workout[];
}
