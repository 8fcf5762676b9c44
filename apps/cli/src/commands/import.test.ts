import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runToFit, runToGpx, runToTcx, syntheticRun } from '@runningcoach/integrations/testing';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  createTestDatabase,
  skipBackend,
  startServer,
  type TestDatabase,
  type TestServer,
} from '../../../server/test/helpers/backends.ts';
import { main } from '../main.ts';
import { run } from '../test-helpers.ts';

const DAY = 86_400_000;
const dayStart = Math.floor(Date.now() / DAY) * DAY;
const runOn = (daysAgo: number) =>
  syntheticRun({ startTime: dayStart - daysAgo * DAY + 7 * 3600_000, durationSec: 1200, seed: daysAgo });

describe.each(BACKENDS)('runningcoach import against a real server on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  let database: TestDatabase;
  let server: TestServer;
  let dir = '';
  const email = `cli-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'correct horse';

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    server = await startServer(database);
    const res = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status}`);
    dir = mkdtempSync(join(tmpdir(), 'rc-cli-import-'));
    mkdirSync(join(dir, 'runs', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'runs', 'a.fit'), runToFit(runOn(5)));
    writeFileSync(join(dir, 'runs', 'nested', 'b.gpx'), runToGpx(runOn(4)));
    writeFileSync(join(dir, 'runs', 'c.TCX'), runToTcx(runOn(3)));
    // a.fit's run again, as a gzipped GPX: merged into a.fit's activity.
    writeFileSync(join(dir, 'runs', 'z-same-as-a.gpx.gz'), gzipSync(runToGpx(runOn(5))));
    writeFileSync(join(dir, 'runs', 'notes.txt'), 'not an activity, and not sent');
    writeFileSync(join(dir, 'runs', 'broken.fit'), runToFit(runOn(2)).subarray(0, 300));
    const zip = zipSync({
      'export/activities/d.fit': runToFit(runOn(6)),
      'export/activities/e.gpx': new TextEncoder().encode(runToGpx(runOn(7))),
      'export/profile.json': new TextEncoder().encode('{}'),
    });
    writeFileSync(join(dir, 'export.zip'), zip);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a directory: imported, duplicates on a second run, a failed file makes the exit code 1', async () => {
    const args = [
      'import',
      join(dir, 'runs'),
      '--server',
      server.url,
      '--email',
      email,
      '--password',
      password,
    ];
    const first = await run([...args, '--json']);
    expect(first.code).toBe(1); // broken.fit
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ files: 5, imported: 3, merged: 1, duplicates: 0, failed: 1 });
    expect(report.results.find((r: { file: string }) => r.file === 'z-same-as-a.gpx.gz').status).toBe(
      'merged',
    );
    const broken = report.results.find((r: { file: string }) => r.file === 'broken.fit');
    expect(broken.error).toMatch(/^file: FIT file is truncated/);
    const again = await run(args);
    expect(again.stdout).toContain(
      '5 files: 0 imported (0 activities), 0 merged into an activity, 4 already there, 1 failed',
    );
    expect(again.stdout).toContain('failed  broken.fit: file: FIT file is truncated');
  }, 60_000);

  it('uploads the activity files of a .zip with a token, and draws a progress bar on a terminal', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['import', join(dir, 'export.zip'), '--server', server.url, '--token', accessToken],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s), isTTY: true },
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      '2 files: 2 imported (2 activities), 0 merged into an activity, 0 already there, 0 failed',
    );
    expect(stderr).toContain('[########################] 2/2  done');
    expect(stderr).toContain('export.zip:export/activities/d.fit');
    const list = await fetch(`${server.url}/api/v1/activities`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { activities } = (await list.json()) as { activities: { source: string }[] };
    expect(activities.map((a) => a.source).sort()).toEqual(['fit', 'fit', 'gpx', 'gpx', 'tcx']);
  }, 60_000);

  it('refuses to run without credentials, and reports a refused token', async () => {
    const none = await run(['import', dir, '--server', server.url]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs --token');
    const bad = await run(['import', join(dir, 'runs'), '--server', server.url, '--token', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error: not signed in/);
  });
});
