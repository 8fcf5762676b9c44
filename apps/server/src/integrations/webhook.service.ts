import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { apple, garmin, strava } from '@runningcoach/integrations';
import type { AppConfig } from '../config/config.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { JOB_QUEUE } from '../queue/queue.module.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { IntegrationRepository } from '../repositories/integration.repository.ts';
import { AppError } from '../utils/errors.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { enqueueProviderEvent } from './provider-jobs.ts';
import { TOKEN_CIPHER, type TokenCipher } from './token-cipher.ts';

/** One unit of provider work, as received (bodies are never trusted beyond the ids they name). */
interface Received {
  provider: 'strava' | 'garmin' | 'apple';
  ownerKey?: string;
  userId?: string;
  eventKey: string;
  kind: string;
  payload: Record<string, unknown>;
}

const sameSecret = (a: string, b: string) => {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
};
const forbidden = (what: string) => new AppError(403, 'FORBIDDEN', what);

/**
 * The webhook receivers: check what the provider lets us check (Strava's subscription id, Garmin's client id,
 * the Apple relay's HMAC), log each event once (unique key) for the runner it names, queue it, and answer
 * at once. A forged or unknown-runner event stores nothing.
 */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(IntegrationRepository) private readonly repo: IntegrationRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
  ) {}

  /** Strava's subscription validation: echo `hub.challenge` when `hub.verify_token` is ours. */
  stravaChallenge(q: Record<string, string | undefined>): { 'hub.challenge': string } {
    const mine = this.config.integrations.strava?.verifyToken;
    const given = q['hub.verify_token'];
    if (!mine || !given || q['hub.mode'] !== 'subscribe' || !sameSecret(mine, given)) {
      throw forbidden('hub.verify_token: does not match');
    }
    const challenge = q['hub.challenge'];
    if (!challenge || challenge.length > 200)
      throw new AppError(400, 'VALIDATION_FAILED', 'hub.challenge: missing');
    return { 'hub.challenge': challenge };
  }

  async strava(body: unknown): Promise<{ accepted: number }> {
    const s = this.config.integrations.strava;
    if (!s) throw forbidden('strava is not configured');
    const parsed = strava.StravaEventSchema.safeParse(body);
    if (!parsed.success) throw new AppError(400, 'VALIDATION_FAILED', 'body: not a Strava webhook event');
    const e = parsed.data;
    if (s.subscriptionId === undefined || e.subscription_id !== s.subscriptionId) {
      throw forbidden('subscription_id: not this server’s subscription');
    }
    return this.accept([
      {
        provider: 'strava',
        ownerKey: String(e.owner_id),
        eventKey: `${e.object_type}:${e.object_id}:${e.aspect_type}:${e.event_time}`,
        kind: `${e.object_type}.${e.aspect_type}`,
        payload: e as unknown as Record<string, unknown>,
      },
    ]);
  }

  /** Push and ping bodies alike: `{ "<summary type>": [items] }`, each item naming the Garmin user. */
  async garmin(clientId: string | undefined, body: unknown): Promise<{ accepted: number }> {
    const g = this.config.integrations.garmin;
    if (!g || !clientId || !sameSecret(g.clientId, clientId)) throw forbidden('garmin-client-id: not ours');
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'body: not a Garmin notification');
    }
    const out: Received[] = [];
    for (const type of garmin.GARMIN_SUMMARY_TYPES) {
      const items = (body as Record<string, unknown>)[type];
      if (items === undefined) continue;
      if (!Array.isArray(items) || items.length > 500) {
        throw new AppError(400, 'VALIDATION_FAILED', `${type}: must be an array of summaries`);
      }
      for (const raw of items) {
        const item = raw as garmin.GarminItem;
        if (!item || typeof item.userId !== 'string') {
          throw new AppError(400, 'VALIDATION_FAILED', `${type}: every item needs a userId`);
        }
        const ping = typeof item.callbackURL === 'string';
        const id = ping
          ? `${item.uploadStartTimeInSeconds}-${item.uploadEndTimeInSeconds}`
          : String(item.summaryId ?? '');
        if (!id) throw new AppError(400, 'VALIDATION_FAILED', `${type}: every item needs a summaryId`);
        out.push({
          provider: 'garmin',
          ownerKey: item.userId,
          eventKey: `${ping ? 'ping' : 'push'}:${type}:${item.userId}:${id}`,
          kind: `${ping ? 'ping' : 'push'}.${type}`,
          payload: item,
        });
      }
    }
    return this.accept(out);
  }

  /** The relay signs the raw body with its device secret (HMAC-SHA256); checked before anything is parsed. */
  async apple(deviceId: string | undefined, signature: string | undefined, raw: Buffer | undefined) {
    const refused = () =>
      new AppError(401, 'BAD_SIGNATURE', `${apple.APPLE_SIGNATURE_HEADER}: does not verify`);
    if (!deviceId || !signature || !raw) throw refused();
    const owner = await this.database.anonymous(() => this.repo.ownerOfDevice(deviceId));
    if (!owner) throw refused();
    const secret = await this.database.asUser(owner, () => this.repo.findDeviceSecret(owner, deviceId));
    if (
      !secret ||
      !apple.verifyRelayBody(this.cipher.open(secret.secretEnc, `apple:${owner}:device`), raw, signature)
    ) {
      throw refused();
    }
    let parsed;
    try {
      parsed = apple.AppleRelaySchema.safeParse(JSON.parse(raw.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success)
      throw new AppError(400, 'VALIDATION_FAILED', 'body: not a relay of workouts and dailies');
    const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
    return this.accept([
      ...parsed.data.workouts.map((w) => ({
        provider: 'apple' as const,
        userId: owner,
        eventKey: `${owner}:workout:${w.uuid}:${digest(w)}`,
        kind: 'workout',
        payload: w as unknown as Record<string, unknown>,
      })),
      ...parsed.data.dailies.map((d) => ({
        provider: 'apple' as const,
        userId: owner,
        eventKey: `${owner}:daily:${d.date}:${digest(d)}`,
        kind: 'daily',
        payload: d as unknown as Record<string, unknown>,
      })),
    ]);
  }

  /** A device secret for the Apple relay, shown once; stored sealed. */
  async issueDeviceSecret(userId: string, deviceName: string): Promise<{ deviceId: string; secret: string }> {
    const secret = randomBytes(32).toString('base64url');
    const row = await this.database.asUser(userId, () =>
      this.repo.insertDeviceSecret(userId, deviceName, this.cipher.seal(secret, `apple:${userId}:device`)),
    );
    return { deviceId: row.id, secret };
  }

  /** Each event once per key, for a connected runner; then queued. Unknown runners are acknowledged, not kept. */
  private async accept(events: Received[]): Promise<{ accepted: number }> {
    let accepted = 0;
    for (const e of events) {
      const userId =
        e.userId ?? (await this.database.anonymous(() => this.repo.ownerOfAccount(e.provider, e.ownerKey!)));
      if (!userId) continue;
      const row = await this.database.asUser(userId, () =>
        this.repo.insertEvent({
          userId,
          provider: e.provider,
          eventKey: e.eventKey,
          kind: e.kind,
          payload: e.payload,
        }),
      );
      if (!row) continue; // delivered before
      accepted++;
      try {
        await enqueueProviderEvent(this.queue, { userId, eventId: row.id }, this.config.integrations.retry);
      } catch (err) {
        // The event stays logged as pending in webhook_events (nothing lost); the queue being down is logged.
        this.logger.warn(`provider event not queued: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { accepted };
  }
}
