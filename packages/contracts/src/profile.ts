import { z } from 'zod';
import { IsoDateSchema, SexSchema } from './common.ts';

export const ProfileSchema = z.strictObject({
  birthDate: IsoDateSchema,
  sex: SexSchema,
  weightKg: z.number().min(25).max(250),
  heightCm: z.number().min(100).max(250),
  restingHr: z.number().int().min(25).max(120).optional(),
  maxHr: z.number().int().min(120).max(230).optional(),
  lthr: z.number().int().min(90).max(220).optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;
