import { ConfigError, loadConfig } from '../config/config.ts';
import { describeResult, describeStorage, progressReporter } from './demo.report.ts';
import { demoCredentials, seedInProcess } from './demo.run.ts';
import { type SeedResult, seedDemo } from './demo.seed.ts';

/**
 * `npm run demo`: the demo runner, seeded into whatever `npm start` would serve. A server already running
 * on PORT (or DEMO_URL) is seeded over HTTP — with PGlite it holds the data dir, so nothing else may open
 * it; otherwise the app boots here, privately on loopback, for the seeding only.
 */
const write = (text: string) => void process.stdout.write(text);

async function liveServer(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1500) });
    return res.ok && ((await res.json()) as { status?: string }).status === 'ok';
  } catch {
    return false;
  }
}

try {
  const config = loadConfig();
  const progress = progressReporter(write, process.stdout.isTTY === true);
  const url = process.env.DEMO_URL?.replace(/\/$/, '') ?? `http://127.0.0.1:${config.port}`;
  let result: SeedResult;
  const live = await liveServer(url);
  if (live) {
    write(`Seeding the demo runner through the server running at ${url}\n`);
    result = await seedDemo({ apiUrl: `${url}/api/v1`, ...demoCredentials(), ...progress });
  } else if (process.env.DEMO_URL) {
    throw new Error(`DEMO_URL=${process.env.DEMO_URL} does not answer /healthz`);
  } else {
    write(`Seeding the demo runner into ${describeStorage(config)}\n`);
    result = await seedInProcess(config, progress);
  }
  progress.end();
  write(describeResult(result));
  write(
    live
      ? `Open ${url}/api/docs and sign in with POST /api/v1/auth/login.\n`
      : 'Start the server with `npm start`, then open http://localhost:3000/api/docs.\n',
  );
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
