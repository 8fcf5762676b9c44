import { z } from 'zod';
import { LocationSchema } from './location.ts';
import { ProfileSchema } from './profile.ts';

export const UnitsSchema = z.enum(['km', 'mi']);
export type Units = z.infer<typeof UnitsSchema>;

/** An IANA time zone the runtime knows (the runner's calendar day and midnight jobs depend on it). */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known IANA time zone');

export const NotificationSettingsSchema = z.strictObject({ push: z.boolean(), email: z.boolean() });
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const UserSettingsSchema = z.strictObject({
  units: UnitsSchema,
  timeZone: TimeZoneSchema,
  notifications: NotificationSettingsSchema,
  /**
   * Where the runner usually runs, opt-in: the dashboard's coach note then carries the pre-run weather
   * (feels-like, what to drink). Unset: no weather in the note.
   */
  location: LocationSchema.optional(),
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

export const DEFAULT_USER_SETTINGS: UserSettings = {
  units: 'km',
  timeZone: 'UTC',
  notifications: { push: true, email: false },
};

/** The runner's physiological reference values; names match `DailyMetrics` and the engine's readiness input. */
export const BaselinesSchema = z.strictObject({
  restingHr: z.number().int().min(25).max(150).optional(),
  hrvRmssd: z.number().min(3).max(300).optional(),
  maxHr: z.number().int().min(120).max(230).optional(),
  lthr: z.number().int().min(90).max(220).optional(),
});
export type Baselines = z.infer<typeof BaselinesSchema>;

/** Until onboarding a runner's profile may be partial. */
export const UserProfileSchema = ProfileSchema.partial().strict();
export type UserProfile = z.infer<typeof UserProfileSchema>;

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string().nullable(),
  profile: UserProfileSchema,
  settings: UserSettingsSchema,
  baselines: BaselinesSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

/** `PATCH /me`: each section is merged into what is stored (a partial update, unknown keys rejected). */
export const UpdateMeSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).nullable().optional(),
  profile: UserProfileSchema.optional(),
  settings: z
    .strictObject({
      units: UnitsSchema.optional(),
      timeZone: TimeZoneSchema.optional(),
      notifications: NotificationSettingsSchema.partial().strict().optional(),
      /** `null` forgets the location. */
      location: LocationSchema.nullable().optional(),
    })
    .optional(),
  baselines: BaselinesSchema.optional(),
});
export type UpdateMe = z.infer<typeof UpdateMeSchema>;
