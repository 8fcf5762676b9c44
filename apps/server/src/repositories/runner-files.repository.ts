import { lstat, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A runner's files (uploads such as imported FIT/GPX files) live under `DATA_DIR/files/<userId>/`, one
 * directory per runner, so an account deletion removes them with one `rm -r`.
 */
@Injectable()
export class RunnerFilesRepository {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'files');
  }

  dirOf(userId: string): string {
    // The id comes from a verified token, but a path is built from it: accept nothing but a uuid.
    if (!UUID.test(userId)) throw new Error('runner files: not a runner id');
    return join(this.root, userId);
  }

  /** Every regular file of the runner (relative path and size); none when the directory does not exist. */
  async list(userId: string): Promise<{ path: string; bytes: number }[]> {
    const dir = this.dirOf(userId);
    const out: { path: string; bytes: number }[] = [];
    const walk = async (d: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const e of entries) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile()) out.push({ path: relative(dir, p), bytes: (await lstat(p)).size });
      }
    };
    await walk(dir);
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }

  async removeAll(userId: string): Promise<void> {
    await rm(this.dirOf(userId), { recursive: true, force: true });
  }
}
