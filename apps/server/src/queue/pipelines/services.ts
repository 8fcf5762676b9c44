import type { RunnerTimeZone } from './midnight.ts';

/**
 * What the pipeline processors need from the domain services (built in apps/server/src/services).
 * Jobs run at least once, so every method must be idempotent: a retry after a crash repeats it.
 */
export interface PipelineServices {
  activities: {
    /** Map and validate; reject impossible values with a reason; create a pending RPE task if RPE is missing. */
    normalize(
      userId: string,
      activityId: string,
    ): Promise<{ status: 'accepted'; date: string } | { status: 'rejected'; reason: string }>;
  };
  rollingStats: {
    /** EWMA loads, ACWR, TSB and monotony from `fromDate` on; raises a RiskAlert above the thresholds. */
    update(userId: string, fromDate: string): Promise<void>;
  };
  planAdaptation: {
    /** Traffic light; ACWR risk rebuilds future volume; a missed long run is redistributed. */
    evaluate(userId: string, date: string): Promise<void>;
  };
  missedWorkouts: {
    /** Marks the planned workouts of the runner's local `date` that were not done as missed. */
    markMissed(userId: string, date: string): Promise<{ missed: number }>;
  };
  weekly: {
    /** The runner's week (Monday to Sunday, local) has ended. */
    run(userId: string, weekStart: string, weekEnd: string): Promise<void>;
  };
  runners: {
    listTimeZones(): Promise<readonly RunnerTimeZone[]>;
  };
}
