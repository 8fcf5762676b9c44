export interface BackoffOptions {
  /** First retry delay (ms). */
  baseMs?: number;
  /** Longest delay (ms). */
  capMs?: number;
}

/**
 * Exponential backoff with "equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015):
 * half of min(cap, base·2^attempt) fixed, the other half random, so retries of many devices spread out but
 * none retries sooner than half the step. `attempt` counts from 0; `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 1000;
  const cap = opts.capMs ?? 5 * 60_000;
  const step = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}
