import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM and wait: the server shuts down gracefully (and writes its CPU profile when asked). */
  stop(): Promise<void>;
  /** What it wrote to stderr, for a failure message. */
  stderr(): string;
}

/** A free loopback port, as the kernel hands them out. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

/**
 * The API as its own process, as production runs it (`node --import tsx src/main.ts`, no npm in between), so
 * the load generator and the server do not share an event loop. Resolves once `/readyz` answers 200.
 */
export async function startServerProcess(
  env: Record<string, string>,
  opts: { cpuProfDir?: string; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const root = resolve(import.meta.dirname, '../..');
  const args = ['--import', 'tsx'];
  if (opts.cpuProfDir) args.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  args.push(resolve(root, 'apps/server/src/main.ts'));
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: resolve(root, 'apps/server'),
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errText = '';
  child.stderr!.on('data', (d: Buffer) => {
    errText = (errText + d.toString()).slice(-20_000);
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${errText}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become ready:\n${errText}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stderr: () => errText,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
