import { describe, expect, it } from 'vitest';
import { safeError } from './safe-error.ts';

describe('safeError', () => {
  it("drops a failed query's parameters and the database's detail, keeping the SQLSTATE and frames", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (email)=(runner@example.com) already exists.',
    });
    const err = new Error(
      'Failed query: insert into "daily_metrics" ("hrv_rmssd") values ($1)\nparams: 42.5,runner@example.com',
      { cause },
    );
    const safe = safeError(err);
    const text = JSON.stringify(safe);
    expect(text).not.toContain('42.5');
    expect(text).not.toContain('runner@example.com');
    expect(safe.message).toBe(
      'Failed query: insert into "daily_metrics" ("hrv_rmssd") values ($1) [params redacted]',
    );
    expect(safe.code).toBe('23505');
    expect(safe.stack).toMatch(/^Error: Failed query.*\n {4}at /);
  });

  it('keeps an ordinary message as it is', () => {
    expect(safeError(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(safeError('a string')).toEqual({ type: 'string', message: 'non-error thrown' });
  });
});
