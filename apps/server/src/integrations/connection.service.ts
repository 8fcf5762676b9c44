import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  authorizeUrl,
  exchangeCode,
  garmin,
  MyFitnessPalProvider,
  type NutritionProvider,
  type OAuthSpec,
  pkcePair,
  randomToken,
  refreshTokens,
  strava,
  type TokenSet,
  type TransportOptions,
} from '@runningcoach/integrations';
import type { AppConfig } from '../config/config.ts';
import { ActivityOriginRepository } from '../repositories/activity-origin.repository.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { IntegrationRepository } from '../repositories/integration.repository.ts';
import type { ActivityRow, OriginKind, ProviderConnectionRow } from '../schema/index.ts';
import { ActivityService } from '../services/activity.service.ts';
import { NutritionService } from '../services/nutrition.service.ts';
import { isProviderFailure } from '../providers/provider-error.ts';
import { AppError } from '../utils/errors.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { MfpSyncService } from './mfp-sync.service.ts';
import { ProviderBreakers } from './provider-breakers.ts';
import { providerNotConfigured } from './provider-jobs.ts';
import { TOKEN_CIPHER, type TokenCipher } from './token-cipher.ts';

export const OAUTH_PROVIDERS = ['garmin', 'strava', 'myfitnesspal'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];
export const PROVIDERS = ['garmin', 'strava', 'myfitnesspal', 'apple'] as const;
export type Provider = (typeof PROVIDERS)[number];

const STATE_TTL_MS = 10 * 60 * 1000;
/** Refresh this long before expiry, so a token never lapses mid-request. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * OAuth 2.0 connect / callback / disconnect and the runner's provider tokens: sealed with AES-256-GCM
 * before they reach the database, refreshed shortly before they expire.
 */
@Injectable()
export class ConnectionService {
  private readonly logger = new Logger('Integrations');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(IntegrationRepository) private readonly repo: IntegrationRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(ActivityOriginRepository) private readonly origins: ActivityOriginRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
    @Inject(ProviderBreakers) private readonly breakers: ProviderBreakers,
    @Inject(NutritionService) private readonly nutrition: NutritionService,
    @Inject(ActivityService) private readonly activityService: ActivityService,
    @Inject(MfpSyncService) private readonly mfpSync: MfpSyncService,
  ) {}

  /**
   * Strava: client secret, no PKCE. Garmin (OAuth 2.0 PKCE spec): PKCE S256 and the client secret.
   * MyFitnessPal (partner API): client secret, no PKCE; its token answer names the user (`user_id`).
   */
  spec(provider: OAuthProvider): OAuthSpec {
    const i = this.config.integrations;
    const mfp = this.config.providers.myFitnessPal;
    if (provider === 'strava' && i.strava) {
      return {
        authorizeUrl: `${i.strava.baseUrl}/oauth/authorize`,
        tokenUrl: `${i.strava.baseUrl}/oauth/token`,
        scope: 'read,activity:read_all',
        pkce: false,
        clientId: i.strava.clientId,
        clientSecret: i.strava.clientSecret,
      };
    }
    if (provider === 'garmin' && i.garmin) {
      return {
        authorizeUrl: i.garmin.authUrl,
        tokenUrl: i.garmin.tokenUrl,
        scope: '',
        pkce: true,
        clientId: i.garmin.clientId,
        clientSecret: i.garmin.clientSecret,
      };
    }
    if (provider === 'myfitnesspal' && mfp?.oauth) {
      return {
        authorizeUrl: mfp.oauth.authorizeUrl,
        tokenUrl: mfp.oauth.tokenUrl,
        scope: 'diary',
        pkce: false,
        clientId: mfp.clientId,
        clientSecret: mfp.oauth.clientSecret,
      };
    }
    throw providerNotConfigured(provider);
  }

  async list(userId: string) {
    const rows = await this.database.asUser(userId, () => this.repo.listConnections(userId));
    const i = this.config.integrations;
    const configured: Record<Provider, boolean> = {
      garmin: !!i.garmin,
      strava: !!i.strava,
      myfitnesspal: !!this.config.providers.myFitnessPal?.oauth,
      apple: true,
    };
    return {
      integrations: PROVIDERS.map((provider) => {
        const row = rows.find((r) => r.provider === provider);
        return {
          provider,
          configured: configured[provider],
          connected: !!row,
          ...(row && { externalUserId: row.externalUserId, connectedAt: row.createdAt.toISOString() }),
        };
      }),
    };
  }

  /** A consent URL with a fresh `state` (and PKCE challenge); the state, with the sealed verifier, is kept 10 min. */
  async connect(userId: string, provider: OAuthProvider, publicBase: string) {
    const spec = this.spec(provider);
    const state = randomToken();
    const redirectUri = `${publicBase}/api/v1/integrations/${provider}/callback`;
    const pkce = spec.pkce ? pkcePair() : undefined;
    await this.database.asUser(userId, () =>
      this.repo.insertState({
        state,
        userId,
        provider,
        codeVerifierEnc: pkce ? this.cipher.seal(pkce.verifier, `${provider}:${userId}:pkce`) : null,
        redirectUri,
        expiresAt: new Date(Date.now() + STATE_TTL_MS).toISOString(),
      }),
    );
    return {
      authorizeUrl: authorizeUrl(spec, {
        redirectUri,
        state,
        ...(pkce && { codeChallenge: pkce.challenge }),
      }),
      state,
    };
  }

  /**
   * The provider's redirect: the state must be one we issued for this provider, unexpired and unused; the
   * code is exchanged (with the PKCE verifier) and the tokens stored sealed. MyFitnessPal: an import of the
   * last 14 days is queued (`syncId` follows it).
   */
  async callback(provider: OAuthProvider, q: { code?: string; state?: string; error?: string }) {
    const badState = () => new AppError(400, 'INVALID_STATE', 'state: unknown, expired or already used');
    if (!q.state) throw badState();
    const owner = await this.database.anonymous(() => this.repo.ownerOfState(q.state!));
    if (!owner) throw badState();
    const taken = await this.database.asUser(owner, () => this.repo.takeState(owner, q.state!));
    if (!taken || taken.provider !== provider) throw badState();
    if (q.error || !q.code) {
      throw new AppError(400, 'AUTHORIZATION_DENIED', `code: the runner did not authorize ${provider}`);
    }
    const spec = this.spec(provider);
    const verifier = taken.codeVerifierEnc
      ? this.cipher.open(taken.codeVerifierEnc, `${provider}:${owner}:pkce`)
      : undefined;
    const tokens = await this.breakers
      .get(provider)
      .call(() =>
        exchangeCode(provider, spec, {
          code: q.code!,
          redirectUri: taken.redirectUri,
          codeVerifier: verifier,
        }),
      )
      .catch((err: unknown) => {
        throw new AppError(502, 'PROVIDER_ERROR', `code: ${provider} refused the authorization code`, {
          reason: err instanceof Error ? err.message : String(err),
        });
      });
    const externalUserId =
      tokens.externalUserId ??
      (provider === 'garmin' ? await this.garminClient().userId(tokens.accessToken) : undefined);
    if (!externalUserId) throw new AppError(502, 'PROVIDER_ERROR', `${provider} did not name the account`);
    await this.database.asUser(owner, async () => {
      await this.store(owner, provider, externalUserId, tokens);
      await this.audit.record(owner, 'integration.connect', 'integration', provider);
    });
    const sync = provider === 'myfitnesspal' ? await this.mfpSync.afterConnect(owner) : undefined;
    return { provider, connected: true, externalUserId, ...(sync && { syncId: sync.syncId }) };
  }

  garminClient() {
    const g = this.config.integrations.garmin;
    if (!g) throw providerNotConfigured('garmin');
    return new garmin.GarminClient(g.apiUrl, this.transport('garmin'));
  }

  stravaClient() {
    const s = this.config.integrations.strava;
    if (!s) throw providerNotConfigured('strava');
    return new strava.StravaClient(`${s.baseUrl}/api/v3`, this.transport('strava'));
  }

  /**
   * The runner's MyFitnessPal diary behind the nutrition provider interface, with a fresh access token;
   * null when they are not connected (any more).
   */
  async myFitnessPal(userId: string): Promise<NutritionProvider | null> {
    const mfp = this.config.providers.myFitnessPal;
    if (!mfp) throw providerNotConfigured('myfitnesspal');
    const token = await this.accessToken(userId, 'myfitnesspal');
    const row = await this.connection(userId, 'myfitnesspal');
    if (!token || !row) return null;
    return new MyFitnessPalProvider({
      baseUrl: mfp.url,
      clientId: mfp.clientId,
      userId: row.externalUserId,
      accessToken: token,
      ...this.transport('myfitnesspal'),
      retries: 0,
    });
  }

  /** Provider calls: the configured deadline and the provider's breaker; the queue does the retrying. */
  private transport(provider: string): TransportOptions {
    return { timeoutMs: this.config.integrations.timeoutMs, breaker: this.breakers.get(provider) };
  }

  /** Inside the runner's transaction. */
  async store(userId: string, provider: string, externalUserId: string, t: TokenSet): Promise<void> {
    await this.repo.upsertConnection({
      userId,
      provider,
      externalUserId,
      accessTokenEnc: this.cipher.seal(t.accessToken, `${provider}:${userId}:access`),
      refreshTokenEnc: t.refreshToken
        ? this.cipher.seal(t.refreshToken, `${provider}:${userId}:refresh`)
        : null,
      expiresAt: t.expiresAt !== undefined ? new Date(t.expiresAt).toISOString() : null,
      scope: t.scope ?? null,
    });
  }

  /**
   * A usable access token: refreshed when it expires within 5 minutes. If the refresh fails but the stored
   * token has not expired yet, that cached token is used (the refresh is tried again next time).
   */
  async accessToken(userId: string, provider: OAuthProvider): Promise<string | null> {
    const row = await this.database.asUser(userId, () => this.repo.findConnection(userId, provider));
    if (!row) return null;
    const access = this.cipher.open(row.accessTokenEnc, `${provider}:${userId}:access`);
    const expiresAt = row.expiresAt ? Date.parse(row.expiresAt) : Infinity;
    const now = Date.now();
    if (expiresAt - now > REFRESH_MARGIN_MS || !row.refreshTokenEnc) return access;
    const refresh = this.cipher.open(row.refreshTokenEnc, `${provider}:${userId}:refresh`);
    try {
      const t = await this.breakers
        .get(provider)
        .call(() => refreshTokens(provider, this.spec(provider), refresh));
      await this.database.asUser(userId, () =>
        this.store(userId, provider, row.externalUserId, { refreshToken: refresh, ...t }),
      );
      return t.accessToken;
    } catch (err) {
      if (expiresAt > now) return access;
      throw err;
    }
  }

  /**
   * Deletes the tokens (Strava is first asked to deauthorize the app, which ends its webhooks for the athlete;
   * a failure there does not stop the local disconnect). With `deleteData` also what the provider brought:
   * the activities that came only from it, or MyFitnessPal's nutrition days (the nutrition alerts they could
   * have raised are re-assessed in the same transaction). Deleted activities queue the load recompute, as
   * other activity writes do.
   */
  async disconnect(
    userId: string,
    provider: Provider,
    deleteData: boolean,
  ): Promise<{ deletedActivities: number; deletedNutritionDays?: number }> {
    if (provider === 'strava') await this.deauthorizeStrava(userId);
    const { activities, nutritionDays } = await this.database.asUser(userId, async () => {
      const had = await this.repo.deleteConnection(userId, provider);
      const mfp = provider === 'myfitnesspal';
      const gone = {
        activities: deleteData && !mfp ? await this.deleteImported(userId, provider) : [],
        nutritionDays: deleteData && mfp ? await this.nutrition.removeSource(userId, 'myfitnesspal') : 0,
      };
      // Data can still be deleted after the link went (e.g. revoked on Strava); with neither, nothing is there.
      if (!had && gone.activities.length === 0 && gone.nutritionDays === 0)
        throw new AppError(404, 'NOT_FOUND', `${provider} is not connected`);
      await this.audit.record(userId, 'integration.disconnect', 'integration', provider);
      return gone;
    });
    await this.activityService.afterDelete(userId, activities, `disconnect:${provider}`);
    return {
      deletedActivities: activities.length,
      ...(provider === 'myfitnesspal' && { deletedNutritionDays: nutritionDays }),
    };
  }

  /** `POST /oauth/deauthorize` with the runner's token; logged, never thrown (the runner wants out either way). */
  private async deauthorizeStrava(userId: string): Promise<void> {
    try {
      const token = await this.accessToken(userId, 'strava');
      if (token) await this.stravaClient().deauthorize(token);
    } catch (err) {
      const why = isProviderFailure(err) ? (err as Error).message : 'no usable token';
      this.logger.warn(`strava deauthorize failed (${why}); disconnecting locally`);
    }
  }

  /** Inside the runner's transaction: activities this provider created (merged ones keep their other origin). */
  async deleteImported(userId: string, kind: OriginKind): Promise<Pick<ActivityRow, 'id' | 'date'>[]> {
    const ids = await this.origins.activityIdsOf(userId, kind);
    const own: Pick<ActivityRow, 'id' | 'date'>[] = [];
    for (const id of ids) {
      const a = await this.activities.findById(userId, id);
      if (a && a.source === kind) own.push({ id: a.id, date: a.date });
    }
    await this.activities.deleteMany(
      userId,
      own.map((a) => a.id),
    );
    return own;
  }

  connection(userId: string, provider: string): Promise<ProviderConnectionRow | undefined> {
    return this.database.asUser(userId, () => this.repo.findConnection(userId, provider));
  }
}
