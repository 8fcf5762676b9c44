/**
 * Errors the CLI reports itself. `exitCode` follows the CLI contract: 2 for bad usage or bad input
 * (the caller can fix the command), 1 for runtime failures (a missing file, an unexpected throw).
 */
export class CliError extends Error {
  readonly exitCode: 1 | 2;
  /** One line each, printed as `error: <line>`; more than one when a schema finds several issues. */
  readonly lines: string[];

  constructor(lines: string | string[], exitCode: 1 | 2) {
    const list = Array.isArray(lines) ? lines : [lines];
    super(list.join('; '));
    this.name = 'CliError';
    this.lines = list;
    this.exitCode = exitCode;
  }
}

/** Bad usage: prints the usage hint after the error. */
export class UsageError extends CliError {
  constructor(lines: string | string[]) {
    super(lines, 2);
    this.name = 'UsageError';
  }
}

/** A bad value for a named option, e.g. `--distance: expected ..., got "x"`. */
export function badOption(option: string, detail: string): UsageError {
  return new UsageError(`${option}: ${detail}`);
}
