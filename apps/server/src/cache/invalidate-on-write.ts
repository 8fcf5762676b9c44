import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthedRequest } from '../middleware/auth.decorators.ts';
import { RealtimeService } from '../realtime/realtime.service.ts';
import { TokenService } from '../services/token.service.ts';
import { DASHBOARD_CACHE, type RunnerCache } from './runner-cache.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every successful write by a runner drops their cached dashboard before the response leaves, whatever the
 * route (REST or tRPC, settings, plans, account deletion): no endpoint can forget to. Services that write
 * outside a request (the pipelines) invalidate themselves.
 */
@Injectable()
export class InvalidateDashboardOnWrite implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly host: HttpAdapterHost,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(RealtimeService) private readonly realtime: RealtimeService,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (READS.has(req.method) || reply.statusCode >= 400) return payload;
      const userId = await this.runnerOf(req);
      if (userId) await this.cache.invalidate(userId);
      // The runner's other devices pull now (the writer's own pull is then a cheap empty one).
      if (userId) void this.realtime.publish(userId, 'sync:required');
      return payload;
    });
  }

  /** The guard's verified caller; tRPC authenticates in its own middleware, so verify the token here. */
  private async runnerOf(req: FastifyRequest): Promise<string | null> {
    const auth = (req as unknown as AuthedRequest).auth;
    if (auth?.userId) return auth.userId;
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) return null;
    try {
      return (await this.tokens.verifyAccess(match[1])).userId;
    } catch {
      return null;
    }
  }
}
