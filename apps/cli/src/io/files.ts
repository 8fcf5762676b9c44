import { readFileSync } from 'node:fs';
import { CliError } from '../errors.ts';

/** Reads a text file; a missing or unreadable file is a runtime failure (exit 1), not bad usage. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (err as Error).message;
    throw new CliError(`cannot read ${path}: ${why}`, 1);
  }
}

/** Reads and parses a JSON file; malformed JSON is bad input (exit 2). */
export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${path}: not valid JSON (${(err as Error).message})`, 2);
  }
}

export function isJsonPath(path: string): boolean {
  return path.toLowerCase().endsWith('.json');
}
