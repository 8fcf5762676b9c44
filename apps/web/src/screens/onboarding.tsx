import { addDays } from '@runningcoach/engine';
import { Check, Search } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Logo } from '../components/app-shell.tsx';
import { Button } from '../components/ui/button.tsx';
import { Input, Select } from '../components/ui/field.tsx';
import { apiFetch } from '../lib/api.ts';
import { cn } from '../lib/cn.ts';
import { localToday } from '../lib/dates.ts';
import { navigate } from '../lib/router.tsx';
import { toMeters } from '../lib/units.ts';
import { useData } from '../state/data.ts';
import { useSession } from '../state/session.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_LABEL: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
const DISTANCES = [
  { label: '5K', meters: 5000 },
  { label: '10K', meters: 10000 },
  { label: 'Half marathon', meters: 21097.5 },
  { label: 'Marathon', meters: 42195 },
];
const STEPS = ['Profile', 'Goal race', 'Fitness', 'Availability'];

interface RaceHit {
  id: string;
  name: string;
  date: string;
  distanceMeters: number;
  location?: string;
}

/** "1:45:00" or "45:00" → seconds (null when it does not parse). */
function parseClock(text: string): number | null {
  const parts = text.trim().split(':').map(Number);
  if (!parts.length || parts.some((p) => !Number.isFinite(p) || p < 0)) return null;
  return parts.reduce((acc, p) => acc * 60 + p, 0) || null;
}

export function OnboardingScreen() {
  const session = useSession((s) => s.session)!;
  const units = session.user.settings.units;
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [f, setF] = useState({
    birthDate: '1990-01-01',
    sex: 'female',
    weightKg: '62',
    heightCm: '168',
    restingHr: '',
    maxHr: '',
    raceName: '',
    raceDate: addDays(localToday(), 16 * 7),
    raceDistance: '21097.5',
    targetTime: '',
    recentDistance: '10000',
    recentTime: '',
    recentDate: addDays(localToday(), -21),
    weekly: '30',
    longest: '14',
    runDays: ['tue', 'thu', 'sat', 'sun'] as string[],
    longRunDay: 'sun',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const [query, setQuery] = useState('');
  const [races, setRaces] = useState<RaceHit[] | null>(null);
  const [raceSearch, setRaceSearch] = useState<'idle' | 'unavailable'>('idle');

  async function searchRaces() {
    try {
      const token = await useSession.getState().accessToken();
      const r = await apiFetch<{ races?: RaceHit[] } | RaceHit[]>(
        `/races?query=${encodeURIComponent(query)}`,
        { token },
      );
      setRaces(Array.isArray(r) ? r : (r.races ?? []));
    } catch {
      // Race search is optional (another server module): without it the runner types the race in.
      setRaceSearch('unavailable');
    }
  }

  function toggleDay(d: string) {
    const runDays = f.runDays.includes(d) ? f.runDays.filter((x) => x !== d) : [...f.runDays, d];
    setF({
      ...f,
      runDays,
      longRunDay: runDays.includes(f.longRunDay) ? f.longRunDay : (runDays[runDays.length - 1] ?? 'sun'),
    });
  }

  async function finish() {
    setBusy(true);
    setError(null);
    const recentTime = parseClock(f.recentTime);
    const targetTime = parseClock(f.targetTime);
    const body = {
      profile: {
        birthDate: f.birthDate,
        sex: f.sex,
        weightKg: Number(f.weightKg),
        heightCm: Number(f.heightCm),
        ...(f.restingHr && { restingHr: Number(f.restingHr) }),
        ...(f.maxHr && { maxHr: Number(f.maxHr) }),
      },
      goal: {
        raceDate: f.raceDate,
        distanceMeters: Number(f.raceDistance),
        ...(f.raceName && { name: f.raceName }),
        ...(targetTime && { targetTimeSec: targetTime }),
      },
      fitness: {
        ...(recentTime && {
          recentRace: { distanceMeters: Number(f.recentDistance), timeSec: recentTime, date: f.recentDate },
        }),
        ...(f.weekly && { weeklyDistanceMeters: toMeters(Number(f.weekly), units) }),
        ...(f.longest && { longestRecentRunMeters: toMeters(Number(f.longest), units) }),
      },
      availability: { runDays: DAYS.filter((d) => f.runDays.includes(d)), longRunDay: f.longRunDay },
    };
    try {
      const token = await useSession.getState().accessToken();
      await apiFetch('/onboarding', { body, token });
      const me = await apiFetch<typeof session.user>('/me', { token }).catch(() => null);
      if (me) useSession.getState().setUser(me);
      await useData.getState().syncNow();
      navigate('/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function next(e: FormEvent) {
    e.preventDefault();
    if (step < STEPS.length - 1) setStep(step + 1);
    else void finish();
  }

  let body: ReactNode;
  if (step === 0)
    body = (
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Birth date" type="date" required value={f.birthDate} onChange={set('birthDate')} />
        <Select label="Sex" value={f.sex} onChange={set('sex')} hint="Used for heart-rate load (TRIMP).">
          <option value="female">Female</option>
          <option value="male">Male</option>
        </Select>
        <Input
          label="Weight (kg)"
          type="number"
          inputMode="decimal"
          min={25}
          max={250}
          required
          value={f.weightKg}
          onChange={set('weightKg')}
        />
        <Input
          label="Height (cm)"
          type="number"
          inputMode="decimal"
          min={100}
          max={250}
          required
          value={f.heightCm}
          onChange={set('heightCm')}
        />
        <Input
          label="Resting heart rate (optional)"
          type="number"
          min={25}
          max={120}
          value={f.restingHr}
          onChange={set('restingHr')}
        />
        <Input
          label="Max heart rate (optional)"
          type="number"
          min={120}
          max={230}
          value={f.maxHr}
          onChange={set('maxHr')}
        />
      </div>
    );
  else if (step === 1)
    body = (
      <div className="space-y-4">
        <div className="rounded-xl bg-slate-50 p-3">
          <div role="search" className="flex items-end gap-2">
            <Input
              className="flex-1"
              label="Find your race"
              placeholder="City or race name"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                // Inside the wizard's form: Enter searches instead of going to the next step.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void searchRaces();
                }
              }}
            />
            <Button variant="outline" aria-label="Search races" onClick={() => void searchRaces()}>
              <Search className="size-4" aria-hidden /> Search
            </Button>
          </div>
          {raceSearch === 'unavailable' && (
            <p className="mt-2 text-sm text-slate-600">
              Race search isn’t available on this server — enter your race below.
            </p>
          )}
          {races && races.length === 0 && (
            <p className="mt-2 text-sm text-slate-600">No races found. Enter yours below.</p>
          )}
          {races && races.length > 0 && (
            <ul className="mt-2 divide-y divide-slate-200">
              {races.slice(0, 6).map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className="w-full py-2 text-left text-sm hover:text-emerald-700"
                    onClick={() =>
                      setF({
                        ...f,
                        raceName: r.name,
                        raceDate: r.date.slice(0, 10),
                        raceDistance: String(r.distanceMeters),
                      })
                    }
                  >
                    <span className="font-medium">{r.name}</span> · {r.date.slice(0, 10)}{' '}
                    {r.location && `· ${r.location}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="Race name (optional)"
            value={f.raceName}
            onChange={set('raceName')}
            placeholder="City Half Marathon"
          />
          <Input
            label="Race date"
            type="date"
            required
            min={addDays(localToday(), 21)}
            value={f.raceDate}
            onChange={set('raceDate')}
          />
          <Select label="Distance" value={f.raceDistance} onChange={set('raceDistance')}>
            {DISTANCES.map((d) => (
              <option key={d.meters} value={d.meters}>
                {d.label}
              </option>
            ))}
          </Select>
          <Input
            label="Target time (optional)"
            placeholder="1:45:00"
            pattern="\d{1,2}(:\d{2}){1,2}"
            value={f.targetTime}
            onChange={set('targetTime')}
          />
        </div>
      </div>
    );
  else if (step === 2)
    body = (
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label="A recent race distance" value={f.recentDistance} onChange={set('recentDistance')}>
          {DISTANCES.map((d) => (
            <option key={d.meters} value={d.meters}>
              {d.label}
            </option>
          ))}
        </Select>
        <Input
          label="Its finish time (optional)"
          placeholder="48:30"
          pattern="\d{1,2}(:\d{2}){1,2}"
          value={f.recentTime}
          onChange={set('recentTime')}
          hint="Sets your training paces."
        />
        <Input
          label="Race date"
          type="date"
          max={localToday()}
          value={f.recentDate}
          onChange={set('recentDate')}
        />
        <Input
          label={`Weekly distance lately (${units})`}
          type="number"
          min={0}
          value={f.weekly}
          onChange={set('weekly')}
        />
        <Input
          label={`Longest recent run (${units})`}
          type="number"
          min={0}
          value={f.longest}
          onChange={set('longest')}
        />
      </div>
    );
  else
    body = (
      <div className="space-y-5">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Days you can run</legend>
          <div className="grid grid-cols-7 gap-1">
            {DAYS.map((d) => (
              <label
                key={d}
                className={cn(
                  'flex h-12 cursor-pointer items-center justify-center rounded-xl border text-sm font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-emerald-600',
                  f.runDays.includes(d)
                    ? 'border-slate-900 bg-slate-900 text-white'
                    : 'border-slate-300 bg-white',
                )}
              >
                <input
                  type="checkbox"
                  className="sr-only"
                  checked={f.runDays.includes(d)}
                  onChange={() => toggleDay(d)}
                  aria-label={`Run on ${DAY_LABEL[d]}`}
                />
                {DAY_LABEL[d]}
              </label>
            ))}
          </div>
        </fieldset>
        <Select label="Long run day" value={f.longRunDay} onChange={set('longRunDay')}>
          {f.runDays.map((d) => (
            <option key={d} value={d}>
              {DAY_LABEL[d]}
            </option>
          ))}
        </Select>
      </div>
    );

  return (
    <div className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-6 px-4 py-8">
      <Logo />
      <ol className="flex gap-2" aria-label="Onboarding steps">
        {STEPS.map((s, i) => (
          <li key={s} className="flex-1" aria-current={i === step ? 'step' : undefined}>
            <div className={cn('h-1.5 rounded-full', i <= step ? 'bg-emerald-600' : 'bg-slate-200')} />
            <span
              className={cn(
                'mt-1 block text-xs',
                i === step ? 'font-semibold text-slate-900' : 'text-slate-500',
              )}
            >
              {i < step && <Check className="mr-0.5 inline size-3" aria-hidden />}
              {s}
            </span>
          </li>
        ))}
      </ol>
      <form onSubmit={next} className="space-y-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold tracking-tight">
          {
            [
              'Tell us about you',
              'What are you training for?',
              'Where is your fitness now?',
              'When can you run?',
            ][step]
          }
        </h1>
        {body}
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-between">
          <Button variant="ghost" disabled={step === 0} onClick={() => setStep(step - 1)}>
            Back
          </Button>
          <Button type="submit" variant="brand" disabled={busy || (step === 3 && f.runDays.length < 2)}>
            {step < 3 ? 'Continue' : busy ? 'Building your plan…' : 'Build my plan'}
          </Button>
        </div>
      </form>
    </div>
  );
}
