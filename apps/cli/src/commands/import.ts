import { COMMON_HELP, flag, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { collectActivityFiles } from '../io/activity-files.ts';
import { ApiClient } from '../net/api.ts';

interface FileResult {
  file: string;
  status: 'imported' | 'merged' | 'duplicate' | 'failed';
  activities: number;
  error?: string;
}

const BAR = 24;

/** `[#######.................]  3/12  run.fit`, sized for an 80-column terminal. */
function bar(done: number, total: number, name: string): string {
  const filled = total ? Math.round((BAR * done) / total) : BAR;
  const label = name.length > 36 ? `…${name.slice(-35)}` : name;
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${done}/${total}  ${label}`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'upload FIT, GPX and TCX files (a directory or a .zip) to a RunningCoach server',
  help: `Usage: runningcoach import <directory|archive.zip> [--server <url>]
                           (--token <token> | --email <email> --password <password>)

Uploads every .fit, .gpx and .tcx file (gzipped too: .fit.gz ...) of a directory
(recursively) or of a .zip archive (e.g. a Garmin or Strava export) to
POST /api/v1/activities/import, one at a time, with a progress bar on a terminal,
then prints what became of each file. A file imported before is reported as
already there and creates nothing; the same run in another file is merged.
Exit code 1 if any file failed.

Options:
  --server <url>       the server (default $RUNNINGCOACH_SERVER or http://localhost:3000)
  --token <token>      an access token (default $RUNNINGCOACH_TOKEN)
  --email <email>      sign in with this account instead of a token
  --password <pw>      its password (default $RUNNINGCOACH_PASSWORD, which keeps it
                       out of the shell history)
${COMMON_HELP}

Example:
  RUNNINGCOACH_PASSWORD=... runningcoach import ~/garmin-export.zip --email me@example.com`,
  options: {
    server: { type: 'string' },
    token: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
  },
  positionals: true,
  async run(args, ctx) {
    const [source, ...extra] = args.positionals;
    if (source === undefined) throw new UsageError('missing the directory or .zip to import');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const server = stringOption(args, 'server') ?? process.env.RUNNINGCOACH_SERVER ?? 'http://localhost:3000';
    if (!/^https?:\/\/\S+$/.test(server))
      throw new UsageError(`--server: expected an http(s) URL, got "${server}"`);
    const email = stringOption(args, 'email');
    const password = stringOption(args, 'password') ?? process.env.RUNNINGCOACH_PASSWORD;
    const token = stringOption(args, 'token') ?? process.env.RUNNINGCOACH_TOKEN;
    if (!email && !token) throw new UsageError('needs --token, or --email with --password, to sign in');
    if (email && !password)
      throw new UsageError('--password: needed with --email (or set RUNNINGCOACH_PASSWORD)');

    const files = collectActivityFiles(source);
    const api = new ApiClient(server, email ? undefined : token);
    if (email) await api.login(email, password!);

    const results: FileResult[] = [];
    for (const [i, f] of files.entries()) {
      ctx.progress(bar(i, files.length, f.name));
      const answer = await api.importFile(f.name, f.read());
      results.push({
        file: f.name,
        status: answer.error
          ? 'failed'
          : answer.created > 0
            ? 'imported'
            : answer.alreadyImported
              ? 'duplicate'
              : 'merged',
        activities: answer.error ? 0 : answer.created,
        ...(answer.error && { error: answer.error }),
      });
    }
    ctx.progress(bar(files.length, files.length, 'done') + '\n');

    const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
    const failed = count('failed');
    if (flag(args, 'json')) {
      ctx.json({
        files: results.length,
        imported: count('imported'),
        merged: count('merged'),
        duplicates: count('duplicate'),
        failed,
        results,
      });
    } else {
      const created = results.reduce((n, r) => n + r.activities, 0);
      ctx.out([
        `${results.length} file${results.length === 1 ? '' : 's'}: ${count('imported')} imported ` +
          `(${created} activit${created === 1 ? 'y' : 'ies'}), ${count('merged')} merged into an activity, ` +
          `${count('duplicate')} already there, ${failed} failed`,
        ...results.filter((r) => r.status === 'failed').map((r) => `  failed  ${r.file}: ${r.error}`),
      ]);
    }
    return failed > 0 ? 1 : 0;
  },
};
