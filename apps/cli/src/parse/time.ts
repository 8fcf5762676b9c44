import { badOption } from '../errors.ts';
import { METERS_PER_MILE, type Units } from '../format/units.ts';

const CLOCK = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/;

/** `mm:ss` or `h:mm:ss` (minutes may exceed 59 without hours, e.g. `90:00`), in seconds. */
export function parseDuration(text: string, option: string): number {
  const m = CLOCK.exec(text.trim());
  if (!m) throw badOption(option, `expected a time as mm:ss or h:mm:ss, got "${text}"`);
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds >= 60 || (m[1] !== undefined && minutes >= 60)) {
    throw badOption(option, `minutes and seconds must be below 60, got "${text}"`);
  }
  const total = hours * 3600 + minutes * 60 + seconds;
  if (!(total > 0)) throw badOption(option, `must be longer than zero, got "${text}"`);
  return total;
}

/**
 * A pace as `m:ss`, per the output unit unless suffixed (`4:15/km`, `6:50/mi`); returns seconds per km,
 * the engine's unit.
 */
export function parsePace(text: string, option: string, units: Units): number {
  const m = /^(.*?)\s*(?:\/\s*(km|mi))?$/i.exec(text.trim());
  const unit = (m?.[2]?.toLowerCase() as Units | undefined) ?? units;
  const perUnit = parseDuration(m?.[1] ?? '', option);
  return unit === 'mi' ? (perUnit * 1000) / METERS_PER_MILE : perUnit;
}
