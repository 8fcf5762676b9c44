import { EngineError } from '@runningcoach/engine';
import { parseCommandArgs } from './args.ts';
import { localToday } from './clock.ts';
import type { Command, Context, Io } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { CliError, UsageError } from './errors.ts';

export type { Io } from './command.ts';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'RunningCoach: an open, offline-first adaptive running coach.',
    '',
    'Usage: runningcoach <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'runningcoach <command> --help' for a command's options.",
  ].join('\n');
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const before = end < 0 ? argv : argv.slice(0, end);
  return before.includes('--help') || before.includes('-h');
}

/**
 * The CLI entry point. Never exits the process: returns 0 on success, 1 on a runtime failure, 2 on bad
 * usage, so tests can run it in-process and capture its output.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const err = (line: string): void => void io.stderr.write(line + '\n');

  if (name === undefined) {
    err(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = COMMANDS.find((c) => c.name === topic);
    io.stdout.write((command ? command.help : usage()) + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err(name.startsWith('-') ? `error: unknown option ${name}` : `error: unknown command "${name}"`);
    err("Run 'runningcoach --help' for the list of commands.");
    return 2;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(command.help + '\n');
    return 0;
  }

  const ctx: Context = {
    out: (lines) => void io.stdout.write((typeof lines === 'string' ? lines : lines.join('\n')) + '\n'),
    json: (value) => void io.stdout.write(JSON.stringify(value, null, 2) + '\n'),
    today: io.today ?? (() => localToday()),
    progress: (line) => void (io.stderr.isTTY && io.stderr.write(`\r\x1b[2K${line}`)),
  };
  try {
    const args = parseCommandArgs(rest, command.options, command.positionals);
    return await command.run(args, ctx);
  } catch (error) {
    return report(error, command, err);
  }
}

function report(error: unknown, command: Command, err: (line: string) => void): number {
  if (error instanceof CliError) {
    for (const line of error.lines) err(`error: ${line}`);
    if (error instanceof UsageError) err(`Run 'runningcoach ${command.name} --help' for usage.`);
    return error.exitCode;
  }
  // The engine rejects bad input with the field at fault: that is bad usage, named by its flag.
  if (error instanceof EngineError) {
    const option = command.engineFields?.[error.field];
    err(`error: ${option ?? error.field}: ${error.message}`);
    err(`Run 'runningcoach ${command.name} --help' for usage.`);
    return 2;
  }
  err(`error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
