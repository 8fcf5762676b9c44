export type Slot = 'long' | 'quality' | 'easy' | 'recovery';

/** Circular distance between weekdays (0 = Mon ... 6 = Sun): the weekly pattern repeats, Sunday touches Monday. */
function gap(a: number, b: number): number {
  const d = Math.abs(a - b) % 7;
  return Math.min(d, 7 - d);
}

function minGap(days: readonly number[]): number {
  let g = 7;
  for (let i = 0; i < days.length; i++)
    for (let j = i + 1; j < days.length; j++) g = Math.min(g, gap(days[i]!, days[j]!));
  return g;
}

/**
 * Which run day gets which kind of session. Hard days (long run and quality) never touch each other,
 * also across the week boundary (the hard/easy principle: Bowerman; Daniels). Among the day sets that fit,
 * the one with the widest spacing wins (ties: earliest days); when fewer fit than asked, fewer are placed.
 * Weeks with fewer quality days use a subset of the two-quality pattern, so no week's hard day touches
 * the next week's.
 */
export function layoutWeek(runDays: readonly number[], longDay: number, quality: number): Map<number, Slot> {
  const slots = new Map<number, Slot>();
  for (const d of runDays) slots.set(d, 'easy');
  slots.set(longDay, 'long');
  const pattern = qualityPattern(runDays, longDay, Math.max(quality, 2));
  for (const d of pattern.slice(0, quality)) slots.set(d, 'quality');
  const after = (longDay + 1) % 7;
  if (slots.get(after) === 'easy') slots.set(after, 'recovery');
  return slots;
}

/** Quality days, most important first (furthest from the long run, then earliest). */
function qualityPattern(runDays: readonly number[], longDay: number, quality: number): number[] {
  const candidates = runDays.filter((d) => d !== longDay);
  for (let q = Math.min(quality, candidates.length); q > 0; q--) {
    let best: number[] | undefined;
    let bestGap = 1;
    // At most 6 candidates: 64 subsets.
    for (let mask = 1; mask < 1 << candidates.length; mask++) {
      const chosen = candidates.filter((_, i) => mask & (1 << i));
      if (chosen.length !== q) continue;
      const g = minGap([longDay, ...chosen]);
      if (g > bestGap) {
        best = chosen;
        bestGap = g;
      }
    }
    if (best) return best.sort((a, b) => gap(b, longDay) - gap(a, longDay) || a - b);
  }
  return [];
}
