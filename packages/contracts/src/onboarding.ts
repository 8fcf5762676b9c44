import { z } from 'zod';
import { AvailabilitySchema } from './availability.ts';
import { FitnessSchema } from './fitness.ts';
import { GoalSchema } from './goal.ts';
import { ProfileSchema } from './profile.ts';

export const OnboardingSchema = z.strictObject({
  profile: ProfileSchema,
  goal: GoalSchema,
  fitness: FitnessSchema,
  availability: AvailabilitySchema,
});
export type Onboarding = z.infer<typeof OnboardingSchema>;
