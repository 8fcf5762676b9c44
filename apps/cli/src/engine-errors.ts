import { EngineError } from '@runningcoach/engine';
import { UsageError } from './errors.ts';

/**
 * Runs an engine call; an EngineError (bad input, by the engine's contract) becomes a usage error that
 * names the field, and the flag it came from when the input was built from flags.
 */
export function labelEngineErrors<T>(call: () => T, optionFor?: (field: string) => string | undefined): T {
  try {
    return call();
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    const option = optionFor?.(err.field);
    throw new UsageError(`${err.field}${option ? ` (${option})` : ''}: ${err.message}`);
  }
}
