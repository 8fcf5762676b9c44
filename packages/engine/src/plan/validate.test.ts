import { describe, expect, it } from 'vitest';
import { EngineError } from '../util/errors.ts';
import { generatePlan, type GeneratePlanInput } from './generate.ts';

const good: GeneratePlanInput = {
  profile: { birthDate: '1985-03-03', sex: 'male', weightKg: 72, heightCm: 180 },
  goal: { raceDate: '2027-06-06', distanceMeters: 10_000 },
  fitness: { weeklyDistanceMeters: 30_000 },
  availability: { runDays: ['tue', 'thu', 'sat', 'sun'], longRunDay: 'sun' },
  startDate: '2027-02-01',
};
const bad = (patch: (i: GeneratePlanInput) => unknown) => {
  const input = structuredClone(good) as unknown as Record<string, unknown>;
  patch(input as unknown as GeneratePlanInput);
  return input as unknown as GeneratePlanInput;
};

describe('generatePlan input checks', () => {
  it.each<[string, GeneratePlanInput]>([
    ['input', undefined as unknown as GeneratePlanInput],
    ['fitness', bad((i) => delete (i as Partial<GeneratePlanInput>).fitness)],
    ['startDate', bad((i) => (i.startDate = '2027-02-30'))],
    ['goal.raceDate', bad((i) => (i.goal.raceDate = '2027-01-01'))],
    ['goal.raceDate', bad((i) => (i.goal.raceDate = '2027-02-10'))],
    ['goal.distanceMeters', bad((i) => (i.goal.distanceMeters = Number.NaN))],
    ['goal.targetTimeSec', bad((i) => (i.goal.targetTimeSec = 60))],
    ['profile.birthDate', bad((i) => (i.profile.birthDate = '2025-01-01'))],
    ['profile.sex', bad((i) => ((i.profile as { sex: string }).sex = 'x'))],
    ['availability.runDays', bad((i) => (i.availability.runDays = ['tue']))],
    ['availability.longRunDay', bad((i) => (i.availability.longRunDay = 'mon'))],
    [
      'availability.strengthDays',
      bad((i) => ((i.availability as { strengthDays: unknown }).strengthDays = 'mon')),
    ],
    ['fitness.weeklyDistanceMeters', bad((i) => (i.fitness.weeklyDistanceMeters = -1))],
    [
      'fitness.recentRace.date',
      bad((i) => (i.fitness.recentRace = { distanceMeters: 5000, timeSec: 1300, date: '2027-03-01' })),
    ],
    [
      'fitness.recentRace.timeSec',
      bad((i) => (i.fitness.recentRace = { distanceMeters: 5000, timeSec: 100, date: '2027-01-01' })),
    ],
    ['units', bad((i) => ((i as { units: string }).units = 'miles'))],
    ['version', bad((i) => ((i as { version: unknown }).version = 'x'))],
  ])('names %s', (field, input) => {
    let error: unknown;
    try {
      generatePlan(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).field).toBe(field);
  });

  it('a race 1 day away is refused even across a week boundary', () => {
    expect(() =>
      generatePlan({ ...good, startDate: '2027-06-05', goal: { ...good.goal, raceDate: '2027-06-07' } }),
    ).toThrow(/goal.raceDate/);
  });
});
