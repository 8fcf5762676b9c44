import { z } from 'zod';

/** The secret of a calendar feed URL: 32 random bytes, base64url. */
export const CalendarTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a calendar feed token');

/** `GET /plan/calendar.ics?token=` (calendar apps cannot send a Bearer header). */
export const CalendarFeedQuerySchema = z.strictObject({ token: CalendarTokenSchema.optional() });
export type CalendarFeedQuery = z.infer<typeof CalendarFeedQuerySchema>;

/** `POST /plan/calendar-token` → a new feed secret (any earlier one stops working) and the URL to subscribe to. */
export const CalendarTokenResponseSchema = z.object({ token: CalendarTokenSchema, url: z.string() });
export type CalendarTokenResponse = z.infer<typeof CalendarTokenResponseSchema>;
