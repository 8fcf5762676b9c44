import {
  AvailabilitySchema,
  FitnessSchema,
  GoalSchema,
  IsoDateSchema,
  OnboardingSchema,
  ProfileSchema,
  SexSchema,
  type Fitness,
  type Profile,
  type Weekday,
} from '@runningcoach/contracts';
import type { GeneratePlanInput } from '@runningcoach/engine';
import { optional, stringOption, type ParsedArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { readJson } from '../io/files.ts';
import { parseDistance } from '../parse/distance.ts';
import { parseDuration } from '../parse/time.ts';
import { parseChoice, parseDate, parseNumber, parseWeekday, parseWeekdays } from '../parse/values.ts';
import { validate } from '../validate.ts';

/** Where each field of a flag-built plan input came from, so errors name the flag. */
export const PLAN_FIELD_OPTIONS: Record<string, string> = {
  startDate: '--start',
  'profile.birthDate': '--birth-date',
  'profile.sex': '--sex',
  'profile.weightKg': '--weight-kg',
  'profile.heightCm': '--height-cm',
  'profile.restingHr': '--resting-hr',
  'profile.maxHr': '--max-hr',
  'profile.lthr': '--lthr',
  'goal.raceDate': '--race-date',
  'goal.distanceMeters': '--distance',
  'goal.targetTimeSec': '--target',
  'goal.elevationGainMeters': '--elevation-gain',
  'fitness.recentRace': '--race-time',
  'fitness.recentRace.distanceMeters': '--race-distance',
  'fitness.recentRace.timeSec': '--race-time',
  'fitness.recentRace.date': '--race-date-recent',
  'fitness.weeklyDistanceMeters': '--weekly-km',
  'fitness.longestRecentRunMeters': '--longest-km',
  'availability.runDays': '--run-days',
  'availability.longRunDay': '--long-run-day',
};

/** `availability.runDays[2]` is still --run-days. */
export function optionForPath(path: string): string | undefined {
  return PLAN_FIELD_OPTIONS[path] ?? PLAN_FIELD_OPTIONS[path.replace(/\[\d+\]$/, '')];
}

/** Flags that build the plan input; they make no sense next to --input. */
export const BUILD_FLAGS = Object.values(PLAN_FIELD_OPTIONS)
  .filter((o) => o !== '--start')
  .map((o) => o.slice(2));

const DEFAULT_RUN_DAYS: Weekday[] = ['tue', 'thu', 'sat', 'sun'];

// The planner reads only birth date, sex and heart rates; weight and height are optional here.
const PlanProfileSchema = ProfileSchema.partial({ weightKg: true, heightCm: true });

const int = (min: number, max: number) => (t: string, o: string) =>
  parseNumber(t, o, { min, max, integer: true });
const km = (t: string, o: string): number => parseNumber(t, o, { min: 0, max: 400 }) * 1000;

/** The plan input from flags, each object checked by its contracts schema. */
export function planInputFromFlags(args: ParsedArgs, today: string): GeneratePlanInput {
  const startDate = optional(args, 'start', parseDate) ?? today;
  const raceDate = optional(args, 'race-date', parseDate);
  if (raceDate === undefined) throw new UsageError('--race-date: is required (or --input onboarding.json)');
  const distance = optional(args, 'distance', parseDistance);
  if (distance === undefined) throw new UsageError('--distance: is required, e.g. --distance marathon');
  checkRaceAfterStart(raceDate, startDate, '--race-date', '--start');
  if (stringOption(args, 'birth-date') === undefined) {
    throw new UsageError(
      '--birth-date: is required (age sets the recovery rhythm and estimates heart-rate zones)',
    );
  }
  if (stringOption(args, 'sex') === undefined) throw new UsageError('--sex: is required (male or female)');

  const profile = {
    birthDate: optional(args, 'birth-date', parseDate),
    sex: optional(args, 'sex', (t, o) => parseChoice(t, o, SexSchema.options)),
    weightKg: optional(args, 'weight-kg', (t, o) => parseNumber(t, o)),
    heightCm: optional(args, 'height-cm', (t, o) => parseNumber(t, o)),
    restingHr: optional(args, 'resting-hr', int(25, 120)),
    maxHr: optional(args, 'max-hr', int(120, 230)),
    lthr: optional(args, 'lthr', int(90, 220)),
  };
  const goal = {
    raceDate,
    distanceMeters: distance,
    targetTimeSec: optional(args, 'target', parseDuration),
    elevationGainMeters: optional(args, 'elevation-gain', (t, o) =>
      parseNumber(t, o, { min: 0, max: 20_000 }),
    ),
  };
  const raceTime = optional(args, 'race-time', parseDuration);
  const raceDistance = optional(args, 'race-distance', parseDistance);
  if ((raceTime === undefined) !== (raceDistance === undefined)) {
    throw new UsageError(
      raceTime === undefined
        ? '--race-time: is required with --race-distance'
        : '--race-distance: is required with --race-time',
    );
  }
  const recentDate = optional(args, 'race-date-recent', parseDate);
  if (recentDate !== undefined && raceTime === undefined) {
    throw new UsageError('--race-date-recent: needs --race-distance and --race-time');
  }
  const fitness: Fitness = {
    // A recent race without a date is taken as run just before the plan starts.
    recentRace:
      raceTime !== undefined && raceDistance !== undefined
        ? { distanceMeters: raceDistance, timeSec: raceTime, date: recentDate ?? startDate }
        : undefined,
    weeklyDistanceMeters: optional(args, 'weekly-km', km),
    longestRecentRunMeters: optional(args, 'longest-km', km),
  };
  const runDays = optional(args, 'run-days', parseWeekdays) ?? DEFAULT_RUN_DAYS;
  const longRunDay =
    optional(args, 'long-run-day', parseWeekday) ??
    (runDays.includes('sun') ? 'sun' : runDays[runDays.length - 1]);

  const check = { optionFor: optionForPath };
  return {
    // Weight and height are not planning inputs (see PlanProfileSchema), so the partial profile is enough.
    profile: validate(PlanProfileSchema, profile, { ...check, prefix: 'profile' }) as Profile,
    goal: validate(GoalSchema, dropUndefined(goal), { ...check, prefix: 'goal' }),
    fitness: validate(FitnessSchema, dropUndefined(fitness), { ...check, prefix: 'fitness' }),
    availability: validate(AvailabilitySchema, { runDays, longRunDay }, { ...check, prefix: 'availability' }),
    startDate,
  };
}

const PlanFileSchema = OnboardingSchema.extend({ startDate: IsoDateSchema.optional() });

/** The plan input from an onboarding JSON file (plus an optional startDate; --start overrides it). */
export function planInputFromFile(path: string, args: ParsedArgs, today: string): GeneratePlanInput {
  const used = BUILD_FLAGS.find((f) => stringOption(args, f) !== undefined);
  if (used) throw new UsageError(`--${used}: cannot be combined with --input (put it in the file instead)`);
  const body = validate(PlanFileSchema, readJson(path));
  const startDate = optional(args, 'start', parseDate) ?? body.startDate ?? today;
  checkRaceAfterStart(body.goal.raceDate, startDate, 'goal.raceDate', 'startDate');
  const { startDate: _ignored, ...onboarding } = body;
  return { ...onboarding, startDate };
}

function checkRaceAfterStart(
  raceDate: string,
  startDate: string,
  raceLabel: string,
  startLabel: string,
): void {
  if (raceDate <= startDate) {
    throw new UsageError(
      `${raceLabel}: the race (${raceDate}) must be after the plan start ${startDate} (${startLabel})`,
    );
  }
}

/** zod treats an explicit `undefined` like a missing key, but keeping objects minimal keeps --json clean. */
function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
