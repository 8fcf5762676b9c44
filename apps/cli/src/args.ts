import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';
import type { Units } from './format/units.ts';
import { parseChoice } from './parse/values.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  units: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export const COMMON_HELP = `  --units km|mi      units for distances and paces in the output (default km)
  --json             print machine-readable JSON (metres, seconds, seconds per km)
  -h, --help         show this help`;

/** node:util parseArgs in strict mode, its errors rewritten as one line naming the option. */
export function parseCommandArgs(argv: string[], options: OptionSpec, allowPositionals = false): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
}

function describeParseError(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  // Node quotes the offending token; its messages go on to suggest workarounds we do not need.
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? `${option}: takes no value`
        : `${option}: needs a value`;
    default:
      return message;
  }
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

export function unitsOption(parsed: ParsedArgs): Units {
  const v = stringOption(parsed, 'units');
  return v === undefined ? 'km' : parseChoice(v, '--units', ['km', 'mi'] as const);
}

/** Reads an option through a parser, or undefined when absent. */
export function optional<T>(
  parsed: ParsedArgs,
  name: string,
  parse: (text: string, option: string) => T,
): T | undefined {
  const v = stringOption(parsed, name);
  return v === undefined ? undefined : parse(v, `--${name}`);
}

export function required<T>(parsed: ParsedArgs, name: string, parse: (text: string, option: string) => T): T {
  const v = optional(parsed, name, parse);
  if (v === undefined) throw new UsageError(`--${name}: is required`);
  return v;
}
