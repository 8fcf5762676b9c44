import { describe, expect, it } from 'vitest';
import { skipBackend } from '../../server/test/helpers/backends.ts';
import { api, login, newContext, screenshot, useWebSuite } from './harness.ts';
import {
  activityCount,
  checkIn,
  logWorkout,
  onboard,
  openContextPage,
  PASSWORD,
  pageErrors,
  signIn,
  signUp,
  uniqueEmail,
  waitSynced,
} from './journeys.ts';

interface ServerActivity {
  id: string;
  type: string;
  notes?: string;
  rpe?: number;
  durationSec: number;
}

const RED_MORNING = {
  'HRV (rMSSD, ms)': '14',
  'Resting HR (bpm)': '71',
  'Sleep (hours)': '3.5',
  'Sleep quality': 1,
  'Muscle soreness': 5,
  Stress: 5,
  Mood: 1,
};

/** Issue 5, acceptance 1: the journeys in a real Chromium against the real server (PostgreSQL with Redis). */
describe.each(['pglite', 'postgres'] as const)('web app on %s', (backend) => {
  const s = useWebSuite(backend);
  const email = uniqueEmail();
  const shots = backend === 'pglite';

  it.skipIf(skipBackend(backend))(
    "new runner: sign up, onboarding, plan, a red check-in changes today's workout, log, analytics",
    async () => {
      const context = await newContext(s.browser);
      const page = await openContextPage(context);
      await page.goto(s.web.url + '/');
      await page.waitForURL('**/signin');
      if (shots) await screenshot(page, 'signin');
      await signUp(page, s.web.url, email);
      await onboard(page, shots ? (n) => screenshot(page, n) : undefined);
      await waitSynced(page);
      const before = await page.getByTestId('workout').getAttribute('data-type');
      const beforeText = await page.getByTestId('workout').innerText();
      expect(before).not.toBe('rest');
      if (shots) await screenshot(page, 'today-before-checkin');

      // The plan is shown, in weeks with its phases.
      await page.getByRole('link', { name: 'Plan' }).first().click();
      await page.waitForURL('**/plan');
      expect(await page.getByTestId('plan-row').count()).toBeGreaterThan(3);
      if (shots) await screenshot(page, 'plan');
      await page.getByRole('link', { name: 'Today' }).first().click();

      // A red morning: readiness red with reasons, today's workout changed, with the reason shown.
      await checkIn(page, RED_MORNING);
      await page.getByTestId('readiness').waitFor();
      expect(await page.getByTestId('readiness').getAttribute('data-color')).toBe('red');
      const afterText = await page.getByTestId('workout').innerText();
      expect(afterText).not.toBe(beforeText);
      await expect.poll(() => page.getByTestId('adaptation-reason').isVisible()).toBe(true);
      expect((await page.getByTestId('adaptation-reason').innerText()).length).toBeGreaterThan(10);
      if (shots) await screenshot(page, 'today');

      await logWorkout(page, { minutes: '35', distance: '6', rpe: 4, feeling: 4, notes: 'easy shakeout' });
      await page.getByTestId('done-today').waitFor();
      await waitSynced(page);

      // Analytics shows the load of the logged run.
      await page.getByRole('link', { name: 'Analytics' }).first().click();
      await page.getByTestId('load-figures').waitFor({ timeout: 20_000 });
      const fitness = await page.getByTestId('load-figures').innerText();
      expect(fitness).toMatch(/Fatigue \(acute\)\s*\n?\s*[1-9]/);
      // One day of history: fitness can only mirror fatigue yet, and the screen says so.
      expect(await page.getByTestId('building-history').innerText()).toMatch(/day 1 of 42/);
      if (shots) await screenshot(page, 'analytics');

      // The server has the check-in (its own readiness: red) and the run.
      const token = await login(s.web.url, email, PASSWORD);
      const acts = await api<{ activities: ServerActivity[] } | ServerActivity[]>(
        s.web.url,
        '/activities',
        token,
      );
      const list = Array.isArray(acts) ? acts : acts.activities;
      expect(list.map((a) => a.notes)).toContain('easy shakeout');
      const today = await api<{ readiness: { color: string } | null }>(s.web.url, '/dashboard/today', token);
      expect(today.readiness?.color).toBe('red');

      if (shots) {
        await page.getByRole('link', { name: 'Activities' }).first().click();
        await page.getByTestId('activity-list').waitFor();
        await screenshot(page, 'activities');
        await page.locator('[data-testid="activity-list"] a').first().click();
        await page.getByText('Heart rate and pace').waitFor();
        await screenshot(page, 'activity-detail');
        await page.getByRole('link', { name: 'Settings' }).first().click();
        await page.getByText('Heart-rate zones').first().waitFor();
        await screenshot(page, 'settings');
        await page.getByRole('link', { name: 'Today' }).first().click();
        await page
          .getByRole('link', { name: /check-in/i })
          .first()
          .click();
        await screenshot(page, 'checkin');
      }
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'offline: reload with no network, log a workout and a check-in, back online, the server and a second device get them',
    async () => {
      const context = await newContext(s.browser);
      const page = await openContextPage(context);
      await signIn(page, s.web.url, email);
      await waitSynced(page);
      // The service worker controls the page once it has activated (first visit).
      await page.waitForFunction('navigator.serviceWorker?.controller != null', null, {
        timeout: 30_000,
      });

      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('workout').waitFor({ timeout: 20_000 });
      await page.waitForSelector('[data-testid="sync-indicator"][data-state="offline"]');
      await checkIn(page, { 'Muscle soreness': 2, Stress: 2, Mood: 4, 'HRV (rMSSD, ms)': '62' });
      await logWorkout(page, {
        type: 'bike',
        minutes: '50',
        distance: '20',
        rpe: 5,
        feeling: 5,
        notes: 'offline spin',
      });
      await page.waitForSelector('[data-testid="sync-indicator"][data-pending="2"]');
      if (shots) await screenshot(page, 'today-offline');

      await context.setOffline(false);
      await waitSynced(page, 60_000);
      const token = await login(s.web.url, email, PASSWORD);
      const acts = await api<{ activities: ServerActivity[] } | ServerActivity[]>(
        s.web.url,
        '/activities',
        token,
      );
      const list = Array.isArray(acts) ? acts : acts.activities;
      expect(list.map((a) => a.notes).sort()).toEqual(['easy shakeout', 'offline spin']);
      const dash = await api<{ readiness: { color: string } | null }>(s.web.url, '/dashboard/today', token);
      expect(dash.readiness?.color).not.toBe('red');

      const other = await newContext(s.browser);
      const second = await openContextPage(other);
      await signIn(second, s.web.url, email);
      await waitSynced(second);
      expect(await activityCount(second)).toBe(2);
      await expect.poll(() => second.getByText('offline spin').count()).toBe(0); // notes live on the detail page
      await other.close();
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'two devices editing the same runner converge',
    async () => {
      const [ca, cb] = await Promise.all([newContext(s.browser), newContext(s.browser)]);
      const [a, b] = await Promise.all([openContextPage(ca), openContextPage(cb)]);
      await signIn(a, s.web.url, email);
      await signIn(b, s.web.url, email);
      await Promise.all([waitSynced(a), waitSynced(b)]);
      await logWorkout(a, {
        type: 'walk',
        minutes: '20',
        distance: '2',
        rpe: 2,
        feeling: 3,
        notes: 'walk from A',
      });
      await logWorkout(b, {
        type: 'strength',
        minutes: '30',
        distance: '0',
        rpe: 6,
        feeling: 4,
        notes: 'gym from B',
      });
      await b.getByRole('link', { name: 'Settings' }).first().click();
      await b.getByRole('radio', { name: 'Miles' }).click();
      await Promise.all([waitSynced(a), waitSynced(b)]);
      // The WebSocket tells each device to pull what the other pushed; a manual sync makes sure.
      for (const p of [a, b]) {
        await p.getByTestId('sync-indicator').click();
        await waitSynced(p);
      }
      await expect.poll(() => activityCount(a), { timeout: 20_000 }).toBe(4);
      await expect.poll(() => activityCount(b), { timeout: 20_000 }).toBe(4);
      const listA = await a.getByTestId('activity-list').innerText();
      const listB = await b.getByTestId('activity-list').innerText();
      expect(listA).toBe(listB);
      expect(listA).toContain(' mi');
      await Promise.all([ca.close(), cb.close()]);
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );
});
