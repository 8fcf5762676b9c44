/** The runner's calendar day (YYYY-MM-DD) in this browser's zone: the edge where "today" enters the engine. */
export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): { y: number; m: number; d: number; wd: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d, wd: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** "Mon 3 Mar" */
export function formatDay(date: string): string {
  const p = parts(date);
  return `${WEEKDAY[p.wd]} ${p.d} ${MONTH[p.m - 1]}`;
}

/** "3 Mar 2026" */
export function formatLongDay(date: string): string {
  const p = parts(date);
  return `${p.d} ${MONTH[p.m - 1]} ${p.y}`;
}

export function weekdayShort(date: string): string {
  return WEEKDAY[parts(date).wd]!;
}

/** "just now", "2 minutes ago", "3 hours ago", "5 days ago". */
export function timeAgo(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
  const d = Math.round(h / 24);
  return `${d} day${d === 1 ? '' : 's'} ago`;
}
