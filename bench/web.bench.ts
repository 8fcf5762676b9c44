// `npm run bench:web` (issue 5, acceptance 3): the built web app in headless Chromium with 10,000 local records
// (three years of activities and check-ins in IndexedDB): cold start from cache to interactive (< 1.5 s), Today
// and Analytics render (< 300 ms), initial JS gzipped (< 250 KB). Prints the figures; exits 1 on a miss.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  api,
  DIST,
  ensureBuilt,
  launchChromium,
  login,
  newContext,
  startWebServer,
} from '../apps/web/test/harness.ts';
import { onboard, PASSWORD, signUp, uniqueEmail, waitSynced } from '../apps/web/test/journeys.ts';
import { call, COUNT_IDB, NAV_RENDER_MS, SEED_IDB } from './web/in-page.ts';
import { historyRecords } from './web/seed.ts';

const RECORDS = 10_000;
const RUNS = 5;
const ANALYTICS_CHARTS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function initialJsGzipBytes(): { js: number; css: number; files: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const f of files) {
    const size = gzipSync(readFileSync(join(DIST, f))).length;
    if (f.endsWith('.js')) js += size;
    else css += size;
  }
  return { js, css, files };
}

ensureBuilt();
const web = await startWebServer('pglite');
const browser = await launchChromium();
try {
  const context = await newContext(browser);
  const page = await context.newPage();
  const email = uniqueEmail();
  await signUp(page, web.url, email);
  await onboard(page);
  await waitSynced(page);
  await page.waitForFunction('navigator.serviceWorker?.controller != null', null, { timeout: 30_000 });
  const token = await login(web.url, email, PASSWORD);
  const me = await api<{ id: string }>(web.url, '/me', token);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const { metrics, activities } = historyRecords(today, RECORDS);
  // Written with the IndexedDB API into the app's own database, as synced rows.
  const dbName = `runningcoach-${me.id}`;
  await page.evaluate(call(SEED_IDB, { name: dbName, rows: { daily_metrics: metrics, activities } }));
  await page.close();

  // Cold start: a fresh page (new JS heap) with the network off: shell from the service worker, data from IndexedDB.
  await context.setOffline(true);
  const cold: number[] = [];
  const dbRead: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await context.newPage();
    await p.goto(web.url + '/');
    await p
      .getByTestId('workout')
      .or(p.getByText('Nothing planned today'))
      .first()
      .waitFor({ timeout: 30_000 });
    cold.push(await p.evaluate(() => performance.now()));
    dbRead.push(
      (await p.evaluate("performance.getEntriesByName('rc:db-read')[0]?.duration ?? NaN")) as number,
    );
    if (i < RUNS - 1) await p.close();
  }
  const p = context.pages()[0]!;
  const count = (await p.evaluate(
    call(COUNT_IDB, { name: dbName, stores: ['daily_metrics', 'activities'] }),
  )) as number;

  // In-app navigation: click the nav link, stop when the screen's content is drawn (next animation frame).
  const renderMs = async (link: string, selector: string, count = 1) =>
    (await p.evaluate(call(NAV_RENDER_MS, { link, selector, count }))) as number;
  const todayMs: number[] = [];
  const analyticsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    analyticsMs.push(
      await renderMs('Analytics', '[data-testid="analytics"] .recharts-wrapper > svg', ANALYTICS_CHARTS),
    );
    todayMs.push(await renderMs('Today', '[data-testid="coach-note"]'));
  }
  const size = initialJsGzipBytes();

  const coldMs = median(cold);
  const todayMed = median(todayMs);
  const analyticsMed = median(analyticsMs);
  const rows = [
    ['cold start (offline, cache → interactive)', `${coldMs.toFixed(0)} ms`, '< 1500 ms', coldMs < 1500],
    ['Today render', `${todayMed.toFixed(0)} ms`, '< 300 ms', todayMed < 300],
    [
      'Analytics render (all 5 charts drawn)',
      `${analyticsMed.toFixed(0)} ms`,
      '< 300 ms',
      analyticsMed < 300,
    ],
    ['initial JS (gzip)', `${(size.js / 1024).toFixed(1)} KB`, '< 250 KB', size.js < 250 * 1024],
  ] as const;
  console.log(
    `bench:web — headless Chromium, ${count} local records (${metrics.length} check-ins, ${activities.length} activities, 3 years); median of ${RUNS}`,
  );
  for (const [what, value, target, ok] of rows)
    console.log(`  ${what.padEnd(44)} ${value.padStart(9)}  ${target.padEnd(10)} ${ok ? 'ok' : 'MISSED'}`);
  console.log(
    `  (initial CSS ${(size.css / 1024).toFixed(1)} KB gzip; Recharts is in the lazily loaded Analytics/Activity chunks)`,
  );
  console.log(`  of which reading IndexedDB (median): ${median(dbRead).toFixed(0)} ms`);
  // The median of five hides the first visit: right after the cold start, with the chart code run for the first time.
  console.log(`  Analytics first visit: ${analyticsMs[0]!.toFixed(0)} ms`);
  console.log(
    `  runs: cold ${cold.map((x) => x.toFixed(0)).join(', ')} · today ${todayMs.map((x) => x.toFixed(0)).join(', ')} · analytics ${analyticsMs.map((x) => x.toFixed(0)).join(', ')}`,
  );
  // Timings are wall clock in a shared browser: a busy machine inflates them.
  console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end`);
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
} finally {
  await browser.close();
  await web.close();
}
