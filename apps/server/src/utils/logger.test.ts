import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, PinoNestLogger } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logger', () => {
  it('writes JSON with credentials, tokens and bodies redacted', () => {
    const { lines, logger } = capture();
    logger.info({
      req: {
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { authorization: 'Bearer abc', cookie: 'sid=1' },
        body: { hrv: 40 },
      },
      password: 'hunter2',
      user: { refreshToken: 'r', accessToken: 'a', password: 'p' },
    });
    const text = JSON.stringify(lines);
    for (const secret of ['Bearer abc', 'sid=1', 'hunter2', '"r"', '"a"', '"p"', 'hrv'])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: 30, req: { method: 'POST', url: '/api/v1/auth/login' } });
  });

  it('cuts secrets out of logged request URLs (calendar feed and WebSocket tokens)', () => {
    const { lines, logger } = capture();
    logger.info({ req: { method: 'GET', url: '/api/v1/plan/calendar.ics?token=s3cr3t&x=1' } });
    logger.info({ req: { method: 'GET', url: '/ws?access_token=abc.def' } });
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual([
      '/api/v1/plan/calendar.ics?token=[redacted]&x=1',
      '/ws?access_token=[redacted]',
    ]);
  });

  it('carries Nest messages with their context', () => {
    const { lines, logger } = capture();
    new PinoNestLogger(logger).log('Nest application successfully started', 'NestApplication');
    new PinoNestLogger(logger).error('boom', 'stack here', 'ErrorFilter');
    expect(lines[0]).toMatchObject({
      msg: 'Nest application successfully started',
      context: 'NestApplication',
    });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'boom', stack: 'stack here', context: 'ErrorFilter' });
  });
});
