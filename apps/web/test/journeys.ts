import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext } from './harness.ts';

export const PASSWORD = 'correct horse battery';
export const uniqueEmail = () => `web-${randomUUID().slice(0, 8)}@example.com`;

/** Waits until the sync indicator says synced with nothing pending. */
export async function waitSynced(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.waitForSelector('[data-testid="sync-indicator"][data-state="synced"][data-pending="0"]', {
      timeout,
    });
  } catch (err) {
    // Say where it stuck (failed and retrying? pending changes? signed out?), not only that it timed out.
    const seen = await page
      .evaluate<string>(
        `(() => {
          const el = document.querySelector('[data-testid="sync-indicator"]');
          if (!el) return location.pathname + ': no sync indicator';
          return location.pathname + ': state=' + el.getAttribute('data-state') + ' pending=' +
            el.getAttribute('data-pending') + ' "' + el.textContent + '"';
        })()`,
      )
      .catch(() => 'the page is gone');
    throw new Error(`not synced within ${timeout} ms (${seen})`, { cause: err });
  }
}

export async function signUp(page: Page, base: string, email: string): Promise<void> {
  await page.goto(base + '/');
  await page.waitForURL('**/signin');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill('Ada Runner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/onboarding');
}

/**
 * The wizard with every day available (or, with `everyDay: false`, its default days and today) and today as
 * the long-run day, so today has a run whatever the weekday (the engine drops easy days from a short first
 * week, never the long run).
 */
export async function onboard(
  page: Page,
  shoot?: (name: string) => Promise<void>,
  { everyDay = true } = {},
): Promise<void> {
  await page.getByLabel('Resting heart rate (optional)').fill('52');
  await page.getByLabel('Max heart rate (optional)').fill('188');
  await shoot?.('onboarding');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Race name (optional)').fill('City Half');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Its finish time (optional)').fill('48:30');
  await page.getByRole('button', { name: 'Continue' }).click();
  const today = await page.evaluate(
    () => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date().getDay()]!,
  );
  for (const day of everyDay ? ['Mon', 'Wed', 'Fri', today] : [today])
    await page.getByLabel(`Run on ${day}`).check({ force: true });
  await page.getByLabel('Long run day').selectOption(today.toLowerCase());
  await page.getByRole('button', { name: 'Build my plan' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('workout').waitFor({ timeout: 30_000 });
}

export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(base + '/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

/**
 * Picks a scale's visually hidden radio by a click event on it: a forced click goes to its coordinates, which a
 * sync landing meanwhile (a list above growing) can move.
 */
async function choose(radio: Locator): Promise<void> {
  await radio.dispatchEvent('click');
  expect(await radio.isChecked()).toBe(true);
}

export async function checkIn(page: Page, values: Record<string, string | number>): Promise<void> {
  await page
    .getByRole('link', { name: /check-in/i })
    .first()
    .click();
  await page.waitForURL('**/checkin');
  for (const [label, v] of Object.entries(values)) {
    if (typeof v === 'number') await choose(page.getByLabel(`${label} ${v}`, { exact: true }));
    else await page.getByLabel(label).fill(v);
  }
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

export async function logWorkout(
  page: Page,
  w: { type?: string; minutes: string; distance: string; rpe: number; feeling: number; notes: string },
) {
  const another = page.getByRole('button', { name: 'Log another workout' });
  if (await another.isVisible()) await another.click();
  const form = page.getByRole('form', { name: 'Log workout' });
  if (w.type) await form.getByLabel('Activity').selectOption(w.type);
  await form.getByLabel('Duration (min)').fill(w.minutes);
  await form.getByLabel(/Distance/).fill(w.distance);
  await choose(form.getByLabel(`Effort (RPE) ${w.rpe}`, { exact: true }));
  await choose(form.getByLabel(`How did it feel? ${w.feeling}`, { exact: true }));
  await form.getByLabel('Notes').fill(w.notes);
  await form.getByRole('button', { name: 'Save workout' }).click();
  // Saved (and counted as pending) when the form closes: a waitSynced after this waits for the push.
  await form.waitFor({ state: 'detached' });
}

/** The activities this device holds, as the list shows them. */
export async function activityCount(page: Page): Promise<number> {
  await page.getByRole('link', { name: 'Activities' }).first().click();
  await page.waitForURL('**/activities');
  return page.locator('[data-testid="activity-list"] li').count();
}

/** Uncaught page errors, collected so a test can assert there were none. */
export const pageErrors: string[] = [];

export async function openContextPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

export function expectDefined<T>(v: T | undefined | null): T {
  expect(v).toBeDefined();
  expect(v).not.toBeNull();
  return v as T;
}

/** A runner just through sign-up and onboarding, synced, in a context of their own. */
export async function newRunner(
  browser: Browser,
  base: string,
  opts: { everyDay?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await newContext(browser);
  const page = await openContextPage(context);
  const email = uniqueEmail();
  await signUp(page, base, email);
  await onboard(page, undefined, opts);
  await waitSynced(page);
  return { context, page, email };
}

export async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.waitForURL('**/settings');
}
