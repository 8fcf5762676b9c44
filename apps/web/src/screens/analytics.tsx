import { addDays } from '@runningcoach/engine';
import { BarChart3 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../components/app-shell.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { FULL_HISTORY_DAYS, historyDays, loadRows, weekRows } from '../lib/chart-data.ts';
import { cn } from '../lib/cn.ts';
import { localToday } from '../lib/dates.ts';
import { weeklySummary } from '../lib/weekly.ts';
import { useData } from '../state/data.ts';
import { useLoadSeries, useUnits } from '../state/selectors.ts';
import {
  AcwrChart,
  DailyLoadChart,
  FitnessChart,
  IntensityChart,
  MonotonyChart,
  VolumeChart,
} from './analytics-charts.tsx';

const RANGES = [
  { label: '6 weeks', days: 42 },
  { label: '3 months', days: 91 },
  { label: '6 months', days: 182 },
  { label: '1 year', days: 365 },
];

/** Fitness/fatigue/form, ACWR with its bands, weekly volume and intensity, monotony: all computed on this device. */
export default function AnalyticsScreen() {
  const today = localToday();
  const [days, setDays] = useState(91);
  const units = useUnits();
  const activities = useData((s) => s.activities);
  const series = useLoadSeries(today);
  const from = addDays(today, -days + 1);
  const rows = useMemo(() => loadRows(series, from), [series, from]);
  const weeks = useMemo(() => weekRows(weeklySummary(activities, from), units), [activities, from, units]);
  const last = series[series.length - 1];
  const history = historyDays(series[0]?.date, today);
  const building = history < FULL_HISTORY_DAYS;

  if (!activities.length)
    return (
      <>
        <PageHeader title="Analytics" />
        <EmptyState icon={<BarChart3 className="size-10" />} title="No training yet">
          Log your first workout and your fitness, fatigue and form start to build up here.
        </EmptyState>
      </>
    );

  return (
    <div className="space-y-5" data-testid="analytics">
      <PageHeader
        title="Analytics"
        subtitle="Computed on this device from your logged training."
        actions={<RangePicker days={days} onChange={setDays} />}
      />
      {building && <BuildingHistory days={history} />}
      {last && (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="load-figures">
          <Figure
            label="Fitness (chronic)"
            value={last.chronic.toFixed(0)}
            hint={building ? 'still building' : undefined}
          />
          <Figure label="Fatigue (acute)" value={last.acute.toFixed(0)} />
          <Figure
            label="Form (TSB)"
            value={last.tsb.toFixed(0)}
            hint={building ? 'still building' : undefined}
          />
          <Figure
            label="ACWR"
            value={last.acwr != null ? last.acwr.toFixed(2) : '—'}
            tone={last.acwr != null && last.acwr > 1.5 ? 'text-red-700' : undefined}
          />
        </dl>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        {building ? <DailyLoadChart rows={rows} /> : <FitnessChart rows={rows} />}
        <AcwrChart rows={rows} />
        <MonotonyChart rows={rows} />
        <VolumeChart weeks={weeks} units={units} />
        <IntensityChart weeks={weeks} />
      </div>
    </div>
  );
}

/** Why fitness and fatigue read alike early on, and how far along the history is. */
function BuildingHistory({ days }: { days: number }) {
  return (
    <section
      className="rounded-2xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950"
      data-testid="building-history"
      aria-labelledby="building-history-title"
    >
      <h2 id="building-history-title" className="font-semibold">
        Building your history: day {days} of {FULL_HISTORY_DAYS}
      </h2>
      <p className="mt-1">
        Fitness is a {FULL_HISTORY_DAYS}-day average and fatigue a 7-day one, so for the first weeks both
        follow the same few workouts and read alike. Keep logging: after about six weeks they separate and the
        fitness, fatigue and form chart appears. Until then, here is the load of each day.
      </p>
      <div
        role="progressbar"
        aria-label="History collected"
        aria-valuemin={0}
        aria-valuemax={FULL_HISTORY_DAYS}
        aria-valuenow={days}
        className="mt-3 h-2 overflow-hidden rounded-full bg-sky-100"
      >
        <div className="h-full bg-sky-500" style={{ width: `${(100 * days) / FULL_HISTORY_DAYS}%` }} />
      </div>
    </section>
  );
}

function RangePicker({ days, onChange }: { days: number; onChange(days: number): void }) {
  return (
    <div
      role="group"
      aria-label="Time range"
      className="flex rounded-xl border border-slate-200 bg-white p-1"
    >
      {RANGES.map((r) => (
        <button
          key={r.days}
          type="button"
          aria-pressed={days === r.days}
          onClick={() => onChange(r.days)}
          className={cn(
            'rounded-lg px-3 py-1 text-xs font-semibold',
            days === r.days ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100',
          )}
        >
          {r.label}
        </button>
      ))}
    </div>
  );
}

function Figure({
  label,
  value,
  tone,
  hint,
}: {
  label: string;
  value: string;
  tone?: string;
  hint?: string;
}) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={cn('mt-1 text-2xl font-bold text-slate-900', tone)}>
        {value}
        {hint && <span className="ml-2 text-xs font-medium text-sky-700">{hint}</span>}
      </dd>
    </div>
  );
}
