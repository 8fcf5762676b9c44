import { startOfWeek } from '@runningcoach/engine';
import { CalendarDays, History, Sun } from 'lucide-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../components/app-shell.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { MoveWorkoutForm } from '../components/move-workout.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardTitle } from '../components/ui/card.tsx';
import { planMeta, toWorkout } from '../lib/coach.ts';
import { cn } from '../lib/cn.ts';
import { formatDay, formatLongDay, localToday, timeAgo } from '../lib/dates.ts';
import { parseJson, type WorkoutRec } from '../lib/records.ts';
import { distance, type Units } from '../lib/units.ts';
import { inUnits, suggestionAction } from '../lib/weather.ts';
import { ruleLabel, TYPE_LABEL, TYPE_TONE, workoutTargets } from '../lib/workout-format.ts';
import { skipWorkout } from '../state/actions.ts';
import { useData } from '../state/data.ts';
import { useActivePlan, usePlanWorkouts, useUnits } from '../state/selectors.ts';
import { useHeatSuggestions } from '../state/weather.ts';

const PHASE_TONE: Record<string, string> = {
  base: 'bg-sky-500',
  build: 'bg-amber-500',
  peak: 'bg-red-500',
  taper: 'bg-emerald-500',
};

export function PlanScreen() {
  const plan = useActivePlan();
  const workouts = usePlanWorkouts();
  const activities = useData((s) => s.activities);
  const log = useData((s) => s.adaptationLog);
  const units = useUnits();
  const today = localToday();
  const [showPast, setShowPast] = useState(false);
  const doneDays = useMemo(() => new Set(activities.map((a) => a.date)), [activities]);
  const takenDays = useMemo(() => new Set(workouts.map((w) => w.date)), [workouts]);
  const weeks = useMemo(() => {
    const map = new Map<string, WorkoutRec[]>();
    for (const w of workouts) {
      const key = startOfWeek(w.date);
      map.set(key, [...(map.get(key) ?? []), w]);
    }
    return [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  }, [workouts]);

  if (!plan)
    return (
      <>
        <PageHeader title="Your plan" />
        <EmptyState icon={<CalendarDays className="size-10" />} title="No plan yet">
          Finish onboarding to get a plan built around your goal race. If you just did, it appears after the
          next sync.
        </EmptyState>
      </>
    );
  const meta = planMeta(plan);
  const phases = parseJson<{ name: string; startDate: string; endDate: string }[]>(plan.phases, []);
  const thisWeek = startOfWeek(today);
  const visible = showPast ? weeks : weeks.filter(([w]) => w >= thisWeek);
  const history = workouts.filter((w) => parseJson<unknown[]>(w.adaptations, []).length > 0);

  return (
    <div className="space-y-5">
      <PageHeader
        title={meta.goal?.name ?? 'Your plan'}
        subtitle={
          meta.goal
            ? `${distance(meta.goal.distanceMeters, units)} on ${formatLongDay(meta.goal.raceDate)} · plan v${plan.version}`
            : `Plan v${plan.version}`
        }
        actions={
          <Button variant="outline" size="sm" onClick={() => setShowPast(!showPast)} aria-pressed={showPast}>
            {showPast ? 'Hide past weeks' : 'Show past weeks'}
          </Button>
        }
      />
      <Card className="p-4">
        <p className="sr-only">Phases</p>
        <div className="flex h-3 overflow-hidden rounded-full" aria-hidden>
          {phases.map((p) => (
            <div
              key={p.name}
              className={cn(PHASE_TONE[p.name] ?? 'bg-slate-400')}
              style={{ flex: Math.max(1, daysBetween(p.startDate, p.endDate)) }}
            />
          ))}
        </div>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {phases.map((p) => (
            <li key={p.name} className="flex items-center gap-1.5">
              <span className={cn('size-2 rounded-full', PHASE_TONE[p.name])} aria-hidden />
              <span className="font-semibold capitalize text-slate-800">{p.name}</span>{' '}
              {formatDay(p.startDate)} – {formatDay(p.endDate)}
            </li>
          ))}
        </ul>
      </Card>
      <div className="grid gap-5 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          {visible.map(([week, rows]) => {
            const km = rows.reduce((s, w) => s + (w.target_distance_meters ?? 0), 0);
            return (
              <Card key={week} className="p-0" aria-label={`Week of ${formatDay(week)}`}>
                <div className="flex items-center justify-between border-b border-slate-100 px-4 py-3">
                  <h2 className="font-semibold text-slate-900">
                    Week of {formatDay(week)}
                    {week === thisWeek && (
                      <Badge tone="green" className="ml-2">
                        This week
                      </Badge>
                    )}
                  </h2>
                  <span className="text-sm text-slate-500">
                    {rows[0]?.phase && <span className="capitalize">{rows[0].phase} · </span>}
                    {distance(km, units, 0)}
                  </span>
                </div>
                <ul className="divide-y divide-slate-100">
                  {rows.map((w) => (
                    <PlanRow
                      key={w.id}
                      w={w}
                      units={units}
                      today={today}
                      done={doneDays.has(w.date)}
                      taken={takenDays}
                    />
                  ))}
                </ul>
              </Card>
            );
          })}
        </div>
        <div className="h-fit space-y-5">
          <HeatSuggestions today={today} units={units} workouts={workouts} />
          <Card>
            <CardTitle className="flex items-center gap-2">
              <History className="size-4" aria-hidden /> Adaptation history
            </CardTitle>
            {log.length === 0 && history.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">
                No changes yet. When a check-in, a missed session or your load changes the plan, the before
                and after appear here with the reason.
              </p>
            ) : (
              <ol className="mt-3 space-y-4" data-testid="adaptation-history">
                {log.map((e, i) => (
                  <li key={i} className="text-sm">
                    <p className="font-semibold text-slate-900">
                      {formatDay(e.date)} · after your {e.trigger}{' '}
                      <span className="font-normal text-slate-500">({timeAgo(e.at)})</span>
                    </p>
                    {e.changes.map((c, j) => (
                      <div key={j} className="mt-1 rounded-lg bg-slate-50 p-2">
                        <p className="text-xs font-semibold text-violet-800">{ruleLabel(c.rule)}</p>
                        <p className="text-slate-500 line-through">{c.before ?? '—'}</p>
                        <p className="text-slate-900">{c.after ?? 'Removed'}</p>
                      </div>
                    ))}
                    {e.reasons.map((r, j) => (
                      <p key={j} className="mt-1 text-slate-600">
                        {r.message}
                      </p>
                    ))}
                  </li>
                ))}
                {history.map((w) => (
                  <li key={w.id} className="text-sm">
                    <p className="font-semibold text-slate-900">{formatDay(w.date)}</p>
                    <p className="text-slate-600">
                      {parseJson<{ rule: string; on: string }[]>(w.adaptations, [])
                        .map((a) => `${ruleLabel(a.rule)} (on ${a.on})`)
                        .join(' · ')}
                      {' → '}
                      {w.description}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

/**
 * The coming week's hot long or hard sessions (the server's forecast at the runner's place), with what to do:
 * advice only, the plan is not changed. Nothing offline, without a place, or on a week with no heat.
 */
function HeatSuggestions({
  today,
  units,
  workouts,
}: {
  today: string;
  units: Units;
  workouts: readonly WorkoutRec[];
}) {
  const suggestions = useHeatSuggestions(today).filter((s) =>
    workouts.some((w) => w.id === s.workoutId && w.state === 'planned' && w.date === s.date),
  );
  if (!suggestions.length) return null;
  return (
    <Card className="border-amber-200" data-testid="heat-suggestions">
      <CardTitle className="flex items-center gap-2">
        <Sun className="size-4 text-amber-600" aria-hidden /> Heat this week
      </CardTitle>
      <ul className="mt-3 space-y-3">
        {suggestions.map((s) => (
          <li key={s.workoutId} className="text-sm">
            <p className="font-semibold text-slate-900">
              {formatDay(s.date)} · {TYPE_LABEL[s.workoutType] ?? s.workoutType}
            </p>
            <p className="text-amber-900">{suggestionAction(s, units, formatDay, distance)}</p>
            <p className="text-slate-600">{inUnits(s.reason.message, units)}</p>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">Advice from the forecast: your plan is not changed.</p>
    </Card>
  );
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
}

function PlanRow({
  w,
  units,
  today,
  done,
  taken,
}: {
  w: WorkoutRec;
  units: 'km' | 'mi';
  today: string;
  done: boolean;
  taken: ReadonlySet<string>;
}) {
  const [moving, setMoving] = useState(false);
  const workout = toWorkout(w);
  const future = !done && w.date >= today && w.state === 'planned' && w.type !== 'rest';
  const state = done
    ? 'done'
    : w.state === 'skipped'
      ? 'skipped'
      : w.date < today && w.type !== 'rest'
        ? 'missed'
        : null;
  return (
    <li
      className={cn('px-4 py-3', w.date === today && 'bg-emerald-50/60')}
      data-testid="plan-row"
      data-date={w.date}
    >
      <div className="flex items-center gap-3">
        <div className="w-14 shrink-0 text-sm">
          <p className="font-semibold text-slate-900">{formatDay(w.date).split(' ')[0]}</p>
          <p className="text-slate-500">{formatDay(w.date).split(' ').slice(1).join(' ')}</p>
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TYPE_TONE[w.type] ?? 'slate'}>{TYPE_LABEL[w.type] ?? w.type}</Badge>
            {state === 'done' && <Badge tone="green">Done</Badge>}
            {state === 'skipped' && <Badge>Skipped</Badge>}
            {state === 'missed' && <Badge tone="red">Missed</Badge>}
            {parseJson<unknown[]>(w.adaptations, []).length > 0 && <Badge tone="violet">Adapted</Badge>}
          </div>
          <p className="mt-1 truncate text-sm text-slate-700">{w.description}</p>
          <p className="text-xs text-slate-500">{workoutTargets(workout, units)}</p>
        </div>
        {future && !moving && (
          <div className="flex gap-1">
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setMoving(true)}
              aria-label={`Reschedule ${formatDay(w.date)}`}
            >
              Move
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => void skipWorkout(w.id)}
              aria-label={`Skip ${formatDay(w.date)}`}
            >
              Skip
            </Button>
          </div>
        )}
      </div>
      {moving && <MoveWorkoutForm w={w} today={today} taken={taken} onDone={() => setMoving(false)} />}
    </li>
  );
}
