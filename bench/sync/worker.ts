import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

/** `npm run start:worker` as its own process (the pipelines on the shared PostgreSQL), until `stop()`. */
export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 60_000) {
  const root = resolve(import.meta.dirname, '../..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(root, 'apps/server/src/queue/worker.ts')],
    {
      cwd: resolve(root, 'apps/server'),
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = once(child, 'exit');
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('"worker ready"')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the worker did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
