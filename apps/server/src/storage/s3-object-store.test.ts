import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3 } from './fake-s3.ts';
import { importKey } from './object-store.ts';
import { S3ObjectStore } from './s3-object-store.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const SHA = 'cd'.repeat(32);

describe('S3ObjectStore against a local S3-compatible endpoint', () => {
  let fake: Awaited<ReturnType<typeof startFakeS3>>;
  let store: S3ObjectStore;
  beforeAll(async () => {
    fake = await startFakeS3();
    store = new S3ObjectStore({
      endpoint: fake.url,
      bucket: 'runs',
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
    });
  });
  afterAll(() => fake?.close());

  it('puts, gets and deletes objects as PutObject/GetObject/DeleteObject (path-style)', async () => {
    const key = importKey(A, SHA, 'fit');
    expect(await store.get(key)).toBeNull();
    await store.put(key, Uint8Array.from([1, 2, 3, 250]), 'application/vnd.ant.fit');
    expect(fake.calls.some((c) => c.startsWith(`PUT /runs/${key}`))).toBe(true);
    expect(Array.from(fake.objects.get(`runs/${key}`)!)).toEqual([1, 2, 3, 250]);
    expect(Array.from((await store.get(key))!)).toEqual([1, 2, 3, 250]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("deletes a runner's prefix (ListObjectsV2 + DeleteObjects), nobody else's", async () => {
    await store.put(importKey(A, SHA, 'gpx'), Uint8Array.from([1]), 'application/gpx+xml');
    await store.put(importKey(A, SHA, 'tcx'), Uint8Array.from([2]), 'application/vnd.garmin.tcx+xml');
    await store.put(importKey(B, SHA, 'gpx'), Uint8Array.from([3]), 'application/gpx+xml');
    await store.deletePrefix(`${A}/`);
    expect([...fake.objects.keys()]).toEqual([`runs/${importKey(B, SHA, 'gpx')}`]);
  });
});
