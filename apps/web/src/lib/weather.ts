import type { Units } from './units.ts';

/** A place on Earth (WGS 84 degrees), as `settings.location` keeps it. */
export interface Place {
  lat: number;
  lon: number;
}

/** `GET /dashboard/today`'s `weather`: the pre-run weather note of today's run at the runner's place. */
export interface WeatherNote {
  workoutId: string;
  feelsLikeC: number;
  message: string;
  fluids: { mlPerHour: { min: number; max: number }; sodiumMgPerHour?: { min: number; max: number } };
  /** The server's last forecast of the place (OpenWeather down). */
  stale: boolean;
}

/** ~1 km: the server caches forecasts per 0.01°, and a runner's exact position is none of its business. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A typed latitude or longitude: a number in range (a comma as the decimal point is taken), rounded to 0.01°,
 * or the reason it is not one.
 */
export function parseCoordinate(
  text: string,
  kind: 'lat' | 'lon',
): { value: number; error?: undefined } | { value?: undefined; error: string } {
  const name = kind === 'lat' ? 'Latitude' : 'Longitude';
  const limit = kind === 'lat' ? 90 : 180;
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return { error: `${name} is required.` };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: `${name} must be a number of degrees, like 38.72.` };
  if (Math.abs(n) > limit) return { error: `${name} must be between -${limit} and ${limit}.` };
  return { value: roundCoordinate(n) };
}

/** "38.72° N, 9.14° W". */
export function formatPlace(p: Place): string {
  const ns = p.lat >= 0 ? 'N' : 'S';
  const ew = p.lon >= 0 ? 'E' : 'W';
  return `${Math.abs(p.lat).toFixed(2)}° ${ns}, ${Math.abs(p.lon).toFixed(2)}° ${ew}`;
}

/** A temperature in the runner's units: °F with miles, °C with kilometres. */
export function temperature(celsius: number, units: Units): string {
  return units === 'mi' ? `${Math.round((celsius * 9) / 5 + 32)} °F` : `${Math.round(celsius)} °C`;
}

const ML_PER_FL_OZ = 29.5735;
const KM_PER_MILE = 1.609344;

/** What to drink per hour (and the sodium in it), in ml with kilometres, US fluid ounces with miles. */
export function fluidsPerHour(fluids: WeatherNote['fluids'], units: Units): string {
  const { min, max } = fluids.mlPerHour;
  const amount = (ml: number) => (units === 'mi' ? Math.round(ml / ML_PER_FL_OZ) : ml);
  const unit = units === 'mi' ? 'fl oz' : 'ml';
  const drink = min === 0 ? `up to ${amount(max)} ${unit}` : `${amount(min)}–${amount(max)} ${unit}`;
  const salt = fluids.sodiumMgPerHour
    ? ` with ${fluids.sodiumMgPerHour.min}–${fluids.sodiumMgPerHour.max} mg sodium`
    : '';
  return `${drink} per hour${salt}`;
}

/**
 * The note's advice without what is shown on its own (feels-like in the runner's units, the fluids): the
 * server's message is "Feels like N °C. <heat advice> Drink … per hour[ with … sodium]. [cold] [air]".
 */
export function weatherAdvice(message: string): string {
  return message
    .replace(/^Feels like -?\d+ °C\.\s*/, '')
    .replace(
      /\s*(Drink \d+-\d+ ml per hour|Drinking is optional[^;.]*; up to \d+ ml per hour if thirsty)[^.]*\./,
      '',
    )
    .trim();
}

/** The server's text in the runner's units: with miles, its Celsius ("34 °C") in °F and its kilometres in miles. */
export function inUnits(text: string, units: Units): string {
  if (units === 'km') return text;
  return text
    .replace(/(-?\d+(?:\.\d+)?) °C/g, (_, c: string) => temperature(Number(c), units))
    .replace(/(\d+(?:\.\d+)?) km\b/g, (_, k: string) => `${(Number(k) / KM_PER_MILE).toFixed(1)} mi`);
}

/** `GET /weather/forecast`'s `suggestions`: a long or hard session to run early, move or soften in the heat. */
export interface HeatSuggestion {
  workoutId: string;
  date: string;
  workoutType: string;
  action: 'run_early' | 'move' | 'soften';
  toDate?: string;
  paceAdjustmentPct: number;
  targetDistanceMeters?: number;
  reason: { code: string; message: string };
}

/** What to do, in a few words: "Run it early", "Swap with Thu 5 Mar's easy run", "Shorten to 8.0 km". */
export function suggestionAction(
  s: HeatSuggestion,
  units: Units,
  day: (date: string) => string,
  distance: (meters: number, units: Units) => string,
): string {
  const action =
    s.action === 'run_early'
      ? 'Run it early'
      : s.action === 'move' && s.toDate
        ? `Swap with ${day(s.toDate)}’s easy run`
        : s.targetDistanceMeters
          ? `Shorten to ${distance(s.targetDistanceMeters, units)}`
          : 'Keep it easy';
  const slower = Math.round(s.paceAdjustmentPct);
  return slower >= 1 ? `${action}, about ${slower}% slower than the planned paces` : action;
}
