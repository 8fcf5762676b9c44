const METERS_PER_MILE = 1609.344;

export type Units = 'km' | 'mi';

export function distance(meters: number | null | undefined, units: Units, digits = 1): string {
  if (meters == null) return '—';
  const v = units === 'mi' ? meters / METERS_PER_MILE : meters / 1000;
  return `${v.toFixed(digits)} ${units}`;
}

export function duration(sec: number | null | undefined): string {
  if (sec == null) return '—';
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec % 3600) / 60);
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** "4:05" or "1:02:03". */
export function clock(totalSec: number): string {
  const s = Math.round(totalSec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** Pace from seconds per km, in the runner's units ("5:12 /km"). */
export function pace(secPerKm: number, units: Units): string {
  return `${clock(units === 'mi' ? (secPerKm * METERS_PER_MILE) / 1000 : secPerKm)} /${units}`;
}

export function paceOf(distanceMeters: number | null, durationSec: number | null, units: Units): string {
  if (!distanceMeters || !durationSec) return '—';
  return pace(durationSec / (distanceMeters / 1000), units);
}

/** A typed distance in the runner's units back to metres. */
export function toMeters(value: number, units: Units): number {
  return Math.round(units === 'mi' ? value * METERS_PER_MILE : value * 1000);
}

/** A pace range (seconds per km, `min` the faster end) as "4:50–5:10 /km". */
export function paceRange(r: { min: number; max: number }, units: Units): string {
  return `${pace(r.min, units).split(' ')[0]}–${pace(r.max, units)}`;
}
