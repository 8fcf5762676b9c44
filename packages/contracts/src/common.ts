import { z } from 'zod';

/** A runner's local calendar day, `YYYY-MM-DD`, and a real one (no 2026-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'is not a calendar date');
export type IsoDate = z.infer<typeof IsoDateSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

export const SexSchema = z.enum(['male', 'female']);
export type Sex = z.infer<typeof SexSchema>;

/** A closed range; for paces `min` is the faster (smaller) number of seconds per km. */
export const RangeSchema = z.object({ min: z.number().finite(), max: z.number().finite() });
export type Range = z.infer<typeof RangeSchema>;

/** Why the Brain decided something: a stable rule code, a sentence, and the numbers behind it. */
export const ReasonSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  data: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;
