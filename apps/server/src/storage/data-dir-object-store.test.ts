import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirObjectStore } from './data-dir-object-store.ts';
import { importKey } from './object-store.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-objects-'));
  dirs.push(dir);
  return { dir, store: new DataDirObjectStore(dir) };
};
const A = '00000000-0000-4000-8000-00000000000a';
const SHA = 'ab'.repeat(32);

describe('DataDirObjectStore', () => {
  it('puts, gets, overwrites and deletes under DATA_DIR/files/<key>', async () => {
    const { dir, store: s } = store();
    const key = importKey(A, SHA, 'fit');
    expect(await s.get(key)).toBeNull();
    await s.put(key, Uint8Array.from([1, 2, 3]), 'application/vnd.ant.fit');
    expect(await readdir(join(dir, 'files', A, 'imports'))).toEqual([`${SHA}.fit`]); // no temp file left
    await s.put(key, Uint8Array.from([4, 5]), 'application/vnd.ant.fit');
    expect(Array.from((await s.get(key))!)).toEqual([4, 5]);
    await s.delete(key);
    await s.delete(key); // idempotent
    expect(await s.get(key)).toBeNull();
  });

  it("removes a runner's prefix and nothing else", async () => {
    const { store: s } = store();
    const B = A.replace(/a$/, 'b');
    await s.put(importKey(A, SHA, 'gpx'), Uint8Array.from([1]), 'application/gpx+xml');
    await s.put(importKey(B, SHA, 'gpx'), Uint8Array.from([2]), 'application/gpx+xml');
    await s.deletePrefix(`${A}/`);
    expect(await s.get(importKey(A, SHA, 'gpx'))).toBeNull();
    expect(Array.from((await s.get(importKey(B, SHA, 'gpx')))!)).toEqual([2]);
  });

  it('refuses keys that would leave the store, and import keys built from anything but ids and digests', async () => {
    const { store: s } = store();
    await expect(s.put('../escape', Uint8Array.from([1]), 'x')).rejects.toThrow(/outside/);
    expect(() => importKey('../../etc', SHA, 'fit')).toThrow(/bad import key/);
    expect(() => importKey(A, 'not-a-digest', 'fit')).toThrow(/bad import key/);
    expect(() => importKey(A, SHA, 'fit/../x')).toThrow(/bad import key/);
  });
});
