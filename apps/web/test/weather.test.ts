import { type OpenWeatherSimulator, startOpenWeatherSimulator } from '@runningcoach/integrations/simulators';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../../server/test/helpers/backends.ts';
import { todayUtc } from '../../server/test/helpers/domain.ts';
import { api, login, newContext, screenshot, SCREENSHOTS, useWebSuite } from './harness.ts';
import {
  newRunner,
  openContextPage,
  openSettings,
  PASSWORD,
  pageErrors,
  signIn,
  waitSynced,
} from './journeys.ts';

const HOT = { morn: 28, day: 34, eve: 31, night: 26, dewPoint: 22, humidity: 50 };
const OWM_KEY = 'owm-web-key';

async function setLocation(page: Page, lat: string, lon: string): Promise<void> {
  await openSettings(page);
  await page.getByLabel('Latitude').fill(lat);
  await page.getByLabel('Longitude').fill(lon);
  await page.getByRole('button', { name: 'Save location' }).click();
  await expect.poll(() => page.getByTestId('location-message').innerText()).toMatch(/^Saved: /);
}

async function openToday(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Today' }).first().click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('coach-note').waitFor();
}

/** Issue 6: the pre-run coach's note with feels-like and hydration, from the server's weather at the runner's place. */
describe.each(['pglite', 'postgres'] as const)('weather on Today on %s', (backend) => {
  let owm: OpenWeatherSimulator;
  beforeAll(async () => {
    owm = await startOpenWeatherSimulator({ today: todayUtc(), apiKey: OWM_KEY });
  });
  afterAll(() => owm?.close());
  const s = useWebSuite(backend, () => ({ OPENWEATHER_URL: owm.url, OPENWEATHER_API_KEY: OWM_KEY }));
  const shots = backend === 'pglite';

  it.skipIf(skipBackend(backend))(
    'a location set in Settings and a hot forecast: Today gives feels-like and what to drink, °F in miles, kept for a reload offline',
    async () => {
      owm.setWeather(() => HOT);
      const { context, page, email } = await newRunner(s.browser, s.web.url);
      await expect(page.getByTestId('weather-note').count()).resolves.toBe(0);

      await setLocation(page, '38.7169', ' -9,1397');
      expect(await page.getByTestId('saved-location').innerText()).toBe('Saved: 38.72° N, 9.14° W');
      // Rounded to ~1 km before it leaves the device.
      const me = await api<{ settings: { location?: unknown } }>(
        s.web.url,
        '/me',
        await login(s.web.url, email, PASSWORD),
      );
      expect(me.settings.location).toEqual({ lat: 38.72, lon: -9.14 });
      if (shots) await screenshot(page, 'settings-weather-location');

      await openToday(page);
      const note = page.getByTestId('weather-note');
      await note.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('feels-like').innerText()).toBe('34 °C');
      expect(await page.getByTestId('fluids').innerText()).toMatch(
        /^600–800 ml per hour( with \d+–\d+ mg sodium)?$/,
      );
      expect(await note.innerText()).toMatch(/^Feels like 34 °C\s+Drink 600–800 ml per hour/);
      expect(await note.innerText()).toMatch(/Hot and humid|Very hot|Dangerous heat/);
      expect(await note.getAttribute('data-stale')).toBe('false');
      if (shots) await screenshot(page, 'today-weather');

      // Miles: °F and fluid ounces.
      await openSettings(page);
      await page.getByRole('radio', { name: 'Miles' }).click();
      await openToday(page);
      await expect.poll(() => page.getByTestId('feels-like').innerText()).toBe('93 °F');
      expect(await page.getByTestId('fluids').innerText()).toMatch(/^20–27 fl oz per hour/);
      if (shots) await screenshot(page, 'today-weather-miles');

      // The Plan screen: the week's hot long or hard sessions, what to do about them, in °F.
      await page.getByRole('link', { name: 'Plan' }).first().click();
      const heat = page.getByTestId('heat-suggestions');
      await heat.waitFor({ timeout: 20_000 });
      const advice = await heat.innerText();
      expect(advice).toMatch(/Run it early|Swap with|Shorten to \d+\.\d mi/);
      expect(advice).toMatch(/\d+ °F/);
      expect(advice).not.toMatch(/°C|\d km/);
      // The whole plan is months long: the card alone.
      if (shots) await heat.screenshot({ path: join(SCREENSHOTS, 'plan-heat-card.png') });
      await openToday(page);
      await waitSynced(page);

      // A reload with no network the same day: the last answer, marked as from earlier.
      await page.waitForFunction('navigator.serviceWorker?.controller != null', null, { timeout: 30_000 });
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('weather-note').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('weather-age').innerText()).toMatch(/^From earlier today, as of /);
      expect(await page.getByTestId('feels-like').innerText()).toBe('93 °F');
      // Settings says the location waits for a connection.
      await openSettings(page);
      await page.getByTestId('location-offline').waitFor();
      expect(await page.getByRole('button', { name: 'Save location' }).isDisabled()).toBe(true);
      await context.setOffline(false);
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );

  it.skipIf(skipBackend(backend))(
    'the current position, then OpenWeather down with nothing cached: Today shows no weather and no error',
    async () => {
      const { context, email } = await newRunner(s.browser, s.web.url);
      await context.close();
      // Geolocation refused: the runner is told and can type the place instead.
      const denied = await newContext(s.browser);
      const page = await openContextPage(denied);
      await signIn(page, s.web.url, email);
      await openSettings(page);
      await page.getByRole('button', { name: 'Use my current location' }).click();
      await expect
        .poll(() => page.getByRole('alert').innerText())
        .toMatch(/permission was denied.*type the coordinates/);
      await denied.close();

      const allowed = await s.browser.newContext({
        viewport: { width: 1440, height: 900 },
        permissions: ['geolocation'],
        geolocation: { latitude: -33.868_82, longitude: 151.209_29 },
      });
      const p2 = await openContextPage(allowed);
      await signIn(p2, s.web.url, email);
      await waitSynced(p2);
      owm.outage = '503';
      try {
        await openSettings(p2);
        await p2.getByRole('button', { name: 'Use my current location' }).click();
        await expect
          .poll(() => p2.getByTestId('saved-location').innerText())
          .toBe('Saved: 33.87° S, 151.21° E');
        const answered = p2.waitForResponse((r) => r.url().endsWith('/api/v1/dashboard/today'));
        await openToday(p2);
        expect((await answered).status()).toBe(200);
        await p2.waitForTimeout(300);
        expect(await p2.getByTestId('weather-note').count()).toBe(0);
        expect(await p2.getByRole('alert').count()).toBe(0);
        expect(await p2.getByTestId('coach-note').innerText()).not.toMatch(/Feels like/);
        await p2.getByRole('link', { name: 'Plan' }).first().click();
        await p2.getByTestId('plan-row').first().waitFor();
        expect(await p2.getByTestId('heat-suggestions').count()).toBe(0);
      } finally {
        owm.outage = 'none';
      }
      // Forgotten: no place on the server, none on the screen.
      await openSettings(p2);
      await p2.getByRole('button', { name: 'Forget location' }).click();
      await expect.poll(() => p2.getByTestId('saved-location').innerText()).toMatch(/^No location saved/);
      const me = await api<{ settings: { location?: unknown } }>(
        s.web.url,
        '/me',
        await login(s.web.url, email, PASSWORD),
      );
      expect(me.settings.location).toBeUndefined();
      await allowed.close();
      expect(pageErrors).toEqual([]);
    },
    240_000,
  );
});
