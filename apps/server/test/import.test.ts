import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Decoder, Stream } from '@garmin/fitsdk';
import { decodeFitWorkout } from '@runningcoach/integrations';
import { runToFit, runToGpx, runToTcx, syntheticRun } from '@runningcoach/integrations/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/connection.ts';
import { startFakeS3 } from '../src/storage/fake-s3.ts';
import { BACKENDS, createTestDatabase, skipBackend, startServer } from './helpers/backends.ts';
import { client } from './helpers/http.ts';
import { everyDayBody, onboard } from './helpers/domain.ts';
import { register, snapshot, useServer } from './helpers/suite.ts';
import { queueOf, waitForIdle } from './helpers/pipelines.ts';
import { SHORT_RUN_FIT, upload } from './helpers/upload.ts';

const DAY = 86_400_000;
// The run started three days ago (07:00 UTC), so it is in the past whatever the clock says.
const start = Math.floor(Date.now() / DAY) * DAY - 3 * DAY + 7 * 3600_000;
const run = syntheticRun({ startTime: start });
const fit = runToFit(run);
const gpx = new TextEncoder().encode(runToGpx(run));
const tcx = new TextEncoder().encode(runToTcx(run));

async function filesOf(dataDir: string, userId: string): Promise<string[]> {
  try {
    return (await readdir(join(dataDir, 'files', userId, 'imports'))).sort();
  } catch {
    return [];
  }
}

describe.each(BACKENDS)('activity files on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);
  let base = '';
  beforeAll(() => {
    if (s.server) base = `${s.server.url}/api/v1`;
  });

  it('imports the 4-hour run as FIT, GPX and TCX: summaries agree, samples and raw files kept', async () => {
    const results = [];
    for (const [bytes, name] of [
      [fit, 'a.fit'],
      [gpx, 'a.txt'], // the name does not matter: the content decides
      [tcx, 'a.tcx'],
    ] as const) {
      // One runner each: for one runner the three are one run, merged (next test).
      const { accessToken } = await register(s.api);
      const res = await upload(base, accessToken, bytes, name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.created).toBe(1);
      expect(res.body.activities).toHaveLength(1);
      expect(res.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      results.push({ ...res.body.activities[0], accessToken });
    }
    expect(results.map((a) => a.source)).toEqual(['fit', 'gpx', 'tcx']);
    for (const a of results) {
      expect(a).toMatchObject({
        type: 'run',
        startTime: new Date(start).toISOString(),
        date: new Date(start).toISOString().slice(0, 10),
        durationSec: 14_400,
        maxHr: run.truth.maxHr,
      });
      expect(Math.abs(a.distanceMeters - run.truth.distanceMeters)).toBeLessThan(
        0.001 * run.truth.distanceMeters,
      );
      expect(Math.abs(a.avgHr - run.truth.avgHr)).toBeLessThanOrEqual(1);
      expect(Math.abs(a.elevationGainMeters - 600)).toBeLessThan(9);
    }
    // Samples stored through the codec, returned whole.
    const one = await s.api.get(`/activities/${results[0]!.id}`, results[0]!.accessToken);
    expect(one.body.samples.t).toHaveLength(run.points.length);
    expect(one.body.samples.hr[1000]).toBe(run.points[1000]!.hr);
  }, 60_000);

  it('the same run as FIT, GPX and gzipped TCX is one activity; each raw file kept under its SHA-256', async () => {
    const { accessToken, user } = await register(s.api);
    const first = await upload(base, accessToken, fit, 'a.fit');
    expect(first.status).toBe(201);
    const id = first.body.activities[0].id;
    for (const bytes of [gpx, gzipSync(tcx)]) {
      const res = await upload(base, accessToken, bytes, 'a.gz');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ created: 0, merged: 1, alreadyImported: false });
      // The first device recording stays: the activity is the FIT's, unchanged.
      expect(res.body.activities[0]).toMatchObject({ id, source: 'fit' });
    }
    const list = await s.api.get('/activities', accessToken);
    expect(list.body.activities).toHaveLength(1);
    // Raw files under DATA_DIR/files/<userId>/imports/<sha256>.<ext>, byte for byte (the TCX inflated).
    const names = await filesOf(s.database.dataDir, user.id);
    expect(names).toHaveLength(3);
    const tcxName = `${createHash('sha256').update(tcx).digest('hex')}.tcx`;
    expect(names).toContain(tcxName);
    // Buffer.equals: a deep toEqual over megabytes takes a minute.
    const kept = await readFile(join(s.database.dataDir, 'files', user.id, 'imports', tcxName));
    expect(kept.equals(tcx)).toBe(true);
    // The digest is kept with the activity (activity_origins.sha256), one row per file.
    const origins = await queryRows<{ sha256: string; format: string }>(
      s.server.db,
      sql`select sha256, format from activity_origins where activity_id = ${id} order by format`,
    );
    expect(origins.map((o) => o.format)).toEqual(['fit', 'gpx', 'tcx']);
    expect(origins.find((o) => o.format === 'tcx')!.sha256).toBe(tcxName.slice(0, 64));
  }, 60_000);

  it('a run logged by hand, then imported: the device wins distance and HR, the runner keeps RPE and notes', async () => {
    const { accessToken } = await register(s.api);
    const manual = await s.api.post(
      '/activities',
      {
        date: new Date(start).toISOString().slice(0, 10),
        startTime: new Date(start + 4 * 60_000).toISOString(), // 4 minutes off: within the window
        type: 'run',
        durationSec: 14_000,
        distanceMeters: 40_000,
        rpe: 6,
        notes: 'legs heavy after 30 k',
      },
      accessToken,
    );
    expect(manual.status, JSON.stringify(manual.body)).toBe(201);
    const res = await upload(base, accessToken, fit);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 0, merged: 1 });
    const merged = res.body.activities[0];
    expect(merged).toMatchObject({
      id: manual.body.id,
      source: 'fit',
      durationSec: 14_400,
      startTime: new Date(start).toISOString(),
      rpe: 6,
      notes: 'legs heavy after 30 k',
      maxHr: run.truth.maxHr,
    });
    expect(Math.abs(merged.distanceMeters - run.truth.distanceMeters)).toBeLessThan(50);
    // sRPE follows the device's duration: 6 x 240 minutes.
    expect(merged.internalLoad).toBeCloseTo(6 * 240, 5);
    const one = await s.api.get(`/activities/${manual.body.id}`, accessToken);
    expect(one.body.samples.t).toHaveLength(run.points.length);
    expect((await s.api.get('/activities', accessToken)).body.activities).toHaveLength(1);
  }, 60_000);

  it('the same file again creates nothing new', async () => {
    const { accessToken, user } = await register(s.api);
    const first = await upload(base, accessToken, fit);
    expect(first.status).toBe(201);
    await waitForIdle(queueOf(s.server)); // the first import's pipeline jobs write rolling stats
    const before = await snapshot(s.server.db);
    const again = await upload(base, accessToken, fit, 'renamed.fit');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, merged: 0, alreadyImported: true });
    expect(again.body.activities.map((a: { id: string }) => a.id)).toEqual(
      first.body.activities.map((a: { id: string }) => a.id),
    );
    expect(await snapshot(s.server.db)).toEqual(before);
    expect(await filesOf(s.database.dataDir, user.id)).toHaveLength(1);
  }, 30_000);

  it.each([
    ['empty', () => new Uint8Array(0), 400, 'FILE_EMPTY'],
    ['truncated', () => fit.subarray(0, fit.length >> 1), 422, 'FILE_TRUNCATED'],
    ['corrupt', () => fit.map((b, i) => (i === fit.length >> 1 ? b ^ 0xff : b)), 422, 'FILE_CORRUPT'],
    ['wrong type', () => new TextEncoder().encode('%PDF-1.7 not a run'), 415, 'UNSUPPORTED_FILE_TYPE'],
    ['oversized', () => new Uint8Array(32 * 1024 * 1024 + 1).fill(0x20), 413, 'FILE_TOO_LARGE'],
  ])(
    '%s file → %i %s, nothing stored',
    async (_name, make, status, code) => {
      const { accessToken, user } = await register(s.api);
      const before = await snapshot(s.server.db);
      const res = await upload(base, accessToken, make());
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/^file: /);
      expect(res.body.error.details.issues[0].path).toBe('file');
      expect(await snapshot(s.server.db)).toEqual(before);
      expect(await filesOf(s.database.dataDir, user.id)).toEqual([]);
    },
    30_000,
  );

  it('a request without a file field or not multipart names the field', async () => {
    const { accessToken } = await register(s.api);
    const before = await snapshot(s.server.db);
    const wrongField = await upload(base, accessToken, fit, 'a.fit', 'upload');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.message).toMatch(/^file: is missing/);
    const json = await s.api.post('/activities/import', { file: 'abc' }, accessToken);
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);
    const text = await s.api.request('POST', '/activities/import', {
      raw: 'x',
      contentType: 'text/plain',
      token: accessToken,
    });
    expect(text.status).toBe(415);
    expect(await snapshot(s.server.db)).toEqual(before);
  });

  it('GET /workouts/:id.fit: a plan workout as a FIT workout file that decodes to the same structure', async () => {
    const { accessToken } = await register(s.api);
    const { plan } = await onboard(s.api, accessToken, everyDayBody());
    const current = await s.api.get('/plan/current', accessToken);
    const workouts = current.body.workouts as {
      id: string;
      type: string;
      structure: { steps: { type: string }[] };
    }[];
    const intervals = workouts.find((w) => w.structure.steps.some((x) => x.type === 'repeat'))!;
    expect(intervals, `plan ${plan.id} has a workout with repeats`).toBeDefined();
    const res = await fetch(`${base}/workouts/${encodeURIComponent(intervals.id)}.fit`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.ant.fit');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const decoder = new Decoder(Stream.fromByteArray(bytes));
    expect(decoder.checkIntegrity()).toBe(true);
    expect(
      decoder.read().messages.workoutStepMesgs!.some((m) => m.durationType === 'repeatUntilStepsCmplt'),
    ).toBe(true);
    const back = decodeFitWorkout(bytes).structure;
    expect(back.steps.map((x) => x.type)).toEqual(intervals.structure.steps.map((x) => x.type));
    expect(
      JSON.stringify(
        back.steps.filter((x) => x.type === 'repeat').map((r) => (r as { count: number }).count),
      ),
    ).toBe(
      JSON.stringify(
        intervals.structure.steps
          .filter((x) => x.type === 'repeat')
          .map((r) => (r as unknown as { count: number }).count),
      ),
    );
    const rest = workouts.find((w) => w.type === 'rest' && w.structure.steps.length === 0);
    if (rest)
      expect((await s.api.get(`/workouts/${encodeURIComponent(rest.id)}.fit`, accessToken)).status).toBe(422);
    expect((await s.api.get('/workouts/nope.fit', accessToken)).status).toBe(404);
  }, 30_000);
});

describe('imported files in an S3-compatible store (S3_ENDPOINT set)', () => {
  it('keeps the raw file in the bucket under <userId>/imports/<sha256>.fit, and account deletion removes it', async () => {
    const fake = await startFakeS3();
    const database = await createTestDatabase('pglite');
    Object.assign(database.env, {
      S3_ENDPOINT: fake.url,
      S3_BUCKET: 'runs',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    });
    const server = await startServer(database);
    try {
      const api = client(`${server.url}/api/v1`);
      const { accessToken, user } = await register(api);
      const res = await upload(`${server.url}/api/v1`, accessToken, SHORT_RUN_FIT);
      expect(res.status).toBe(201);
      const key = `runs/${user.id}/imports/${res.body.sha256}.fit`;
      expect(new Uint8Array(fake.objects.get(key)!)).toEqual(SHORT_RUN_FIT);
      expect(await filesOf(database.dataDir, user.id)).toEqual([]); // not in the data dir
      expect((await api.delete('/account', { password: 'correct horse' }, accessToken)).status).toBe(204);
      expect([...fake.objects.keys()]).toEqual([]);
    } finally {
      await server.close();
      await database.drop();
      await fake.close();
    }
  }, 60_000);
});
