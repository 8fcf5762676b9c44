import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { UpdateMeSchema } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { AppError, toErrorResponse, validationError } from './errors.ts';

describe('error responses', () => {
  it('a zod failure names the first field and lists every issue', () => {
    const r = UpdateMeSchema.safeParse({ profile: { weightKg: 5, sex: 'x' }, extra: 1 });
    const err = validationError(r.error!);
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    const paths = (err.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['profile.weightKg', 'profile.sex', 'extra']));
    expect(err.message.startsWith(`${paths[0]}: `)).toBe(true);
  });

  it('maps AppError, HttpException and Fastify parser errors to the API.md shape', () => {
    expect(toErrorResponse(new AppError(409, 'EMAIL_TAKEN', 'taken'))).toEqual({
      status: 409,
      body: { error: { code: 'EMAIL_TAKEN', message: 'taken', details: null } },
    });
    expect(toErrorResponse(new NotFoundException('gone')).body.error.code).toBe('NOT_FOUND');
    const parse = new BadRequestException('Unexpected token', {
      cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
    });
    expect(toErrorResponse(parse)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } });
    expect(toErrorResponse(new HttpException('teapot', 418)).body.error.code).toBe('HTTP_418');
  });

  it('an unexpected error is a bare 500 that leaks nothing', () => {
    const res = toErrorResponse(new Error('password=hunter2 at db.query'));
    expect(res).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'Internal server error', details: null } },
    });
  });
});
