/** A seeded PRNG, so the demo history is the same on every machine and every run. */
export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform on [min, max). */
  between(min: number, max: number): number;
  /** Normal with this mean and standard deviation. */
  normal(mean: number, sd: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

// mulberry32 (Tommy Ettinger, public domain): 32-bit state, good enough for plausible-looking noise.
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    // Box–Muller transform; 1 - next() keeps the logarithm away from 0.
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
