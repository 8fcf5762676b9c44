import { z } from 'zod';
import { IsoDateSchema } from './common.ts';
import { QueryFlagSchema } from './notification.ts';

export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);

/** `GET /alerts`: `?active` keeps the ones not dismissed. */
export const AlertsQuerySchema = z.strictObject({
  active: QueryFlagSchema,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertsQuery = z.infer<typeof AlertsQuerySchema>;

export const AlertSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  severity: AlertSeveritySchema,
  date: IsoDateSchema,
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  dismissedAt: z.iso.datetime().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) });
export type AlertList = z.infer<typeof AlertListSchema>;
