import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_USER_SETTINGS,
  type AuthResponse,
  type LoginBody,
  type RegisterBody,
} from '@runningcoach/contracts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { CryptoRepository } from '../repositories/crypto.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { SessionRepository } from '../repositories/session.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { UserRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { ACCESS_TOKEN_TTL_SEC, REFRESH_TOKEN_TTL_MS, TokenService } from './token.service.ts';
import { toUser } from './user.service.ts';

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'email or password is incorrect');
const invalidRefresh = () => new AppError(401, 'INVALID_REFRESH_TOKEN', 'the refresh token is not valid');

type RefreshOutcome = { ok: AuthResponse } | { error: AppError };

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so both failures take the same time.
  private dummyHash?: Promise<string>;

  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(CryptoRepository) private readonly crypto: CryptoRepository,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async register(body: RegisterBody): Promise<AuthResponse> {
    const userId = this.crypto.uuid();
    const passwordHash = await this.crypto.hashPassword(body.password);
    return this.database.asUser(userId, async () => {
      const user = await this.users.create({
        id: userId,
        email: body.email,
        passwordHash,
        name: body.name ?? null,
        settings: DEFAULT_USER_SETTINGS,
      });
      if (!user)
        throw new AppError(409, 'EMAIL_TAKEN', 'an account with this email already exists', {
          field: 'email',
        });
      await this.audit.record(userId, 'auth.register', 'user', userId);
      return this.startSession(user, body.deviceId);
    });
  }

  async login(body: LoginBody): Promise<AuthResponse> {
    const userId = await this.database.anonymous(() => this.users.findIdByEmail(body.email));
    // Hash work happens outside any transaction: it is slow and PGlite has a single connection.
    const user = userId ? await this.database.asUser(userId, () => this.users.findById(userId)) : undefined;
    this.dummyHash ??= this.crypto.hashPassword(this.crypto.randomToken());
    const ok = await this.crypto.verifyPassword(user?.passwordHash ?? (await this.dummyHash), body.password);
    if (!user || !ok) throw invalidCredentials();
    return this.database.asUser(user.id, async () => {
      await this.audit.record(user.id, 'auth.login', 'user', user.id);
      return this.startSession(user, body.deviceId);
    });
  }

  /** Rotates a refresh token. A token used twice means it leaked: the whole device session is revoked. */
  async refresh(refreshToken: string): Promise<AuthResponse> {
    const parsed = this.tokens.parseRefreshToken(refreshToken);
    if (!parsed) throw invalidRefresh();
    const { userId, hash } = parsed;
    // The revocation must commit, so the reuse error is returned out of the transaction, not thrown in it.
    const outcome = await this.database.asUser(userId, async (): Promise<RefreshOutcome> => {
      const now = new Date();
      const token = await this.sessions.findRefreshToken(userId, hash);
      if (!token || token.sessionRevokedAt) return { error: invalidRefresh() };
      if (token.usedAt) {
        await this.sessions.revoke(userId, token.sessionId, now);
        await this.audit.record(userId, 'auth.refresh_reused', 'device_session', token.sessionId);
        return {
          error: new AppError(
            401,
            'REFRESH_TOKEN_REUSED',
            'the refresh token was already used; the device is signed out',
          ),
        };
      }
      if (token.expiresAt <= now) return { error: invalidRefresh() };
      const user = await this.users.findById(userId);
      if (!user) return { error: invalidRefresh() };
      const next = await this.issueRefreshToken(userId, token.sessionId, now);
      await this.sessions.markUsed(userId, token.id, next.id, now);
      return { ok: await this.response(user, token.sessionId, next.token) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  /** Ends the token's device session. Always succeeds, so it reveals nothing about the token. */
  async logout(refreshToken: string): Promise<void> {
    const parsed = this.tokens.parseRefreshToken(refreshToken);
    if (!parsed) return;
    const { userId, hash } = parsed;
    await this.database.asUser(userId, async () => {
      const token = await this.sessions.findRefreshToken(userId, hash);
      if (!token || token.sessionRevokedAt) return;
      await this.sessions.revoke(userId, token.sessionId, new Date());
      await this.audit.record(userId, 'auth.logout', 'device_session', token.sessionId);
    });
  }

  /** Inside the runner's transaction: a new device session (replacing that device's old one) and a token pair. */
  private async startSession(user: UserRow, deviceId: string | undefined): Promise<AuthResponse> {
    const now = new Date();
    const device = deviceId ?? this.crypto.uuid();
    await this.sessions.revokeDevice(user.id, device, now);
    const session = await this.sessions.create(user.id, device);
    const refresh = await this.issueRefreshToken(user.id, session.id, now);
    return this.response(user, session.id, refresh.token);
  }

  private async issueRefreshToken(userId: string, sessionId: string, now: Date) {
    const { token, hash } = this.tokens.newRefreshToken(userId);
    const row = await this.sessions.addRefreshToken(
      userId,
      sessionId,
      hash,
      new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
    );
    return { id: row.id, token };
  }

  private async response(user: UserRow, sessionId: string, refreshToken: string): Promise<AuthResponse> {
    const accessToken = await this.tokens.signAccess({ userId: user.id, sessionId });
    return { user: toUser(user), accessToken, refreshToken, accessTokenExpiresIn: ACCESS_TOKEN_TTL_SEC };
  }
}
