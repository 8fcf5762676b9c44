/**
 * The CLI is an edge: it may read the system clock, the engine may not. "Today" is the runner's local
 * calendar day, so local fields rather than UTC.
 */
export function localToday(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
