import { Bell, ClipboardCheck, Droplets, MessageSquareQuote, Moon, Thermometer } from 'lucide-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../components/app-shell.tsx';
import { LogWorkoutForm } from '../components/log-workout.tsx';
import { ReadinessLight } from '../components/readiness-light.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardTitle } from '../components/ui/card.tsx';
import { WorkoutDetail } from '../components/workout-card.tsx';
import { coachNote } from '../lib/coach-note.ts';
import { formatLongDay, localToday } from '../lib/dates.ts';
import { Link } from '../lib/router.tsx';
import { distance, duration, type Units } from '../lib/units.ts';
import { fluidsPerHour, temperature, weatherAdvice } from '../lib/weather.ts';
import { useData } from '../state/data.ts';
import { useLoadSeries, useReadiness, useTodayWorkout, useUnits } from '../state/selectors.ts';
import { useSession } from '../state/session.ts';
import { type TodayWeather, useTodayWeather } from '../state/weather.ts';

function greeting(): string {
  const h = new Date().getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

export function TodayScreen() {
  const today = localToday();
  const name = useSession((s) => s.session?.user.name);
  const units = useUnits();
  const readiness = useReadiness(today);
  const todays = useTodayWorkout(today);
  const series = useLoadSeries(today);
  const activities = useData((s) => s.activities);
  const log = useData((s) => s.adaptationLog);
  const alerts = useData((s) => s.alerts);
  const everSynced = useData((s) => s.lastPulledAt !== null);
  const done = useMemo(() => activities.filter((a) => a.date === today), [activities, today]);
  // Open or closed by the runner only: a sync landing while they type must not swap the form away.
  const [formOpen, setFormOpen] = useState(done.length === 0);
  const load = series[series.length - 1];
  const localReason = log.find(
    (e) => e.date === today && e.changes.some((c) => c.workoutId === todays?.row.id),
  );
  const weather = useTodayWeather(today, todays && todays.workout.type !== 'rest' ? todays.row.id : null);
  const openAlerts = alerts
    .filter((a) => !a.dismissed_at && a.kind !== 'sync_conflict' && a.date >= today.slice(0, 8))
    .slice(0, 3);

  return (
    <div className="space-y-5">
      <PageHeader
        title={`${greeting()}${name ? `, ${name.split(' ')[0]}` : ''}`}
        subtitle={formatLongDay(today)}
      />
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-5 lg:col-span-3">
          <Card>
            <CardTitle>Today’s workout</CardTitle>
            <div className="mt-3">
              {todays ? (
                <WorkoutDetail
                  workout={todays.workout}
                  units={units}
                  adaptedReason={localReason ? localReason.reasons.map((r) => r.message).join(' ') : null}
                />
              ) : !everSynced ? (
                <p className="text-slate-600" role="status">
                  Bringing your plan to this device…
                </p>
              ) : (
                <div className="flex items-center gap-3 text-slate-600">
                  <Moon className="size-6" aria-hidden />
                  <p>Nothing planned today — a rest day. Recovery is training too.</p>
                </div>
              )}
            </div>
          </Card>
          <Card>
            <CardTitle>{done.length ? 'Done today' : 'Log your workout'}</CardTitle>
            <div className="mt-3 space-y-3">
              {done.map((a) => (
                <Link
                  key={a.id}
                  href={`/activities/${encodeURIComponent(a.id)}`}
                  className="flex items-center justify-between rounded-xl bg-emerald-50 px-3 py-2 text-sm"
                  data-testid="done-today"
                >
                  <span className="font-semibold text-emerald-900">{a.type.replace('_', ' ')}</span>
                  <span className="text-emerald-900">
                    {distance(a.distance_meters, units)} · {duration(a.duration_sec)}
                    {a.rpe != null && ` · RPE ${a.rpe}`}
                  </span>
                </Link>
              ))}
              {!formOpen && (
                <Button variant="outline" size="sm" onClick={() => setFormOpen(true)}>
                  Log another workout
                </Button>
              )}
              {formOpen && (
                <LogWorkoutForm
                  onDone={() => setFormOpen(false)}
                  units={units}
                  workoutId={todays && todays.workout.type !== 'rest' ? todays.row.id : undefined}
                  defaultMinutes={
                    todays?.workout.targetDurationSec
                      ? Math.round(todays.workout.targetDurationSec / 60)
                      : undefined
                  }
                />
              )}
            </div>
          </Card>
        </div>
        <div className="order-first space-y-5 lg:order-none lg:col-span-2">
          {readiness ? (
            <div className="space-y-2">
              <ReadinessLight readiness={readiness} />
              <Button asChild variant="ghost" size="sm">
                <Link href="/checkin">Edit check-in</Link>
              </Button>
            </div>
          ) : (
            <Card className="bg-slate-900 text-white">
              <ClipboardCheck className="size-7 text-emerald-400" aria-hidden />
              <p className="mt-3 text-lg font-bold">How did you wake up?</p>
              <p className="mt-1 text-sm text-slate-300">
                HRV, resting heart rate, sleep and how you feel — the plan adapts to your answer.
              </p>
              <Button asChild variant="brand" className="mt-4">
                <Link href="/checkin">Morning check-in</Link>
              </Button>
            </Card>
          )}
          <Card>
            <CardTitle className="flex items-center gap-2">
              <MessageSquareQuote className="size-4" aria-hidden /> Coach’s note
            </CardTitle>
            <p className="mt-3 text-sm leading-relaxed text-slate-700" data-testid="coach-note">
              {coachNote(readiness, todays?.workout ?? null, load)}
            </p>
            {weather && <WeatherAdvice weather={weather} units={units} />}
          </Card>
          {load && (
            <Card>
              <CardTitle>Training load</CardTitle>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
                <Stat label="Fitness" value={load.chronic.toFixed(0)} />
                <Stat label="Fatigue" value={load.acute.toFixed(0)} />
                <Stat label="ACWR" value={load.acwr != null ? load.acwr.toFixed(2) : '—'} />
              </dl>
            </Card>
          )}
          {openAlerts.map((a) => (
            <Card key={a.id} className="flex gap-3 border-amber-200 bg-amber-50">
              <Bell className="size-5 shrink-0 text-amber-700" aria-hidden />
              <div>
                <p className="font-semibold text-amber-900">{a.title}</p>
                <p className="text-sm text-amber-900/80">{a.body}</p>
              </div>
            </Card>
          ))}
        </div>
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl bg-slate-50 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-bold text-slate-900">{value}</dd>
    </div>
  );
}

/** The pre-run weather of today's run, under the coach's note (from the server; kept for the day). */
function WeatherAdvice({ weather, units }: { weather: TodayWeather; units: Units }) {
  const { note } = weather;
  const advice = weatherAdvice(note.message);
  const at = new Date(weather.fetchedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <section
      aria-label="Weather for your run"
      data-testid="weather-note"
      data-stale={note.stale || weather.fromEarlier}
      className="mt-4 rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <p className="flex items-center gap-1.5 font-semibold">
          <Thermometer className="size-4 text-amber-700" aria-hidden />
          <span>
            Feels like <span data-testid="feels-like">{temperature(note.feelsLikeC, units)}</span>
          </span>
        </p>
        <p className="flex items-center gap-1.5">
          <Droplets className="size-4 text-sky-700" aria-hidden />
          <span>
            Drink <span data-testid="fluids">{fluidsPerHour(note.fluids, units)}</span>
          </span>
        </p>
      </div>
      {advice && <p className="mt-2 leading-relaxed">{advice}</p>}
      {(note.stale || weather.fromEarlier) && (
        <p className="mt-2 text-xs text-amber-800" data-testid="weather-age">
          {note.stale ? 'From the last forecast' : 'From earlier today'}
          {weather.fromEarlier && `, as of ${at}`}.
        </p>
      )}
    </section>
  );
}
