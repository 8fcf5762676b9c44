import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/runningcoach.mjs', import.meta.url));

it('runs as a real process: stdout and exit code', () => {
  const ok = spawnSync(process.execPath, [BIN, 'predict', '--distance', '5k', '--time', '19:57'], {
    encoding: 'utf8',
  });
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('VDOT 50.0');
  expect(ok.stdout).toMatch(/Marathon\s+3:10:\d\d/);

  const bad = spawnSync(process.execPath, [BIN, 'predict', '--distance', '5k'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toContain('error: --time: is required with --distance');
}, 30_000);
