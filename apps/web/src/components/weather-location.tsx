import type { User } from '@runningcoach/contracts';
import { LocateFixed, MapPinOff } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, apiFetch } from '../lib/api.ts';
import { formatPlace, parseCoordinate, type Place, roundCoordinate } from '../lib/weather.ts';
import { useData } from '../state/data.ts';
import { useSession } from '../state/session.ts';
import { forgetKeptWeather } from '../state/weather.ts';
import { Button } from './ui/button.tsx';
import { Card, CardTitle } from './ui/card.tsx';
import { Input } from './ui/field.tsx';

type Message = { tone: 'ok' | 'error'; text: string } | null;

const GEO_ERRORS: Record<number, string> = {
  1: 'Location permission was denied. Allow it for this site in your browser, or type the coordinates below.',
  2: 'Your position is unavailable right now. Type the coordinates below instead.',
  3: 'Finding your position took too long. Try again, or type the coordinates below.',
};

function currentPosition(): Promise<Place> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('This browser cannot share its location. Type the coordinates below instead.'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: roundCoordinate(p.coords.latitude), lon: roundCoordinate(p.coords.longitude) }),
      (err) => reject(new Error(GEO_ERRORS[err.code] ?? GEO_ERRORS[2])),
      { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: 15_000 },
    );
  });
}

/**
 * Settings: where the runner usually runs, for the pre-run weather advice. Stored on the server (`PATCH /me`,
 * not a synced record), so it needs a connection: offline the section says so and its buttons wait.
 */
export function WeatherLocation() {
  const location = useSession((s) => s.session?.user.settings.location);
  const online = useData((s) => s.online);
  const [lat, setLat] = useState(location ? String(location.lat) : '');
  const [lon, setLon] = useState(location ? String(location.lon) : '');
  const [busy, setBusy] = useState<'locate' | 'save' | 'forget' | null>(null);
  const [message, setMessage] = useState<Message>(null);

  // Set on another device? The profile on this one may be older.
  useEffect(() => {
    if (!navigator.onLine) return;
    void useSession
      .getState()
      .accessToken()
      .then((token) => apiFetch<User>('/me', { token }))
      .then((me) => {
        useSession.getState().setUser(me);
        const l = me.settings.location;
        setLat((v) => v || (l ? String(l.lat) : ''));
        setLon((v) => v || (l ? String(l.lon) : ''));
      })
      .catch(() => undefined);
  }, []);

  async function save(next: Place | null, kind: 'locate' | 'save' | 'forget') {
    const token = await useSession.getState().accessToken();
    const me = await apiFetch<User>('/me', {
      method: 'PATCH',
      body: { settings: { location: next } },
      token,
    });
    useSession.getState().setUser(me);
    setMessage({
      tone: 'ok',
      text: next
        ? `Saved${kind === 'locate' ? ' your current location' : ''}: ${formatPlace(next)}.`
        : 'Location forgotten: no more weather advice.',
    });
  }

  async function run(kind: 'locate' | 'save' | 'forget', fn: () => Promise<void>) {
    setBusy(kind);
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      const text =
        err instanceof ApiError && err.status === 0
          ? 'Saving your location needs a connection. Try again when you are online.'
          : (err as Error).message;
      setMessage({ tone: 'error', text });
    } finally {
      setBusy(null);
    }
  }

  const locate = () =>
    run('locate', async () => {
      const here = await currentPosition();
      setLat(String(here.lat));
      setLon(String(here.lon));
      await save(here, 'locate');
    });

  const saveTyped = (e: FormEvent) => {
    e.preventDefault();
    const a = parseCoordinate(lat, 'lat');
    const b = parseCoordinate(lon, 'lon');
    if (a.error !== undefined || b.error !== undefined) {
      setMessage({ tone: 'error', text: [a.error, b.error].filter(Boolean).join(' ') });
      return;
    }
    setLat(String(a.value));
    setLon(String(b.value));
    void run('save', () => save({ lat: a.value, lon: b.value }, 'save'));
  };

  const forget = () =>
    run('forget', async () => {
      await save(null, 'forget');
      await forgetKeptWeather();
      setLat('');
      setLon('');
    });

  const disabled = !online || busy !== null;
  return (
    <Card>
      <CardTitle id="weather-location-title">Weather location</CardTitle>
      <p className="mt-2 text-sm text-slate-600">
        Used only for the weather advice before your runs (feels-like, what to drink), rounded to about 1 km.
      </p>
      <p className="mt-2 text-sm font-medium text-slate-800" data-testid="saved-location">
        {location ? `Saved: ${formatPlace(location)}` : 'No location saved: no weather advice.'}
      </p>
      {!online && (
        <p className="mt-2 text-sm text-amber-800" data-testid="location-offline">
          You are offline: the location is kept on the server, so changing it waits for a connection.
        </p>
      )}
      <form
        onSubmit={saveTyped}
        aria-labelledby="weather-location-title"
        className="mt-3 flex flex-wrap items-end gap-3"
      >
        {(
          [
            ['Latitude', lat, setLat, '38.72'],
            ['Longitude', lon, setLon, '-9.14'],
          ] as const
        ).map(([label, value, set, example]) => (
          <Input
            key={label}
            label={label}
            inputMode="decimal"
            placeholder={example}
            value={value}
            onChange={(e) => set(e.target.value)}
            className="w-32"
          />
        ))}
        <Button type="submit" disabled={disabled}>
          {busy === 'save' ? 'Saving…' : 'Save location'}
        </Button>
      </form>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="outline" onClick={() => void locate()} disabled={disabled}>
          <LocateFixed className="size-4" aria-hidden />
          {busy === 'locate' ? 'Finding you…' : 'Use my current location'}
        </Button>
        {location && (
          <Button variant="ghost" onClick={() => void forget()} disabled={disabled}>
            <MapPinOff className="size-4" aria-hidden />{' '}
            {busy === 'forget' ? 'Forgetting…' : 'Forget location'}
          </Button>
        )}
      </div>
      <p
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid="location-message"
        className={message?.tone === 'error' ? 'mt-2 text-sm text-red-700' : 'mt-2 text-sm text-emerald-800'}
      >
        {message?.text}
      </p>
    </Card>
  );
}
