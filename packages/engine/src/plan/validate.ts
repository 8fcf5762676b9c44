import type { GeneratePlanInput } from './generate.ts';
import { ageOn, dayNumber, WEEKDAY_BY_INDEX } from '../util/dates.ts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { vdotFromRace } from '../prediction/vdot.ts';

/** The checks the engine needs to stay sane even when called without the zod layer (CLI, watch, tests). */
export function validatePlanInput(input: GeneratePlanInput): { age: number } {
  if (!input || typeof input !== 'object')
    throw new EngineError(
      'MISSING_INPUT',
      'input',
      'generatePlan needs { profile, goal, fitness, availability, startDate }',
    );
  for (const key of ['profile', 'goal', 'fitness', 'availability'] as const) {
    if (!input[key] || typeof input[key] !== 'object')
      throw new EngineError('MISSING_INPUT', key, `${key} is required`);
  }
  const { profile, goal, fitness, availability, startDate } = input;
  if (input.units !== undefined && input.units !== 'km' && input.units !== 'mi')
    throw new EngineError('INVALID_ENUM', 'units', 'units must be km or mi');
  if (input.version !== undefined && !(Number.isInteger(input.version) && input.version >= 1))
    throw new EngineError('OUT_OF_RANGE', 'version', 'version must be an integer >= 1');
  if (input.idPrefix !== undefined && typeof input.idPrefix !== 'string')
    throw new EngineError('INVALID_STRING', 'idPrefix', 'idPrefix must be a string');
  const strength = availability.strengthDays;
  if (
    strength !== undefined &&
    (!Array.isArray(strength) || strength.some((d) => !WEEKDAY_BY_INDEX.includes(d)))
  ) {
    throw new EngineError(
      'INVALID_AVAILABILITY',
      'availability.strengthDays',
      'availability.strengthDays must be days mon..sun',
    );
  }
  const start = dayNumber(startDate, 'startDate');
  const race = dayNumber(goal?.raceDate, 'goal.raceDate');
  if (race <= start)
    throw new EngineError('RACE_BEFORE_START', 'goal.raceDate', 'goal.raceDate must be after startDate');
  requireFinite(goal.distanceMeters, 'goal.distanceMeters', 1000, 250_000);
  if (goal.targetTimeSec !== undefined) {
    requireFinite(goal.targetTimeSec, 'goal.targetTimeSec', 60);
    renamed({ timeSec: 'goal.targetTimeSec', distanceMeters: 'goal.distanceMeters' }, () =>
      vdotFromRace(goal.distanceMeters, goal.targetTimeSec!),
    );
  }
  if (goal.elevationGainMeters !== undefined)
    requireFinite(goal.elevationGainMeters, 'goal.elevationGainMeters', 0, 20_000);
  if (goal.elevationLossMeters !== undefined)
    requireFinite(goal.elevationLossMeters, 'goal.elevationLossMeters', 0, 20_000);

  dayNumber(profile?.birthDate, 'profile.birthDate');
  const age = ageOn(profile.birthDate, startDate);
  if (age < 10 || age > 100)
    throw new EngineError(
      'OUT_OF_RANGE',
      'profile.birthDate',
      `profile.birthDate gives age ${age}; plans are for ages 10-100`,
    );
  if (profile.sex !== 'male' && profile.sex !== 'female')
    throw new EngineError('INVALID_ENUM', 'profile.sex', 'profile.sex must be male or female');
  for (const key of ['restingHr', 'maxHr', 'lthr'] as const) {
    if (profile[key] !== undefined) requireFinite(profile[key], `profile.${key}`, 25, 230);
  }

  const days = availability?.runDays;
  if (!Array.isArray(days) || days.length < 2)
    throw new EngineError(
      'INVALID_AVAILABILITY',
      'availability.runDays',
      'availability.runDays needs at least 2 days',
    );
  if (new Set(days).size !== days.length || days.some((d) => !WEEKDAY_BY_INDEX.includes(d))) {
    throw new EngineError(
      'INVALID_AVAILABILITY',
      'availability.runDays',
      'availability.runDays must be distinct days mon..sun',
    );
  }
  if (!days.includes(availability.longRunDay))
    throw new EngineError(
      'INVALID_AVAILABILITY',
      'availability.longRunDay',
      'availability.longRunDay must be one of runDays',
    );

  if (fitness?.weeklyDistanceMeters !== undefined)
    requireFinite(fitness.weeklyDistanceMeters, 'fitness.weeklyDistanceMeters', 0, 400_000);
  if (fitness?.longestRecentRunMeters !== undefined)
    requireFinite(fitness.longestRecentRunMeters, 'fitness.longestRecentRunMeters', 0, 250_000);
  const rr = fitness?.recentRace;
  if (rr) {
    if (dayNumber(rr.date, 'fitness.recentRace.date') > start) {
      throw new EngineError(
        'OUT_OF_RANGE',
        'fitness.recentRace.date',
        'fitness.recentRace.date is after startDate',
      );
    }
    renamed(
      { timeSec: 'fitness.recentRace.timeSec', distanceMeters: 'fitness.recentRace.distanceMeters' },
      () => vdotFromRace(rr.distanceMeters, rr.timeSec),
    );
  }
  return { age };
}

/** Re-labels an EngineError from a shared helper with the input path the caller knows. */
function renamed(fields: Record<string, string>, f: () => unknown): void {
  try {
    f();
  } catch (e) {
    const field = e instanceof EngineError ? fields[e.field] : undefined;
    if (!field || !(e instanceof EngineError)) throw e;
    throw new EngineError(e.code, field, e.message.replace(e.field, field));
  }
}
