import { describe, expect, it } from 'vitest';
import { AvailabilitySchema, DailyMetricsSchema, IsoDateSchema, OnboardingSchema } from './index.ts';

const onboarding = {
  profile: { birthDate: '1990-01-31', sex: 'female', weightKg: 58, heightCm: 165 },
  goal: { raceDate: '2027-04-18', distanceMeters: 42_195 },
  fitness: { weeklyDistanceMeters: 40_000 },
  availability: { runDays: ['tue', 'thu', 'sun'], longRunDay: 'sun' },
};

describe('contracts', () => {
  it('accepts a valid onboarding body', () => {
    expect(OnboardingSchema.parse(onboarding)).toEqual(onboarding);
  });

  it.each([
    [
      ['profile', 'birthDate'],
      { ...onboarding, profile: { ...onboarding.profile, birthDate: '1990-02-30' } },
    ],
    [['goal', 'distanceMeters'], { ...onboarding, goal: { ...onboarding.goal, distanceMeters: -5 } }],
    [
      ['availability', 'longRunDay'],
      { ...onboarding, availability: { runDays: ['tue', 'thu'], longRunDay: 'sun' } },
    ],
    [
      ['availability', 'runDays'],
      { ...onboarding, availability: { runDays: ['tue', 'tue', 'sun'], longRunDay: 'sun' } },
    ],
    [['profile', 'sex'], { ...onboarding, profile: { ...onboarding.profile, sex: 'x' } }],
  ])('names the bad field %j', (path, body) => {
    const r = OnboardingSchema.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('checks calendar dates, subjective scales and run days', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(DailyMetricsSchema.safeParse({ date: '2026-11-22', soreness: 6 }).success).toBe(false);
    expect(AvailabilitySchema.safeParse({ runDays: ['mon'], longRunDay: 'mon' }).success).toBe(false);
  });
});
