import { expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

it('demo prints the banner, a 19:57 5K prediction and a 16-week marathon plan outline', async () => {
  const r = await run(['demo']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('offline-first adaptive running coach');
  expect(r.stdout).toContain('VDOT 50.0 (from 5K in 19:57)');
  expect(r.stdout).toMatch(/Marathon\s+3:10:\d\d/);
  expect(r.stdout).toContain('16 weeks');
  expect(r.stdout).toContain('Phases');
  expect(r.stdout).toContain('First 3 of 16 weeks');
  expect(r.stdout.trimEnd().endsWith('Try: runningcoach plan --help')).toBe(true);
  // Fixed runner and start date: the same output whatever the clock says.
  expect((await run(['demo'], '2030-01-01')).stdout).toBe(r.stdout);
});
