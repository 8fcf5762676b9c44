import { badOption } from '../errors.ts';
import { METERS_PER_MILE } from '../format/units.ts';

// Standard race distances; a half is exactly half the marathon's 42,195 m.
const NAMED: Record<string, number> = {
  '5k': 5000,
  '10k': 10_000,
  half: 21_097.5,
  'half-marathon': 21_097.5,
  marathon: 42_195,
  mile: METERS_PER_MILE,
};

const WITH_UNIT = /^(\d+(?:\.\d+)?)\s*(k|km|mi|m)?$/i;

/** `5k`, `10k`, `half`, `marathon`, `mile`, plain metres (`1500`), or a number with km/mi/m (`21.1km`, `13.1mi`). */
export function parseDistance(text: string, option: string): number {
  const key = text.trim().toLowerCase();
  const named = NAMED[key];
  if (named !== undefined) return named;
  const m = WITH_UNIT.exec(key);
  const value = m ? Number(m[1]) : NaN;
  if (!m || !(value > 0)) {
    throw badOption(
      option,
      `expected 5k, 10k, half, marathon, mile, metres or a number with km/mi (e.g. 21.1km), got "${text}"`,
    );
  }
  const unit = m[2]?.toLowerCase();
  if (unit === 'k' || unit === 'km') return value * 1000;
  if (unit === 'mi') return value * METERS_PER_MILE;
  return value;
}
