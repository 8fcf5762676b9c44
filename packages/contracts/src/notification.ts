import { z } from 'zod';

/** `?unread` alone (or `=true`) means true; `=false` or absent means every notification. */
export const QueryFlagSchema = z
  .enum(['', 'true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === '' || v === 'true' || v === '1');

export const NotificationsQuerySchema = z.strictObject({
  unread: QueryFlagSchema,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuerySchema>;

/** A path parameter that must be a row id. */
export const IdParamSchema = z.strictObject({ id: z.uuid() });
export type IdParam = z.infer<typeof IdParamSchema>;

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ notifications: z.array(NotificationSchema) });
export type NotificationList = z.infer<typeof NotificationListSchema>;
