/** Output units. The engine works in metres, seconds and seconds per km; only text output converts. */
export type Units = 'km' | 'mi';

export const METERS_PER_MILE = 1609.344;

function metersPerUnit(units: Units): number {
  return units === 'mi' ? METERS_PER_MILE : 1000;
}

/** `h:mm:ss`, or `m:ss` under an hour (race times read as 19:57, not 0:19:57). */
export function formatDuration(seconds: number): string {
  // Round once, up front, so 59.6 s becomes 1:00 rather than 0:60.
  const total = Math.round(seconds);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}

/** A pace value without its unit, e.g. `4:15`. */
export function formatPaceValue(secPerKm: number, units: Units): string {
  return formatDuration((secPerKm * metersPerUnit(units)) / 1000);
}

/** `4:15 /km` or `6:50 /mi`. */
export function formatPace(secPerKm: number, units: Units): string {
  return `${formatPaceValue(secPerKm, units)} /${units}`;
}

/** A pace range, faster end first: `4:54-5:52 /km`. */
export function formatPaceRange(range: { min: number; max: number }, units: Units): string {
  return `${formatPaceValue(range.min, units)}-${formatPaceValue(range.max, units)} /${units}`;
}

/** A distance as a number in the output unit, e.g. 12.3. */
export function distanceValue(meters: number, units: Units): number {
  return meters / metersPerUnit(units);
}

/** `12.3 km` or `7.6 mi`. */
export function formatDistance(meters: number, units: Units, digits = 1): string {
  return `${distanceValue(meters, units).toFixed(digits)} ${units}`;
}
