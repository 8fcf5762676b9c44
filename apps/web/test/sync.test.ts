import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../../server/test/helpers/backends.ts';
import { api, login, newContext, useWebSuite } from './harness.ts';
import {
  logWorkout,
  newRunner,
  openContextPage,
  PASSWORD,
  pageErrors,
  signIn,
  waitSynced,
} from './journeys.ts';

interface ServerWorkout {
  id: string;
  date: string;
  type: string;
  state: string;
}

const serverWorkouts = async (base: string, email: string) =>
  (await api<{ workouts: ServerWorkout[] }>(base, '/plan/current', await login(base, email, PASSWORD)))
    .workouts;

const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const listed = (page: Page) => page.locator('[data-testid="activity-list"] li').count();

/** What reaches the server from one device, and from the server to the runner's other devices and tabs. */
describe.each(['pglite', 'postgres'] as const)('sync on %s', (backend) => {
  const s = useWebSuite(backend);

  it.skipIf(skipBackend(backend))(
    'plan: skip one workout and move another; the server has both changes',
    async () => {
      // Four run days a week: the others are free to move a workout to.
      const { context, page, email } = await newRunner(s.browser, s.web.url, { everyDay: false });
      await page.getByRole('link', { name: 'Plan' }).first().click();
      const movable = page
        .getByTestId('plan-row')
        .filter({ has: page.getByRole('button', { name: /^Skip / }) });
      const skipDate = (await movable.nth(0).getAttribute('data-date'))!;
      const moveDate = (await movable.nth(1).getAttribute('data-date'))!;
      const before = await serverWorkouts(s.web.url, email);
      const planned = (date: string) => before.find((w) => w.date === date && w.state === 'planned')!;
      const [skipped, moved] = [planned(skipDate), planned(moveDate)];
      expect(skipped.id).not.toBe(moved.id);

      const skipRow = page.locator(`[data-testid="plan-row"][data-date="${skipDate}"]`).first();
      await skipRow.getByRole('button', { name: /^Skip / }).click();
      await skipRow.getByText('Skipped').waitFor();

      // A day that already has a workout is refused with the reason; a free one is taken.
      const days = new Set(before.map((w) => w.date));
      const taken = plusDays(moveDate, 1);
      const free = Array.from({ length: 14 }, (_, i) => plusDays(moveDate, i + 1)).find((d) => !days.has(d))!;
      expect(days.has(taken) && free).toBeTruthy();
      await page
        .locator(`[data-testid="plan-row"][data-date="${moveDate}"]`)
        .first()
        .getByRole('button', { name: /^Reschedule / })
        .click();
      await page.getByLabel('New date').fill(taken);
      await page.getByRole('alert').filter({ hasText: 'already has a workout' }).waitFor();
      expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
      await page.getByLabel('New date').fill(free);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByLabel('New date').waitFor({ state: 'detached' });
      await waitSynced(page);

      // The second change may go in the cycle after the one that was running when it was made.
      const onServer = async () => {
        const after = await serverWorkouts(s.web.url, email);
        const find = (id: string) => after.find((w) => w.id === id);
        return [find(skipped.id), find(moved.id)].map((w) => w && `${w.date} ${w.state}`);
      };
      await expect.poll(onServer, { timeout: 10_000 }).toEqual([`${skipDate} skipped`, `${free} planned`]);
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'two devices converge by the WebSocket notification alone (no sync click, no reload)',
    async () => {
      const { context: ca, page: a, email } = await newRunner(s.browser, s.web.url);
      const cb = await newContext(s.browser);
      const b = await openContextPage(cb);
      await signIn(b, s.web.url, email);
      await waitSynced(b);
      await b.getByRole('link', { name: 'Activities' }).first().click();
      await b.waitForURL('**/activities');
      expect(await listed(b)).toBe(0);

      await logWorkout(a, { minutes: '30', distance: '5', rpe: 3, feeling: 4, notes: 'pushed from A' });
      await waitSynced(a);
      // The periodic pull is a minute away: within 15 s only the server's `/ws` event can have done it.
      await expect.poll(() => listed(b), { timeout: 15_000 }).toBe(1);
      await Promise.all([ca.close(), cb.close()]);
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'two tabs racing to refresh an expired access token both stay signed in',
    async () => {
      const { context, page } = await newRunner(s.browser, s.web.url);
      // The stored access token is past its time: each tab refreshes it as soon as it starts.
      await page.evaluate(
        "localStorage.setItem('rc.session', JSON.stringify({ ...JSON.parse(localStorage.getItem('rc.session')), accessExpiresAt: 0 }))",
      );
      const before = await page.evaluate("JSON.parse(localStorage.getItem('rc.session')).refreshToken");
      await page.close();
      const tabs = await Promise.all([openContextPage(context), openContextPage(context)]);
      await Promise.all(tabs.map((t) => t.goto(s.web.url + '/')));
      await Promise.all(tabs.map((t) => waitSynced(t)));
      const after = await tabs[0]!.evaluate("JSON.parse(localStorage.getItem('rc.session')).refreshToken");
      expect(after).not.toBe(before);

      // Both still work with the server: a manual sync in each goes through, and neither went to sign-in.
      for (const t of tabs) {
        await t.getByTestId('sync-indicator').click();
        await waitSynced(t);
        expect(new URL(t.url()).pathname).toBe('/');
      }
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );
});
