import { readFile } from 'node:fs/promises';
import { AccountExportSchema } from '@runningcoach/contracts';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../../server/test/helpers/backends.ts';
import { runnerRows } from '../../server/test/helpers/runner-rows.ts';
import { api, login, useWebSuite } from './harness.ts';
import { logWorkout, newRunner, openSettings, PASSWORD, pageErrors, signIn, waitSynced } from './journeys.ts';

const RUN = { minutes: '40', distance: '8', rpe: 5, feeling: 4 };

/** The runner's own data, from the Settings screen: export, sign-out, account deletion. */
describe.each(['pglite', 'postgres'] as const)('account on %s', (backend) => {
  const s = useWebSuite(backend);

  it.skipIf(skipBackend(backend))(
    'export my data: the download is the runner’s data',
    async () => {
      const { context, page, email } = await newRunner(s.browser, s.web.url);
      await logWorkout(page, { ...RUN, notes: 'exported tempo' });
      await waitSynced(page);
      await openSettings(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export my data' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^runningcoach-export-\d{4}-\d{2}-\d{2}\.json$/);
      const body = AccountExportSchema.parse(JSON.parse(await readFile(await download.path(), 'utf8')));
      expect(body.user.email).toBe(email);
      expect(body.activities.map((a) => a.notes)).toEqual(['exported tempo']);
      expect(body.scheduledWorkouts.length).toBeGreaterThan(10);
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'delete my account: the server keeps nothing, this device neither, and signing in fails',
    async () => {
      const { context, page, email } = await newRunner(s.browser, s.web.url);
      await logWorkout(page, { ...RUN, notes: 'soon gone' });
      await waitSynced(page);
      const me = await api<{ id: string }>(s.web.url, '/me', await login(s.web.url, email, PASSWORD));
      const before = await runnerRows(s.web.server.db, me.id);
      expect(before.activities).toMatch(/^1:/);

      await openSettings(page);
      await page.getByLabel('Confirm with your password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Delete account' }).click();
      await page.waitForURL('**/signin');

      const after = await runnerRows(s.web.server.db, me.id);
      for (const [table, rows] of Object.entries(after)) expect(`${table} ${rows}`).toMatch(/ 0:/);
      // Evaluated as source: the tests are typed for Node, without the DOM.
      const databases = (await page.evaluate(
        'indexedDB.databases().then((l) => l.map((d) => d.name))',
      )) as string[];
      expect(databases).not.toContain(`runningcoach-${me.id}`);
      await expect(login(s.web.url, email, PASSWORD)).rejects.toThrow(/401/);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(new URL(page.url()).pathname).toBe('/signin');
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'signing out with unsynced changes warns and keeps them; once synced, sign-out goes through',
    async () => {
      const { context, page, email } = await newRunner(s.browser, s.web.url);
      await context.setOffline(true);
      await logWorkout(page, { ...RUN, notes: 'not on the server yet' });
      await page.waitForSelector('[data-testid="sync-indicator"][data-pending="1"]');
      await openSettings(page);
      await page.getByRole('button', { name: 'Sign out' }).click();
      const warning = page.getByRole('alertdialog');
      await warning.waitFor();
      expect(await warning.innerText()).toMatch(/1 change .*not reached the server/);
      await warning.getByRole('button', { name: 'Keep me signed in' }).click();
      await warning.waitFor({ state: 'detached' });
      expect(new URL(page.url()).pathname).toBe('/settings');
      await page.waitForSelector('[data-testid="sync-indicator"][data-pending="1"]');

      // Back online: sign-out first sends the change, then signs out without asking.
      await context.setOffline(false);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/signin');
      const acts = await api<{ notes?: string }[] | { activities: { notes?: string }[] }>(
        s.web.url,
        '/activities',
        await login(s.web.url, email, PASSWORD),
      );
      const list = Array.isArray(acts) ? acts : acts.activities;
      expect(list.map((a) => a.notes)).toEqual(['not on the server yet']);

      // Signing back in brings it back from the server.
      await signIn(page, s.web.url, email);
      await waitSynced(page);
      await page.getByRole('link', { name: 'Activities' }).first().click();
      await expect.poll(() => page.locator('[data-testid="activity-list"] li').count()).toBe(1);
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );
});
