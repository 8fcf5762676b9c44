import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with a pinned "today", capturing both streams. */
export async function run(argv: string[], today = '2026-03-02'): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    today: () => today,
  });
  return { code, stdout, stderr };
}

export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}
