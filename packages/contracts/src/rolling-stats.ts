import { z } from 'zod';
import { IsoDateSchema } from './common.ts';

export const RollingStatSchema = z.object({
  date: IsoDateSchema,
  load: z.number(),
  acute: z.number(),
  chronic: z.number(),
  /** null while there is no chronic load to compare with. */
  acwr: z.number().nullable(),
  tsb: z.number(),
  monotony: z.number().nullable(),
  strain: z.number(),
});
export type RollingStat = z.infer<typeof RollingStatSchema>;
