import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not stop a second process from opening the same data directory, and two would corrupt it:
 * take a pid lock file first. A lock left by a process that is gone is taken over.
 * Returns the release function.
 */
export function lockDataDir(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      // Our own pid in the file is a lock from a previous run that got the same pid (pid 1 in a container).
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(`${file}: the embedded database is in use by process ${pid}`, { cause: err });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`${file}: could not take the embedded database lock`);
}
