import { z } from 'zod';
import { ReasonSchema } from './common.ts';

export const ReadinessColorSchema = z.enum(['green', 'yellow', 'red']);
export type ReadinessColor = z.infer<typeof ReadinessColorSchema>;

export const ReadinessSchema = z.object({
  color: ReadinessColorSchema,
  /** 0 (do not train) to 100 (fully ready). */
  score: z.number().min(0).max(100),
  /** 0-1: how much of the evidence the Brain wanted it actually had. */
  confidence: z.number().min(0).max(1),
  reasons: z.array(ReasonSchema),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
