import { IsoDateSchema, WEEKDAYS, type Weekday } from '@runningcoach/contracts';
import { badOption } from '../errors.ts';

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A number option, checked here so the error names the flag rather than an engine field. */
export function parseNumber(text: string, option: string, rule: NumberRule = {}): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw badOption(option, `expected a number, got "${text}"`);
  if (rule.integer && !Number.isInteger(value))
    throw badOption(option, `expected a whole number, got "${text}"`);
  const { min = -Infinity, max = Infinity } = rule;
  if (value < min || value > max) {
    const range =
      max === Infinity
        ? `at least ${min}`
        : min === -Infinity
          ? `at most ${max}`
          : `between ${min} and ${max}`;
    throw badOption(option, `must be ${range}, got ${text}`);
  }
  return value;
}

/** A calendar day as YYYY-MM-DD, by the same rule the contracts use. */
export function parseDate(text: string, option: string): string {
  const result = IsoDateSchema.safeParse(text);
  if (!result.success) {
    throw badOption(option, `${result.error.issues[0]?.message ?? 'invalid date'}, got "${text}"`);
  }
  return result.data;
}

export function parseChoice<T extends string>(text: string, option: string, choices: readonly T[]): T {
  const key = text.trim().toLowerCase();
  const found = choices.find((c) => c.toLowerCase() === key);
  if (found === undefined) throw badOption(option, `expected one of ${choices.join(', ')}, got "${text}"`);
  return found;
}

const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function parseWeekday(text: string, option: string): Weekday {
  // Accept "Monday" or "MON" as well as "mon".
  const key = text.trim().toLowerCase();
  const index = FULL_NAMES.indexOf(key);
  return index >= 0 ? WEEKDAYS[index]! : parseChoice(key, option, WEEKDAYS);
}

/** `mon,wed,fri,sun`. */
export function parseWeekdays(text: string, option: string): Weekday[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => p === ''))
    throw badOption(option, `expected days like mon,wed,fri,sun, got "${text}"`);
  return parts.map((p) => parseWeekday(p, option));
}
