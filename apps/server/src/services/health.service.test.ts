import { Logger } from '@nestjs/common';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseRepository } from '../repositories/database.repository.ts';
import { HealthService } from './health.service.ts';

const withPing = (ping: () => Promise<void>) => new HealthService({ ping } as DatabaseRepository);

describe('HealthService.ready', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('is ok when the database answers', async () => {
    await expect(withPing(async () => {}).ready()).resolves.toEqual({ status: 'ok' });
  });

  it('is a 503 NOT_READY when it fails', async () => {
    await expect(withPing(() => Promise.reject(new Error('ECONNREFUSED'))).ready()).rejects.toMatchObject({
      status: 503,
      code: 'NOT_READY',
    });
  });
});
