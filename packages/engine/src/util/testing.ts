import { EngineError } from './errors.ts';

/** Test helper: the `field` of the EngineError `fn` throws, undefined if it throws none. */
export function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e.field;
    throw e;
  }
  return undefined;
}
