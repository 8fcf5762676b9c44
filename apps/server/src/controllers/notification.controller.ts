import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  type IdParam,
  IdParamSchema,
  type Notification,
  type NotificationList,
  type NotificationsQuery,
  NotificationsQuerySchema,
} from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { NotificationService } from '../services/notification.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('notifications')
export class NotificationController {
  constructor(@Inject(NotificationService) private readonly notifications: NotificationService) {}

  @Get()
  list(
    @Auth() auth: AccessClaims,
    @Query(new ZodPipe(NotificationsQuerySchema)) query: NotificationsQuery,
  ): Promise<NotificationList> {
    return this.notifications.list(auth.userId, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(
    @Auth() auth: AccessClaims,
    @Param(new ZodPipe(IdParamSchema)) params: IdParam,
  ): Promise<Notification> {
    return this.notifications.markRead(auth.userId, params.id);
  }
}
