/** Calendar days (`YYYY-MM-DD`) as a runner sees them, from IANA time zones via Intl. */

// Building an Intl.DateTimeFormat costs far more than using one; a scan touches every zone every tick.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The runner's local calendar day at `ms`. Throws RangeError for a zone the runtime does not know. */
export function localDate(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day now in `timeZone` (unset or unknown to the runtime: UTC). */
export function todayIn(timeZone: string | undefined, now = Date.now()): string {
  try {
    return localDate(now, timeZone || 'UTC');
  } catch {
    return localDate(now, 'UTC');
  }
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Runner weeks run Monday to Sunday (ISO 8601). */
export function isSunday(isoDate: string): boolean {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay() === 0;
}
