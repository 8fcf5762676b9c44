import { useEffect, useState } from 'react';
import { apiFetch } from '../lib/api.ts';
import type { HeatSuggestion, WeatherNote } from '../lib/weather.ts';
import { readLocalMeta, useData, writeLocalMeta } from './data.ts';
import { useSession } from './session.ts';

/** Today's weather note as last answered by the server, kept on this device for a reload offline. */
interface Kept {
  userId: string;
  date: string;
  /** `lat,lon` it was asked for: a changed or forgotten place drops it. */
  place: string;
  note: WeatherNote;
  fetchedAt: number;
}

export interface TodayWeather {
  note: WeatherNote;
  /** Kept from an earlier answer (this device is offline or the server did not answer now). */
  fromEarlier: boolean;
  fetchedAt: number;
}

const KEY = 'web.weatherNote';
// The server's forecast cache is 10 minutes: asking more often brings nothing new.
const REFRESH_MS = 10 * 60_000;
const TIMEOUT_MS = 15_000;

let memory: (Kept & { fresh: boolean }) | null = null;
let asked: { key: string; at: number } | null = null;

const matches = (k: Kept | null | undefined, userId: string, date: string, place: string) =>
  !!k && k.userId === userId && k.date === date && k.place === place;

function shown(k: (Kept & { fresh: boolean }) | null, workoutId: string | null): TodayWeather | null {
  if (!k || !workoutId || k.note.workoutId !== workoutId) return null;
  return { note: k.note, fromEarlier: !k.fresh, fetchedAt: k.fetchedAt };
}

/**
 * The pre-run weather of today's run (`workoutId`), from `GET /dashboard/today` when online and the runner set
 * a place: never blocks the first render (asked after it, kept in memory and IndexedDB for the day), and
 * nothing at all when offline with nothing kept, without a place, or when the server has no weather.
 */
export function useTodayWeather(today: string, workoutId: string | null): TodayWeather | null {
  const userId = useSession((s) => s.session?.userId ?? null);
  const location = useSession((s) => s.session?.user.settings.location);
  const online = useData((s) => s.online);
  const place = location ? `${location.lat},${location.lon}` : null;
  const initial = userId && place && matches(memory, userId, today, place) ? shown(memory, workoutId) : null;
  const [weather, setWeather] = useState<TodayWeather | null>(initial);

  useEffect(() => {
    if (!userId || !place || !workoutId) {
      setWeather(null);
      return;
    }
    let live = true;
    const controller = new AbortController();
    const show = (k: (Kept & { fresh: boolean }) | null) => live && setWeather(shown(k, workoutId));
    void (async () => {
      if (!matches(memory, userId, today, place)) {
        // A reload: what this device kept today, shown as from earlier until the server answers.
        const kept = await readLocalMeta<Kept>(KEY).catch(() => undefined);
        memory = kept && matches(kept, userId, today, place) ? { ...kept, fresh: false } : null;
      }
      show(memory);
      const key = `${userId}|${today}|${place}|${workoutId}`;
      if (!online || (asked?.key === key && Date.now() - asked.at < REFRESH_MS)) return;
      asked = { key, at: Date.now() };
      const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
      try {
        const token = await useSession.getState().accessToken();
        const res = await apiFetch<{ date?: string; weather?: WeatherNote | null }>('/dashboard/today', {
          token,
          signal: controller.signal,
        });
        if (res.date && res.date !== today) return;
        if (!res.weather) {
          // The server has no weather for today (no forecast, no run): nothing to show, nothing to keep.
          memory = null;
          await writeLocalMeta(KEY, null);
        } else {
          const next: Kept = { userId, date: today, place, note: res.weather, fetchedAt: Date.now() };
          memory = { ...next, fresh: true };
          await writeLocalMeta(KEY, next);
        }
        show(memory);
      } catch {
        // Offline, server down, timed out: what was kept (if anything) stays as it is.
        asked = null;
      } finally {
        clearTimeout(timer);
      }
    })();
    return () => {
      live = false;
      controller.abort();
    };
  }, [userId, place, today, workoutId, online]);

  return weather;
}

/** The place was forgotten: what this device kept about its weather goes too. */
export async function forgetKeptWeather(): Promise<void> {
  memory = null;
  asked = null;
  forecast = null;
  await writeLocalMeta(KEY, null);
}

let forecast: { key: string; at: number; suggestions: HeatSuggestion[] } | null = null;

/**
 * The coming week's heat suggestions for the plan (`GET /weather/forecast` at the runner's place), when online;
 * none offline, without a place, or when the server has no forecast. Kept in memory for 10 minutes.
 */
export function useHeatSuggestions(today: string): HeatSuggestion[] {
  const location = useSession((s) => s.session?.user.settings.location);
  const online = useData((s) => s.online);
  const key = location ? `${today}|${location.lat},${location.lon}` : null;
  const [suggestions, setSuggestions] = useState<HeatSuggestion[]>(
    key && forecast?.key === key ? forecast.suggestions : [],
  );

  useEffect(() => {
    if (!location || !key) {
      setSuggestions([]);
      return;
    }
    if (forecast?.key === key && Date.now() - forecast.at < REFRESH_MS) {
      setSuggestions(forecast.suggestions);
      return;
    }
    if (!online) return;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    void useSession
      .getState()
      .accessToken()
      .then((token) =>
        apiFetch<{ suggestions?: HeatSuggestion[] }>(
          `/weather/forecast?lat=${location.lat}&lon=${location.lon}`,
          { token, signal: controller.signal },
        ),
      )
      .then((res) => {
        forecast = { key, at: Date.now(), suggestions: res.suggestions ?? [] };
        setSuggestions(forecast.suggestions);
      })
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, location, online]);

  return suggestions;
}
