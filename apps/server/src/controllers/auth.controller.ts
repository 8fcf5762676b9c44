import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  LoginSchema,
  LogoutSchema,
  RefreshSchema,
  RegisterSchema,
  type AuthResponse,
  type LoginBody,
  type LogoutBody,
  type RefreshBody,
  type RegisterBody,
} from '@runningcoach/contracts';
import { Public } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { AuthService } from '../services/auth.service.ts';

@Public()
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('register')
  @HttpCode(201)
  register(@Body(new ZodPipe(RegisterSchema)) body: RegisterBody): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  @Post('login')
  @HttpCode(200)
  login(@Body(new ZodPipe(LoginSchema)) body: LoginBody): Promise<AuthResponse> {
    return this.auth.login(body);
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body(new ZodPipe(RefreshSchema)) body: RefreshBody): Promise<AuthResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Body(new ZodPipe(LogoutSchema)) body: LogoutBody): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }
}
