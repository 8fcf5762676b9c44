import { PGlite } from '@electric-sql/pglite';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// initdb inside PGlite takes several seconds; an empty cluster copied from a cached template opens in ~1 s.
const pkgDir = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;
const TEMPLATE = join(tmpdir(), `rc-pglite-template-${version}`);
const LOCK = `${TEMPLATE}.lock`;
const ready = () => existsSync(join(TEMPLATE, 'PG_VERSION'));

/** Fills `target` with a fresh, empty PGlite cluster. */
export async function seedPgliteDir(target: string): Promise<void> {
  if (!ready()) await buildTemplate();
  cpSync(TEMPLATE, target, { recursive: true });
}

// One test worker builds the template; the others wait for it rather than run initdb on the same 2 cores.
async function buildTemplate(): Promise<void> {
  try {
    mkdirSync(LOCK);
  } catch {
    const stale = Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 60_000;
    if (stale) rmSync(LOCK, { recursive: true, force: true });
    while (!ready() && existsSync(LOCK)) await new Promise((r) => setTimeout(r, 100));
    if (ready()) return;
    return buildTemplate();
  }
  try {
    const staging = mkdtempSync(join(tmpdir(), 'rc-pglite-staging-'));
    const db = await PGlite.create(staging);
    await db.close();
    renameSync(staging, TEMPLATE);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
