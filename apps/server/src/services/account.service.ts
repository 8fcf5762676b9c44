import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_EXPORT_FORMAT,
  ACCOUNT_EXPORT_VERSION,
  type DeleteAccountBody,
} from '@runningcoach/contracts';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { AccountRepository, type RunnerRows } from '../repositories/account.repository.ts';
import { CryptoRepository } from '../repositories/crypto.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { RevocationRepository } from '../repositories/revocation.repository.ts';
import { RunnerFilesRepository } from '../repositories/runner-files.repository.ts';
import { OBJECT_STORE, type ObjectStore } from '../storage/object-store.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { decodeSamples, SAMPLE_ENCODING } from '../samples/codec.ts';
import type { ActivitySamplesRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { SUPABASE_PASSWORD_MARKER } from './supabase-auth.service.ts';

/** Sample rows are the bulk of an export: read this many activities' worth per transaction while streaming. */
export const SAMPLES_PAGE = 20;

const userGone = () => new AppError(404, 'NOT_FOUND', 'user not found');

/** Samples go out decoded (columnar, as `POST /activities` takes them); an encoding this build can't read goes out as stored. */
function sampleJson(row: ActivitySamplesRow): Record<string, unknown> {
  const { data, userId: _u, ...rest } = row;
  if (row.encoding === SAMPLE_ENCODING) return { ...rest, samples: decodeSamples(row) };
  return { ...rest, data: data.toString('base64') };
}

/** `GET /account/export` and `DELETE /account`: everything a runner has, out or gone. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger('Account');

  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AccountRepository) private readonly account: AccountRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(RunnerFilesRepository) private readonly files: RunnerFilesRepository,
    @Inject(RevocationRepository) private readonly revocations: RevocationRepository,
    @Inject(CryptoRepository) private readonly crypto: CryptoRepository,
    @Inject(DASHBOARD_CACHE) private readonly dashboardCache: RunnerCache<unknown>,
    @Inject(OBJECT_STORE) private readonly objects: ObjectStore,
  ) {}

  /**
   * The export as a JSON stream: every table but the samples is read in one transaction up front (so a
   * missing runner is a clean 404), then the samples follow page by page without holding a transaction
   * open while the client reads.
   */
  async export(userId: string, now = new Date()): Promise<Readable> {
    const rows = await this.database.asUser(userId, () => this.account.rows(userId));
    if (!rows.user) throw userGone();
    const files = await this.files.list(userId);
    const { user, ...sections } = rows;
    const head = {
      format: ACCOUNT_EXPORT_FORMAT,
      version: ACCOUNT_EXPORT_VERSION,
      exportedAt: now.toISOString(),
      user,
      ...sections,
    } satisfies Omit<RunnerRows, 'user'> & Record<string, unknown>;
    const database = this.database;
    const account = this.account;
    async function* chunks(): AsyncGenerator<string> {
      const json = JSON.stringify(head);
      yield `${json.slice(0, -1)},"activitySamples":[`;
      let after: string | null = null;
      let first = true;
      for (;;) {
        const page: ActivitySamplesRow[] = await database.asUser(userId, () =>
          account.samplesPage(userId, after, SAMPLES_PAGE),
        );
        for (const row of page) {
          yield `${first ? '' : ','}${JSON.stringify(sampleJson(row))}`;
          first = false;
        }
        if (page.length < SAMPLES_PAGE) break;
        after = page[page.length - 1]!.activityId;
      }
      yield `],"files":${JSON.stringify(files)}}`;
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  /**
   * Erases the runner: every row in every runner table (their audit trail too: it is theirs and says what
   * they did), their files, their cached dashboard, and their tokens — refresh tokens go with the rows,
   * access tokens are revoked.
   * A local account confirms with its password; a Supabase one has none (Supabase re-authenticates).
   */
  async delete(userId: string, body: DeleteAccountBody): Promise<void> {
    const user = await this.database.asUser(userId, () => this.users.findById(userId));
    if (!user) throw userGone();
    if (user.passwordHash !== SUPABASE_PASSWORD_MARKER) {
      if (body.password === undefined)
        throw new AppError(400, 'VALIDATION_FAILED', 'password: is required to delete the account', {
          issues: [{ path: 'password', code: 'invalid_type', message: 'is required' }],
        });
      // Outside any transaction, as at sign-in: hashing is slow and PGlite has one connection.
      if (!(await this.crypto.verifyPassword(user.passwordHash, body.password)))
        throw new AppError(403, 'INVALID_PASSWORD', 'password: is incorrect', { field: 'password' });
    }
    await this.database.asUser(userId, () => this.account.eraseRunner(userId));
    // The rows are gone and the answer is 204 whatever follows: one failing step (Redis down) must not
    // stop the others, nor turn a done deletion into a 500 that a retry would answer with 404.
    const steps = await Promise.allSettled([
      this.revocations.revokeRunner(userId),
      this.files.removeAll(userId),
      // Imported files (the same directory without S3; the runner's prefix in the bucket with it).
      this.objects.kind === 's3' ? this.objects.deletePrefix(`${userId}/`) : Promise.resolve(),
      this.dashboardCache.invalidate(userId),
    ]);
    const failed = ['token revocation', 'file removal', 'object removal', 'cache invalidation'].filter(
      (_, i) => steps[i]!.status === 'rejected',
    );
    if (failed.length) this.logger.error(`account ${userId} deleted; incomplete: ${failed.join(', ')}`);
    else this.logger.log(`account ${userId} deleted`);
  }
}
