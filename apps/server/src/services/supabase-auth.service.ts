import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_USER_SETTINGS, EmailSchema } from '@runningcoach/contracts';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { AppConfig, SupabaseConfig } from '../config/config.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { AppError } from '../utils/errors.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

/**
 * The password hash of a runner who signs in through Supabase: not an argon2 string, so no password ever
 * matches it, and it marks the account as Supabase's (a Supabase `sub` can only ever reach such an account).
 */
export const SUPABASE_PASSWORD_MARKER = '!supabase';
export const SUPABASE_AUDIENCE = 'authenticated';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const invalid = () => new AppError(401, 'INVALID_TOKEN', 'the access token is not valid');
/** How long a runner whose row exists is remembered (an account deleted in another process is re-created after this). */
const KNOWN_RUNNER_TTL_MS = 60_000;

export interface SupabaseClaims {
  userId: string;
  sessionId: string;
  /** Seconds since the epoch. */
  issuedAt: number;
}

/**
 * Optional Supabase Auth: verifies its access tokens (HS256 with the project's JWT secret, or RS256/ES256
 * from its JWKS; `exp`, `aud` = authenticated, `iss` when SUPABASE_URL is set) and maps `sub` to the runner
 * of the same id, created on first sight. The `sub` is a uuid and becomes the runner's id, so no lookup
 * column is needed; an account created here carries SUPABASE_PASSWORD_MARKER instead of a password.
 */
@Injectable()
export class SupabaseAuthService {
  private readonly config?: SupabaseConfig;
  private readonly secret?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  /** Runners whose row was seen recently, until when (ms). */
  private readonly known = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {
    this.config = config.supabase;
    if (this.config?.jwtSecret) this.secret = new TextEncoder().encode(this.config.jwtSecret);
    if (this.config?.jwksUrl) this.jwks = createRemoteJWKSet(new URL(this.config.jwksUrl));
  }

  get enabled(): boolean {
    return this.config !== undefined;
  }

  /**
   * A verified Supabase token's claims, without touching the database (the caller checks revocation
   * before `ensureRunner` creates anything); a 401 AppError otherwise.
   */
  async verifyClaims(token: string): Promise<SupabaseClaims & { email?: string }> {
    const payload = await this.verify(token);
    const { sub, email, iat } = payload;
    const sessionId = typeof payload.session_id === 'string' ? payload.session_id : sub;
    if (
      typeof sub !== 'string' ||
      !UUID.test(sub) ||
      typeof iat !== 'number' ||
      !UUID.test(String(sessionId))
    )
      throw invalid();
    const claims = { userId: sub, sessionId: String(sessionId), issuedAt: iat };
    return typeof email === 'string' ? { ...claims, email } : claims;
  }

  private async verify(token: string): Promise<JWTPayload> {
    const options = {
      audience: SUPABASE_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
      ...(this.config?.issuer && { issuer: this.config.issuer }),
    };
    let expired = false;
    for (const attempt of [
      this.secret && (() => jwtVerify(token, this.secret!, { ...options, algorithms: ['HS256'] })),
      this.jwks && (() => jwtVerify(token, this.jwks!, { ...options, algorithms: ['RS256', 'ES256'] })),
    ]) {
      if (!attempt) continue;
      try {
        return (await attempt()).payload;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_JWT_EXPIRED') expired = true;
      }
    }
    if (expired) throw new AppError(401, 'TOKEN_EXPIRED', 'the access token has expired');
    throw invalid();
  }

  /** The Supabase runner's row, created on first sight; remembered so later requests open no transaction. */
  async ensureRunner(id: string, rawEmail: string | undefined): Promise<void> {
    if ((this.known.get(id) ?? 0) > Date.now()) return;
    await this.database.asUser(id, async () => {
      // A local account with this id (a forged or colliding sub) is never reachable with a Supabase token.
      const isOurs = (row: { passwordHash: string } | undefined) => {
        if (row && row.passwordHash !== SUPABASE_PASSWORD_MARKER) throw invalid();
        return row !== undefined;
      };
      if (isOurs(await this.users.findById(id))) return;
      const email = EmailSchema.safeParse(rawEmail);
      if (!email.success) throw invalid();
      const created = await this.users.create({
        id,
        email: email.data,
        passwordHash: SUPABASE_PASSWORD_MARKER,
        name: null,
        settings: DEFAULT_USER_SETTINGS,
      });
      if (!created) {
        // The runner's first requests arrive together: another one may just have created the row.
        if (isOurs(await this.users.findById(id))) return;
        // Linking to an existing local account by email would let whoever controls that Supabase address in.
        throw new AppError(409, 'EMAIL_TAKEN', 'a local account already uses this email', { field: 'email' });
      }
      await this.audit.record(id, 'auth.supabase_link', 'user', id);
    });
    // Briefly: another process may delete the account, and a later sign-up must create the row again.
    this.known.set(id, Date.now() + KNOWN_RUNNER_TTL_MS);
  }

  /** A deleted runner must be created anew on their next sign-up, not assumed to exist. */
  forget(id: string): void {
    this.known.delete(id);
  }
}
