import { Body, Controller, Delete, Get, HttpCode, Inject, StreamableFile } from '@nestjs/common';
import { type DeleteAccountBody, DeleteAccountSchema } from '@runningcoach/contracts';
import { Auth } from '../middleware/auth.decorators.ts';
import { ZodPipe } from '../middleware/zod-body.pipe.ts';
import { AccountService } from '../services/account.service.ts';
import type { AccessClaims } from '../services/token.service.ts';

@Controller('account')
export class AccountController {
  constructor(@Inject(AccountService) private readonly account: AccountService) {}

  @Get('export')
  async export(@Auth() auth: AccessClaims): Promise<StreamableFile> {
    const now = new Date();
    const stream = await this.account.export(auth.userId, now);
    return new StreamableFile(stream, {
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="runningcoach-export-${now.toISOString().slice(0, 10)}.json"`,
    });
  }

  @Delete()
  @HttpCode(204)
  delete(
    @Auth() auth: AccessClaims,
    @Body(new ZodPipe(DeleteAccountSchema)) body: DeleteAccountBody,
  ): Promise<void> {
    return this.account.delete(auth.userId, body);
  }
}
