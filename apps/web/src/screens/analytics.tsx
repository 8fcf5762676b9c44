import { addDays } from '@runningcoach/engine';
import { BarChart3 } from 'lucide-react';
import { useMemo, useState } from 'react';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { PageHeader } from '../components/app-shell.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { Card, CardTitle } from '../components/ui/card.tsx';
import { cn } from '../lib/cn.ts';
import { formatDay, localToday } from '../lib/dates.ts';
import { weeklySummary } from '../lib/weekly.ts';
import { useData } from '../state/data.ts';
import { useLoadSeries, useUnits } from '../state/selectors.ts';

const RANGES = [
  { label: '6 weeks', days: 42 },
  { label: '3 months', days: 91 },
  { label: '6 months', days: 182 },
  { label: '1 year', days: 365 },
];

const axis = { fontSize: 11, fill: '#64748b' };
const tick = (d: string) => formatDay(d).split(' ').slice(1).join(' ');

/** Fitness/fatigue/form, ACWR with its bands, weekly volume and intensity, monotony: all computed on this device. */
export default function AnalyticsScreen() {
  const today = localToday();
  const [days, setDays] = useState(91);
  const units = useUnits();
  const activities = useData((s) => s.activities);
  const series = useLoadSeries(today);
  const from = addDays(today, -days + 1);
  const data = useMemo(
    () =>
      series
        .filter((d) => d.date >= from)
        .map((d) => ({
          date: d.date,
          fitness: round(d.chronic),
          fatigue: round(d.acute),
          form: round(d.tsb),
          acwr: d.acwr == null ? null : Math.round(d.acwr * 100) / 100,
          monotony: d.monotony == null ? null : Math.round(d.monotony * 100) / 100,
        })),
    [series, from],
  );
  const weeks = useMemo(
    () =>
      weeklySummary(activities, from).map((w) => ({
        week: w.week,
        distance: Math.round((units === 'mi' ? w.meters / 1609.344 : w.meters / 1000) * 10) / 10,
        easy: Math.round(w.easyMin),
        moderate: Math.round(w.moderateMin),
        hard: Math.round(w.hardMin),
      })),
    [activities, from, units],
  );
  const last = series[series.length - 1];

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
        actions={
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
                onClick={() => setDays(r.days)}
                className={cn(
                  'rounded-lg px-3 py-1 text-xs font-semibold',
                  days === r.days ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100',
                )}
              >
                {r.label}
              </button>
            ))}
          </div>
        }
      />
      {last && (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="load-figures">
          <Figure label="Fitness (chronic)" value={last.chronic.toFixed(0)} />
          <Figure label="Fatigue (acute)" value={last.acute.toFixed(0)} />
          <Figure label="Form (TSB)" value={last.tsb.toFixed(0)} />
          <Figure
            label="ACWR"
            value={last.acwr != null ? last.acwr.toFixed(2) : '—'}
            tone={last.acwr != null && last.acwr > 1.5 ? 'text-red-700' : undefined}
          />
        </dl>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <CardTitle>Fitness, fatigue and form</CardTitle>
          <div className="mt-3 h-72">
            <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>
              <ComposedChart data={data} margin={{ left: -12, right: 8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="date" tick={axis} tickFormatter={tick} minTickGap={32} />
                <YAxis tick={axis} />
                <Tooltip labelFormatter={(d) => formatDay(String(d))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Area
                  type="monotone"
                  dataKey="form"
                  name="Form (TSB)"
                  fill="#a7f3d0"
                  stroke="#10b981"
                  fillOpacity={0.35}
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="fitness"
                  name="Fitness"
                  stroke="#0ea5e9"
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="fatigue"
                  name="Fatigue"
                  stroke="#f43f5e"
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card>
          <CardTitle>Acute:chronic workload ratio</CardTitle>
          <p className="mt-1 text-xs text-slate-500">
            Green band 0.8–1.3 is the sweet spot; above 1.5 the plan eases off. A guardrail, not an injury
            prediction.
          </p>
          <div className="mt-3 h-60">
            <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>
              <LineChart data={data} margin={{ left: -12, right: 8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <ReferenceArea y1={0.8} y2={1.3} fill="#10b981" fillOpacity={0.12} />
                <ReferenceArea y1={1.5} y2={2.5} fill="#ef4444" fillOpacity={0.1} />
                <ReferenceLine y={1.5} stroke="#ef4444" strokeDasharray="4 4" />
                <XAxis dataKey="date" tick={axis} tickFormatter={tick} minTickGap={32} />
                <YAxis tick={axis} domain={[0, 2.5]} allowDataOverflow />
                <Tooltip labelFormatter={(d) => formatDay(String(d))} />
                <Line
                  type="monotone"
                  dataKey="acwr"
                  name="ACWR"
                  stroke="#0f172a"
                  dot={false}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card>
          <CardTitle>Training monotony</CardTitle>
          <p className="mt-1 text-xs text-slate-500">
            Foster’s 7-day mean ÷ SD. Above 2.0 the weeks are too samey — vary hard and easy.
          </p>
          <div className="mt-3 h-60">
            <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>
              <LineChart data={data} margin={{ left: -12, right: 8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <ReferenceLine y={2} stroke="#f59e0b" strokeDasharray="4 4" />
                <XAxis dataKey="date" tick={axis} tickFormatter={tick} minTickGap={32} />
                <YAxis tick={axis} />
                <Tooltip labelFormatter={(d) => formatDay(String(d))} />
                <Line
                  type="monotone"
                  dataKey="monotony"
                  name="Monotony"
                  stroke="#8b5cf6"
                  dot={false}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card>
          <CardTitle>Weekly volume ({units})</CardTitle>
          <div className="mt-3 h-60">
            <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>
              <BarChart data={weeks} margin={{ left: -12, right: 8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="week" tick={axis} tickFormatter={tick} minTickGap={24} />
                <YAxis tick={axis} />
                <Tooltip labelFormatter={(d) => `Week of ${formatDay(String(d))}`} />
                <Bar
                  dataKey="distance"
                  name={`Distance (${units})`}
                  fill="#0f172a"
                  radius={[4, 4, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card>
          <CardTitle>Intensity distribution (minutes)</CardTitle>
          <div className="mt-3 h-60">
            <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>
              <BarChart data={weeks} margin={{ left: -12, right: 8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="week" tick={axis} tickFormatter={tick} minTickGap={24} />
                <YAxis tick={axis} />
                <Tooltip labelFormatter={(d) => `Week of ${formatDay(String(d))}`} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar
                  dataKey="easy"
                  name="Easy (RPE ≤4)"
                  stackId="i"
                  fill="#10b981"
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="moderate"
                  name="Moderate (5–6)"
                  stackId="i"
                  fill="#f59e0b"
                  isAnimationActive={false}
                />
                <Bar dataKey="hard" name="Hard (≥7)" stackId="i" fill="#ef4444" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
      </div>
    </div>
  );
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={cn('mt-1 text-2xl font-bold text-slate-900', tone)}>{value}</dd>
    </div>
  );
}
