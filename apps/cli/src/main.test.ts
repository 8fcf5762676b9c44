import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index.ts';
import { run } from './test-helpers.ts';

describe('main', () => {
  it('lists the commands on --help and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
    }
  });

  it('prints usage to stderr and exits 2 without a command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: runningcoach <command>');
  });

  it('prints every command help, anywhere on the line', async () => {
    for (const c of COMMANDS) {
      const r = await run([c.name, '--bogus', '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`runningcoach ${c.name}`);
      expect(r.stdout).toContain('--units');
      expect((await run(['help', c.name])).stdout).toBe(r.stdout);
    }
  });

  it('rejects an unknown command or option with exit 2', async () => {
    const cmd = await run(['train']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toBe(
      'error: unknown command "train"\nRun \'runningcoach --help\' for the list of commands.\n',
    );
    const opt = await run(['--verbose']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('error: unknown option --verbose');
  });

  it('reports a flag given a value it does not take', async () => {
    const r = await run(['predict', '--vdot', '50', '--json=yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --json: takes no value');
  });
});
