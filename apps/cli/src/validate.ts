import { UsageError } from './errors.ts';

/** The slice of a zod schema the CLI uses, so the CLI needs no zod dependency of its own. */
export interface Schema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> } };
}

export interface Issue {
  /** `goal.raceDate`, `availability.runDays[2]`; empty for the value itself. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The parsed value, or the schema's issues with readable paths. */
export function check<T>(
  schema: Schema<T>,
  value: unknown,
): { data: T; issues?: never } | { issues: Issue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data };
  return { issues: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

export interface ValidateOptions {
  /** Prepended to each issue path, e.g. `goal`. */
  prefix?: string;
  /** The flag a path came from, for objects built from flags: printed as `profile.sex (--sex)`. */
  optionFor?: (path: string) => string | undefined;
}

/** Parses with a contracts schema; every issue becomes an `error: <field.path>: <message>` line (exit 2). */
export function validate<T>(schema: Schema<T>, value: unknown, options: ValidateOptions = {}): T {
  const result = check(schema, value);
  if (!result.issues) return result.data;
  throw new UsageError(
    result.issues.map(({ path: inner, message }) => {
      const path = joinPath(options.prefix ?? '', inner);
      const option = options.optionFor?.(path);
      const label = path === '' ? '(input)' : path;
      return `${option ? `${label} (${option})` : label}: ${message}`;
    }),
  );
}

export function joinPath(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return b.startsWith('[') ? a + b : `${a}.${b}`;
}
