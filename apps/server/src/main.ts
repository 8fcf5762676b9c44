import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config/config.ts';

// Human lines go to stderr: stdout carries the JSON logs, which log shippers parse line by line.
const say = (text: string) => void process.stderr.write(text);

try {
  const config = loadConfig();
  // `npm start -- --demo` or DEMO=1: seed the demo runner first (replacing an earlier one), then serve.
  const demo = process.argv.includes('--demo') || ['1', 'true', 'yes'].includes(process.env.DEMO ?? '');
  // Loaded after the config is known good, so a bad variable fails fast without booting Nest.
  const [{ createApp }, { describeResult, describeStorage, progressReporter }] = await Promise.all([
    import('./app.ts'),
    import('./demo/demo.report.ts'),
  ]);
  if (demo) {
    const { seedInProcess } = await import('./demo/demo.run.ts');
    const progress = progressReporter(say, process.stderr.isTTY === true);
    say(`Seeding the demo runner into ${describeStorage(config)}\n`);
    const result = await seedInProcess(config, progress);
    progress.end();
    say(describeResult(result));
  }
  const app = await createApp(config, { shutdownHooks: true });
  await app.listen(config.port, config.host);
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${host}:${config.port}`;
  say(
    `\nRunningCoach API on ${url}  (docs: ${url}/api/docs, health: ${url}/healthz)\n` +
      (existsSync(`${config.webDir}/index.html`) ? `  web app: ${url}\n` : '') +
      `  data: ${describeStorage(config)}\n` +
      `  jobs: ${config.redisUrl ? 'BullMQ on Redis' : 'in-process queue'}  ·  Ctrl-C stops it\n\n`,
  );
} catch (err) {
  // A configuration mistake gets one readable message; anything else keeps its stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
