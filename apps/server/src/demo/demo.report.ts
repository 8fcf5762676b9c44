import type { AppConfig } from '../config/config.ts';
import type { SeedReporter } from './demo.run.ts';
import type { SeedResult } from './demo.seed.ts';

type Write = (text: string) => void;

/** A live counter on a terminal; a line per quarter otherwise (CI logs, pipes). */
export function progressReporter(write: Write, tty: boolean): SeedReporter & { end(): void } {
  let lastQuarter = -1;
  let open = false;
  return {
    onProgress(done, total) {
      const text = `  seeding 12 weeks of history: ${done}/${total} requests (${Math.round((100 * done) / total)}%)`;
      if (tty) {
        write(`\r${text}`);
        open = done < total;
        if (!open) write('\n');
        return;
      }
      const quarter = Math.floor((4 * done) / total);
      if (quarter !== lastQuarter) write(`${text}\n`);
      lastQuarter = quarter;
    },
    onWait(seconds) {
      write(
        `${open ? '\n' : ''}  the server's rate limit asks to wait ${seconds} s (set RATE_LIMIT_PER_MINUTE=0 to skip)...\n`,
      );
      open = false;
    },
    end() {
      if (open) write('\n');
      open = false;
    },
  };
}

export function describeResult(r: SeedResult): string {
  const what = {
    created: `created with ${r.activities} activities and ${r.checkIns} check-ins up to ${r.today}`,
    replaced: `replaced: fresh history of ${r.activities} activities and ${r.checkIns} check-ins up to ${r.today}`,
    kept: 'already exists and was kept (this server cannot delete accounts yet)',
  }[r.outcome];
  return `Demo runner ${what}.\n  sign in: ${r.email} / ${r.password}\n`;
}

/** Where the data lives, in words: the PGlite directory, or the PostgreSQL database without its credentials. */
export function describeStorage(config: AppConfig): string {
  if (config.database.kind === 'pglite') return `embedded PostgreSQL (PGlite) in ${config.database.dataDir}`;
  const url = new URL(config.database.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
