import type { Availability, Fitness, Goal, Profile } from '@runningcoach/contracts';
import { ageOn, dayNumber, WEEKDAY_BY_INDEX } from '../util/dates.ts';
import { EngineError, requireFinite } from '../util/errors.ts';
import { vdotFromRace } from '../prediction/vdot.ts';

/** The checks the engine needs to stay sane even when called without the zod layer (CLI, watch, tests). */
export function validatePlanInput(
  profile: Profile,
  goal: Goal,
  fitness: Fitness,
  availability: Availability,
  startDate: string,
): { age: number } {
  const start = dayNumber(startDate, 'startDate');
  const race = dayNumber(goal?.raceDate, 'goal.raceDate');
  if (race <= start)
    throw new EngineError('RACE_BEFORE_START', 'goal.raceDate', 'goal.raceDate must be after startDate');
  requireFinite(goal.distanceMeters, 'goal.distanceMeters', 1000, 250_000);
  if (goal.targetTimeSec !== undefined)
    vdotFromRace(goal.distanceMeters, requireFinite(goal.targetTimeSec, 'goal.targetTimeSec', 60));
  if (goal.elevationGainMeters !== undefined)
    requireFinite(goal.elevationGainMeters, 'goal.elevationGainMeters', 0, 20_000);

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
    try {
      vdotFromRace(rr.distanceMeters, rr.timeSec);
    } catch (e) {
      if (e instanceof EngineError)
        throw new EngineError(e.code, `fitness.recentRace.${e.field}`, `fitness.recentRace.${e.message}`);
      throw e;
    }
  }
  return { age };
}
