import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activity.table.ts';
import { ownerPolicy } from './rls.ts';
import { users } from './user.table.ts';

/** Where an activity came from: an imported file (its SHA-256) or a provider's activity id. */
export type OriginKind = 'file' | 'garmin' | 'strava' | 'apple';

/**
 * One row per (activity, origin). A file's row keeps the raw file's SHA-256 and object key, so the same bytes
 * imported again find their activities; a provider's row keeps the provider's activity id, so a repeated or
 * updated event finds the activity it made.
 */
export const activityOrigins = pgTable(
  'activity_origins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<OriginKind>().notNull(),
    /** The file's SHA-256 (kind `file`) or the provider's activity id. */
    externalId: text('external_id').notNull(),
    /** SHA-256 of the raw bytes received (the file, or the provider's payload). */
    sha256: text('sha256').notNull(),
    /** `fit` | `gpx` | `tcx` for files (gzip already removed). */
    format: text('format'),
    objectKey: text('object_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_origins_user_kind_external_activity_key').on(
      t.userId,
      t.kind,
      t.externalId,
      t.activityId,
    ),
    index('activity_origins_activity_idx').on(t.activityId),
    ownerPolicy('activity_origins_owner', t.userId),
  ],
).enableRLS();

/** A runner's link to a provider account; tokens are AES-256-GCM ciphertext (see integrations/token-cipher.ts). */
export const providerConnections = pgTable(
  'provider_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    /** The provider's id of the runner (Garmin userId, Strava athlete id): how webhooks find the runner. */
    externalUserId: text('external_user_id').notNull(),
    accessTokenEnc: text('access_token_enc').notNull(),
    refreshTokenEnc: text('refresh_token_enc'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }),
    scope: text('scope'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('provider_connections_user_provider_key').on(t.userId, t.provider),
    uniqueIndex('provider_connections_provider_external_key').on(t.provider, t.externalUserId),
    ownerPolicy('provider_connections_owner', t.userId),
  ],
).enableRLS();

/** An OAuth authorization in flight: the state the callback must echo, and the PKCE verifier (encrypted). */
export const oauthStates = pgTable(
  'oauth_states',
  {
    state: text('state').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    codeVerifierEnc: text('code_verifier_enc'),
    redirectUri: text('redirect_uri').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [ownerPolicy('oauth_states_owner', t.userId)],
).enableRLS();

export type WebhookEventStatus = 'pending' | 'done' | 'failed';

/** Every accepted webhook event, once: the unique key makes a redelivered event change nothing. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    /** Provider-scoped event identity, e.g. `activity:123:update:1700000000`. */
    eventKey: text('event_key').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookEventStatus>().notNull().default('pending'),
    error: text('error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_events_provider_key').on(t.provider, t.eventKey),
    index('webhook_events_user_idx').on(t.userId, t.receivedAt),
    ownerPolicy('webhook_events_owner', t.userId),
  ],
).enableRLS();

/** A per-device secret for the Apple Health relay: the device signs each body with HMAC-SHA256. */
export const deviceSecrets = pgTable(
  'device_secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceName: text('device_name').notNull(),
    secretEnc: text('secret_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('device_secrets_user_idx').on(t.userId), ownerPolicy('device_secrets_owner', t.userId)],
).enableRLS();

export type ActivityOriginRow = typeof activityOrigins.$inferSelect;
export type ProviderConnectionRow = typeof providerConnections.$inferSelect;
export type OAuthStateRow = typeof oauthStates.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type DeviceSecretRow = typeof deviceSecrets.$inferSelect;
