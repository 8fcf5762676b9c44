export { appRole, APP_ROLE } from './rls.ts';
export { users, type UserRow, type ResponderStatus } from './user.table.ts';
export { deviceSessions, type DeviceSessionRow } from './device-session.table.ts';
export { refreshTokens, type RefreshTokenRow } from './refresh-token.table.ts';
export { auditLog } from './audit-log.table.ts';
export {
  trainingPlans,
  scheduledWorkouts,
  type TrainingPlanRow,
  type ScheduledWorkoutRow,
  type PlanMeta,
  type WorkoutState,
} from './plan.table.ts';
export {
  dailyMetrics,
  notifications,
  type DailyMetricsRow,
  type NotificationRow,
} from './daily-metrics.table.ts';
export { activities, type ActivityRow } from './activity.table.ts';
export { activitySamples, type ActivitySamplesRow } from './activity-samples.table.ts';
export { rollingStats, type RollingStatsRow } from './rolling-stats.table.ts';
export { alerts, type AlertRow, type AlertSeverity } from './alert.table.ts';
export { pendingTasks, type PendingTaskRow, type PendingTaskKind } from './pending-task.table.ts';
export { syncClock, syncTombstones, syncRequests, syncConflicts, syncDevices } from './sync.table.ts';
export {
  activityOrigins,
  providerConnections,
  oauthStates,
  webhookEvents,
  deviceSecrets,
  type OriginKind,
  type ActivityOriginRow,
  type ProviderConnectionRow,
  type OAuthStateRow,
  type WebhookEventRow,
  type WebhookEventStatus,
  type DeviceSecretRow,
} from './integration.table.ts';
export {
  nutritionDays,
  type NutritionDayRow,
  type NutritionSource,
  NUTRITION_SOURCES,
} from './nutrition.table.ts';
