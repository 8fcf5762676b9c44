import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // The sync fault simulation still finds server bugs (issue #4 is open): it runs on its own with
    // `npm run test:sync-sim` / `npm run test:sync-soak` until it is green, then it joins the suite.
    exclude: process.env.SYNC_SIM === '1' ? [] : ['apps/server/test/sync-faults.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
