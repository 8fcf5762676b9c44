import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // Most tests start a real server on PGlite or PostgreSQL and talk HTTP to it: on a shared 2-core machine a
    // request-heavy test passes 5 s. Speed is measured by `npm run bench*`, not by test timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
