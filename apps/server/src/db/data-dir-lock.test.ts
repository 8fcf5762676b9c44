import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

describe('lockDataDir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-lock-'));
  const file = join(dir, 'pg.lock');
  afterEach(() => rmSync(file, { force: true }));

  it('refuses while another live process holds it', () => {
    writeFileSync(file, String(process.ppid));
    expect(() => lockDataDir(file)).toThrow(`in use by process ${process.ppid}`);
  });

  it('takes over a lock whose process is gone, or that carries our own pid from an earlier run', () => {
    for (const stale of ['2147483646', String(process.pid), 'garbage']) {
      writeFileSync(file, stale);
      const release = lockDataDir(file);
      expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
      release();
      expect(existsSync(file)).toBe(false);
    }
  });
});
