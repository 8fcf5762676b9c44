import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { CliError } from '../errors.ts';

/** What `import` sends: FIT, GPX and TCX (or gzipped) by name (the server still decides the type from the content). */
export const ACTIVITY_FILE = /\.(fit|gpx|tcx)(\.gz)?$/i;

export interface ActivityFile {
  /** Where it came from, for the report: a path under the directory, or `archive.zip:inner/path`. */
  name: string;
  read(): Uint8Array;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && ACTIVITY_FILE.test(e.name)) out.push(p);
  }
}

/** The activity files of a directory (recursively, by path) or of a .zip archive (in memory). */
export function collectActivityFiles(source: string): ActivityFile[] {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new CliError(`cannot read ${source}: no such file or directory`, 1);
  }
  if (stat.isDirectory()) {
    const paths: string[] = [];
    walk(source, paths);
    return paths.sort().map((p) => ({ name: relative(source, p), read: () => readFileSync(p) }));
  }
  if (!/\.zip$/i.test(source)) {
    throw new CliError(`${source}: expected a directory or a .zip archive`, 2);
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(source), { filter: (f) => ACTIVITY_FILE.test(f.name) });
  } catch (err) {
    throw new CliError(`${source}: not a readable zip archive (${(err as Error).message})`, 1);
  }
  return Object.keys(entries)
    .filter((name) => !name.endsWith('/') && !basename(name).startsWith('._')) // macOS resource forks
    .sort()
    .map((name) => ({ name: `${basename(source)}:${name}`, read: () => entries[name]! }));
}
