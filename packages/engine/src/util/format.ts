// Human-readable numbers for descriptions; the runner's unit choice is applied only here, at the edge.
export type DistanceUnit = 'km' | 'mi';

export const METERS_PER_MILE = 1609.344;

/** `m:ss`, or `h:mm:ss` from one hour. */
export function formatClock(totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

export function formatPace(secPerKm: number, unit: DistanceUnit = 'km'): string {
  const perUnit = unit === 'mi' ? (secPerKm * METERS_PER_MILE) / 1000 : secPerKm;
  return `${formatClock(perUnit)}/${unit}`;
}

export function formatPaceRange(range: { min: number; max: number }, unit: DistanceUnit = 'km'): string {
  const fast = formatPace(range.min, unit).split('/')[0];
  return `${fast}–${formatPace(range.max, unit)}`;
}

export function formatDistance(meters: number, unit: DistanceUnit = 'km'): string {
  if (unit === 'km' && meters < 1000) return `${Math.round(meters)} m`;
  const v = unit === 'mi' ? meters / METERS_PER_MILE : meters / 1000;
  return `${v.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

export function formatMinutes(sec: number): string {
  const m = Math.round(sec / 60);
  return m >= 90 ? `${Math.floor(m / 60)} h ${m % 60 ? `${m % 60} min` : ''}`.trim() : `${m} min`;
}
