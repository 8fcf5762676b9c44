import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { UpdateMeSchema, type UpdateMe, type User } from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import type { AccessClaims } from '../services/token.service.ts';
import { UserService } from '../services/user.service.ts';

@Controller('me')
export class UserController {
  constructor(@Inject(UserService) private readonly users: UserService) {}

  @Get()
  getMe(@Auth() auth: AccessClaims): Promise<User> {
    return this.users.getMe(auth.userId);
  }

  @Patch()
  updateMe(@Auth() auth: AccessClaims, @Body(new ZodPipe(UpdateMeSchema)) body: UpdateMe): Promise<User> {
    return this.users.updateMe(auth.userId, body);
  }
}
