import type { ActivitySamples, ActivitySource, ActivityType } from '@runningcoach/contracts';

/**
 * What every provider folder (garmin/, strava/, apple/, ...) hands the server. Adding a provider is a new
 * folder that maps its payloads to these shapes; see README.md.
 */

/** An activity in our schema, as a provider recorded it (the device wins its objective fields). */
export interface ProviderActivity {
  source: ActivitySource;
  /** The provider's id of the activity: a repeated or updated event finds the activity it made. */
  externalId: string;
  type: ActivityType;
  /** ISO-8601 instant (UTC). */
  startTime: string;
  durationSec: number;
  distanceMeters?: number;
  avgHr?: number;
  maxHr?: number;
  elevationGainMeters?: number;
  samples?: ActivitySamples;
}

/** A day's recovery values in our schema (daily_metrics), as a provider measured them. */
export interface ProviderDailyMetrics {
  /** The runner's calendar day, YYYY-MM-DD. */
  date: string;
  restingHr?: number;
  hrvRmssd?: number;
  sleepDurationMinutes?: number;
  /** 1-5, our scale. */
  sleepQuality?: number;
  /** 1-5, our scale. */
  stress?: number;
}

/** Tokens as the provider's token endpoint gave them (the server encrypts them before storing). */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt?: number;
  scope?: string;
  /** The provider's id of the runner, when the token response names it (Strava's athlete.id). */
  externalUserId?: string;
}

/** A provider's OAuth 2.0 authorization-code endpoints and whether it wants PKCE (RFC 7636). */
export interface OAuthSpec {
  authorizeUrl: string;
  tokenUrl: string;
  scope: string;
  pkce: boolean;
  clientId: string;
  clientSecret: string;
}
