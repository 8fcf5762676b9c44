import { z } from 'zod';

/**
 * `DELETE /account`: destroying everything is re-authenticated with the account's password, so a stolen
 * access token alone (15 minutes of it) cannot erase a runner. Required for local accounts; a Supabase-linked
 * account has no local password (the client re-authenticates with Supabase first).
 */
export const DeleteAccountSchema = z.strictObject({ password: z.string().min(1).max(256).optional() });
export type DeleteAccountBody = z.infer<typeof DeleteAccountSchema>;

/** The format marker and version of `GET /account/export`, so an importer knows what it reads. */
export const ACCOUNT_EXPORT_FORMAT = 'runningcoach.account-export';
export const ACCOUNT_EXPORT_VERSION = 1;

/**
 * `GET /account/export`: the runner (without the password hash) and every row of theirs, by table (camelCase
 * keys; secrets such as token hashes left out). Sections are arrays of rows as stored.
 */
export const AccountExportSchema = z.object({
  format: z.literal(ACCOUNT_EXPORT_FORMAT),
  version: z.literal(ACCOUNT_EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  user: z.record(z.string(), z.unknown()),
  deviceSessions: z.array(z.record(z.string(), z.unknown())),
  refreshTokens: z.array(z.record(z.string(), z.unknown())),
  trainingPlans: z.array(z.record(z.string(), z.unknown())),
  scheduledWorkouts: z.array(z.record(z.string(), z.unknown())),
  activities: z.array(z.record(z.string(), z.unknown())),
  activitySamples: z.array(z.record(z.string(), z.unknown())),
  dailyMetrics: z.array(z.record(z.string(), z.unknown())),
  notifications: z.array(z.record(z.string(), z.unknown())),
  alerts: z.array(z.record(z.string(), z.unknown())),
  pendingTasks: z.array(z.record(z.string(), z.unknown())),
  rollingStats: z.array(z.record(z.string(), z.unknown())),
  auditLog: z.array(z.record(z.string(), z.unknown())),
  /** Sync bookkeeping: the version clock, deleted ids, idempotent push answers, the conflict log. */
  syncClock: z.array(z.record(z.string(), z.unknown())),
  syncTombstones: z.array(z.record(z.string(), z.unknown())),
  syncRequests: z.array(z.record(z.string(), z.unknown())),
  syncConflicts: z.array(z.record(z.string(), z.unknown())),
  syncDevices: z.array(z.record(z.string(), z.unknown())),
  /** Integrations: where activities came from, provider links, OAuth states, webhook events, device keys (no secrets). */
  activityOrigins: z.array(z.record(z.string(), z.unknown())),
  providerConnections: z.array(z.record(z.string(), z.unknown())),
  oauthStates: z.array(z.record(z.string(), z.unknown())),
  webhookEvents: z.array(z.record(z.string(), z.unknown())),
  deviceSecrets: z.array(z.record(z.string(), z.unknown())),
  nutritionDays: z.array(z.record(z.string(), z.unknown())),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().min(0) })),
});
export type AccountExport = z.infer<typeof AccountExportSchema>;
