import type { Provider } from '@nestjs/common';
import type { PipelineServices } from '../queue/pipelines/services.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PendingTaskRepository } from '../repositories/pending-task.repository.ts';
import { RollingStatsRepository } from '../repositories/rolling-stats.repository.ts';
import { RunnerRepository } from '../repositories/runner.repository.ts';
import { ActivityService } from './activity.service.ts';
import { MissedWorkoutsService } from './missed-workouts.service.ts';
import { PlanAdaptationService } from './plan-adaptation.service.ts';
import { RollingStatsService } from './rolling-stats.service.ts';
import { WeeklyService } from './weekly.service.ts';

/** Inject with `@Inject(PIPELINE_SERVICES) services: PipelineServices`. */
export const PIPELINE_SERVICES = Symbol('PIPELINE_SERVICES');

/** The domain services behind the queue's PipelineServices interface (the processors know nothing else). */
export function pipelineServices(deps: {
  activities: ActivityService;
  rollingStats: RollingStatsService;
  adaptation: PlanAdaptationService;
  missed: MissedWorkoutsService;
  weekly: WeeklyService;
  runners: RunnerRepository;
  database: DatabaseRepository;
}): PipelineServices {
  return {
    activities: { normalize: (userId, activityId) => deps.activities.normalize(userId, activityId) },
    rollingStats: { update: (userId, fromDate) => deps.rollingStats.update(userId, fromDate) },
    planAdaptation: { evaluate: (userId, date) => deps.adaptation.evaluate(userId, date) },
    missedWorkouts: { markMissed: (userId, date) => deps.missed.markMissed(userId, date) },
    weekly: { run: (userId, weekStart, weekEnd) => deps.weekly.run(userId, weekStart, weekEnd) },
    // No runner yet: the SECURITY DEFINER function is the only thing this scope can read.
    runners: { listTimeZones: () => deps.database.anonymous(() => deps.runners.timeZones()) },
  };
}

/** Providers the pipelines add to a Nest module that already has the database and the core repositories. */
export const PIPELINE_PROVIDERS: Provider[] = [
  RollingStatsRepository,
  AlertRepository,
  PendingTaskRepository,
  RunnerRepository,
  RollingStatsService,
  PlanAdaptationService,
  MissedWorkoutsService,
  WeeklyService,
  {
    provide: PIPELINE_SERVICES,
    inject: [
      ActivityService,
      RollingStatsService,
      PlanAdaptationService,
      MissedWorkoutsService,
      WeeklyService,
      RunnerRepository,
      DatabaseRepository,
    ],
    useFactory: (
      activities: ActivityService,
      rollingStats: RollingStatsService,
      adaptation: PlanAdaptationService,
      missed: MissedWorkoutsService,
      weekly: WeeklyService,
      runners: RunnerRepository,
      database: DatabaseRepository,
    ) => pipelineServices({ activities, rollingStats, adaptation, missed, weekly, runners, database }),
  },
];
