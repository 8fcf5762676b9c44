import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @runningcoach/server` diffs src/schema against drizzle/ and writes the next SQL migration.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
});
