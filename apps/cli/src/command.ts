import type { OptionSpec, ParsedArgs } from './args.ts';

export interface Writer {
  write(s: string): unknown;
  /** Set on a terminal (process.stderr): progress bars are drawn only there. */
  isTTY?: boolean;
}

export interface Io {
  stdout: Writer;
  stderr: Writer;
  /** The runner's local day; tests pin it, the real CLI reads the system clock. */
  today?: () => string;
}

/** What a command gets: parsed flags aside, a way to print and the day it is. */
export interface Context {
  out(lines: string | readonly string[]): void;
  json(value: unknown): void;
  today(): string;
  /** Progress on stderr, redrawn in place; a no-op unless stderr is a terminal. */
  progress(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  options: OptionSpec;
  positionals?: boolean;
  /** Engine error fields mapped to the flag that fed them, so errors name the flag (e.g. maxHr -> --max-hr). */
  engineFields?: Record<string, string>;
  run(args: ParsedArgs, ctx: Context): Promise<number> | number;
}
