import 'reflect-metadata';
import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.ts';
import type { AppConfig } from './config/config.ts';
import { jsonOnlyHook } from './middleware/json-only.hook.ts';
import { MULTIPART_LIMITS } from './middleware/upload.ts';
import { installOps } from './ops/ops.ts';
import { installSyncHttp } from './sync/sync-http.ts';
import { mountTrpc } from './trpc/mount.ts';
import { createLogger, PinoNestLogger } from './utils/logger.ts';
import { installStaticWeb } from './web/static-web.ts';

export interface CreateAppOptions {
  /** Close gracefully on SIGTERM/SIGINT (main.ts); tests that start many apps in one process leave it off. */
  shutdownHooks?: boolean;
  logger?: Logger;
}

export async function createApp(
  config: AppConfig,
  opts: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  // X-Forwarded-For decides req.ip (and so the per-IP rate limit) only behind a trusted proxy (TRUST_PROXY).
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  adapter.getInstance().addHook('onRequest', jsonOnlyHook);
  installSyncHttp(adapter.getInstance());
  installStaticWeb(adapter.getInstance(), config.webDir);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // req.rawBody: the Apple relay's HMAC is over the bytes sent, not a re-serialized parse.
    rawBody: true,
  });
  // File uploads (POST /activities/import); the limits are enforced again per request in readUploadedFile.
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'healthz', method: RequestMethod.GET },
      { path: 'readyz', method: RequestMethod.GET },
      // Provider webhooks live at /webhooks/* (API.md), outside the versioned API.
      { path: 'webhooks/{*path}', method: RequestMethod.ALL },
    ],
  });
  installOps(app, config, logger);
  await mountTrpc(app, logger);
  if (opts.shutdownHooks) app.enableShutdownHooks();
  return app;
}
