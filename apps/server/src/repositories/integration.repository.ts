import { Inject, Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../db/connection.ts';
import {
  deviceSecrets,
  type DeviceSecretRow,
  oauthStates,
  type OAuthStateRow,
  providerConnections,
  type ProviderConnectionRow,
  webhookEvents,
  type WebhookEventRow,
  type WebhookEventStatus,
} from '../schema/index.ts';
import { DatabaseRepository } from './database.repository.ts';

export type NewConnection = Omit<ProviderConnectionRow, 'id' | 'createdAt' | 'updatedAt'>;

/** Provider links, OAuth states, webhook events and device secrets (integration.table.ts). */
@Injectable()
export class IntegrationRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** Webhooks and OAuth callbacks have no session: these SECURITY DEFINER lookups return only an id. */
  async ownerOfAccount(provider: string, externalUserId: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string | null }>(
      this.database.tx,
      sql`select rc_user_id_by_provider_account(${provider}, ${externalUserId}) as id`,
    );
    return row?.id ?? null;
  }

  async ownerOfState(state: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string | null }>(
      this.database.tx,
      sql`select rc_user_id_by_oauth_state(${state}) as id`,
    );
    return row?.id ?? null;
  }

  async ownerOfDevice(deviceId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(deviceId)) return null;
    const [row] = await queryRows<{ id: string | null }>(
      this.database.tx,
      sql`select rc_user_id_by_device_secret(${deviceId}::uuid) as id`,
    );
    return row?.id ?? null;
  }

  /**
   * Every runner connected to `provider`, with their time zone (the daily MyFitnessPal import): the SECURITY
   * DEFINER function of migration 0014 (ids and zones only, past RLS).
   */
  async runnersOf(provider: string): Promise<{ userId: string; timeZone: string }[]> {
    const rows = await queryRows<{ user_id: string; time_zone: string }>(
      this.database.tx,
      sql`select user_id, time_zone from rc_provider_runners(${provider})`,
    );
    return rows.map((r) => ({ userId: r.user_id, timeZone: r.time_zone }));
  }

  // Connections

  listConnections(userId: string): Promise<ProviderConnectionRow[]> {
    return this.database.tx.select().from(providerConnections).where(eq(providerConnections.userId, userId));
  }

  async findConnection(userId: string, provider: string): Promise<ProviderConnectionRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(providerConnections)
      .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)));
    return row;
  }

  async upsertConnection(c: NewConnection): Promise<void> {
    await this.database.tx
      .insert(providerConnections)
      .values(c)
      .onConflictDoUpdate({
        target: [providerConnections.userId, providerConnections.provider],
        set: {
          externalUserId: c.externalUserId,
          accessTokenEnc: c.accessTokenEnc,
          refreshTokenEnc: c.refreshTokenEnc,
          expiresAt: c.expiresAt,
          scope: c.scope,
          updatedAt: sql`now()`,
        },
      });
  }

  async deleteConnection(userId: string, provider: string): Promise<boolean> {
    const rows = await this.database.tx
      .delete(providerConnections)
      .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)))
      .returning({ id: providerConnections.id });
    return rows.length > 0;
  }

  // OAuth states

  async insertState(s: OAuthStateRow): Promise<void> {
    await this.database.tx.insert(oauthStates).values(s);
  }

  /** The state, deleted as it is read: a callback replayed with it finds nothing. */
  async takeState(userId: string, state: string): Promise<OAuthStateRow | undefined> {
    const [row] = await this.database.tx
      .delete(oauthStates)
      .where(and(eq(oauthStates.userId, userId), eq(oauthStates.state, state)))
      .returning();
    return row;
  }

  // Webhook events

  /** The event, once: null when its key was seen before (a redelivery). */
  async insertEvent(
    e: Pick<WebhookEventRow, 'userId' | 'provider' | 'eventKey' | 'kind' | 'payload'>,
  ): Promise<WebhookEventRow | null> {
    const [row] = await this.database.tx.insert(webhookEvents).values(e).onConflictDoNothing().returning();
    return row ?? null;
  }

  async findEventByKey(
    userId: string,
    provider: string,
    eventKey: string,
  ): Promise<WebhookEventRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(webhookEvents)
      .where(
        and(
          eq(webhookEvents.userId, userId),
          eq(webhookEvents.provider, provider),
          eq(webhookEvents.eventKey, eventKey),
        ),
      );
    return row;
  }

  async findEvent(userId: string, id: string): Promise<WebhookEventRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.userId, userId), eq(webhookEvents.id, id)));
    return row;
  }

  async markEvent(
    userId: string,
    id: string,
    status: WebhookEventStatus,
    error: string | null,
  ): Promise<void> {
    await this.database.tx
      .update(webhookEvents)
      .set({ status, error, processedAt: sql`now()` })
      .where(and(eq(webhookEvents.userId, userId), eq(webhookEvents.id, id)));
  }

  // Device secrets (Apple relay)

  async insertDeviceSecret(userId: string, deviceName: string, secretEnc: string): Promise<DeviceSecretRow> {
    const [row] = await this.database.tx
      .insert(deviceSecrets)
      .values({ userId, deviceName, secretEnc })
      .returning();
    return row!;
  }

  async findDeviceSecret(userId: string, id: string): Promise<DeviceSecretRow | undefined> {
    const [row] = await this.database.tx
      .select()
      .from(deviceSecrets)
      .where(and(eq(deviceSecrets.userId, userId), eq(deviceSecrets.id, id)));
    return row;
  }
}
