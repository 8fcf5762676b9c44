import { z } from 'zod';

/** A place on Earth (WGS 84 degrees). */
export const LocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type RunnerLocation = z.infer<typeof LocationSchema>;
