import { ArrowLeft, CloudOff } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PageHeader } from '../components/app-shell.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardTitle } from '../components/ui/card.tsx';
import { apiFetch } from '../lib/api.ts';
import { formatLongDay } from '../lib/dates.ts';
import { Link, navigate } from '../lib/router.tsx';
import { clock, distance, duration, paceOf } from '../lib/units.ts';
import { deleteActivity } from '../state/actions.ts';
import { useData } from '../state/data.ts';
import { useUnits } from '../state/selectors.ts';
import { useSession } from '../state/session.ts';

interface Samples {
  t: number[];
  hr?: (number | null)[];
  speed?: (number | null)[];
}

/** One activity; the HR and pace chart reads its samples from the server (they are not synced to devices). */
export default function ActivityDetailScreen({ id }: { id: string }) {
  const a = useData((s) => s.activities.find((x) => x.id === id));
  const units = useUnits();
  const [samples, setSamples] = useState<Samples | null | 'offline' | undefined>(undefined);
  useEffect(() => {
    let stop = false;
    void useSession
      .getState()
      .accessToken()
      .then((token) =>
        apiFetch<{ samples: Samples | null }>(`/activities/${encodeURIComponent(id)}`, { token }),
      )
      .then((r) => !stop && setSamples(r.samples ?? null))
      .catch(() => !stop && setSamples('offline'));
    return () => {
      stop = true;
    };
  }, [id]);
  const chart = useMemo(() => {
    if (!samples || samples === 'offline') return [];
    const step = Math.max(1, Math.floor(samples.t.length / 600));
    const out = [];
    for (let i = 0; i < samples.t.length; i += step) {
      const v = samples.speed?.[i];
      const secPerKm = v && v > 0.5 ? 1000 / v : null;
      out.push({
        t: samples.t[i]!,
        hr: samples.hr?.[i] ?? null,
        pace: secPerKm == null ? null : Math.round(units === 'mi' ? secPerKm * 1.609344 : secPerKm),
      });
    }
    return out;
  }, [samples, units]);

  if (!a)
    return (
      <EmptyState icon={<ArrowLeft className="size-10" />} title="Activity not found">
        <Link href="/activities" className="text-emerald-700 underline">
          Back to activities
        </Link>
      </EmptyState>
    );
  return (
    <div className="space-y-5">
      <Link
        href="/activities"
        className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> Activities
      </Link>
      <PageHeader
        title={`${a.type.replace('_', ' ').replace(/^./, (c) => c.toUpperCase())} · ${formatLongDay(a.date)}`}
        subtitle={`Source: ${a.source}`}
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ['Distance', distance(a.distance_meters, units, 2)],
          ['Time', duration(a.duration_sec)],
          ['Pace', paceOf(a.distance_meters, a.duration_sec, units)],
          ['Avg HR', a.avg_hr != null ? `${a.avg_hr} bpm` : '—'],
          ['RPE', a.rpe != null ? `${a.rpe}/10` : '—'],
          ['Feeling', a.feeling != null ? `${a.feeling}/5` : '—'],
          ['Load', a.internal_load != null ? a.internal_load.toFixed(0) : '—'],
          ['Elevation', a.elevation_gain_meters != null ? `${Math.round(a.elevation_gain_meters)} m` : '—'],
        ].map(([k, v]) => (
          <div key={k} className="rounded-2xl border border-slate-200 bg-white p-4">
            <dt className="text-xs text-slate-500">{k}</dt>
            <dd className="mt-1 text-lg font-bold text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {a.notes && (
        <Card>
          <CardTitle>Notes</CardTitle>
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700">{a.notes}</p>
        </Card>
      )}
      <Card>
        <CardTitle>Heart rate and pace</CardTitle>
        {samples === 'offline' ? (
          <p className="mt-3 flex items-center gap-2 text-sm text-slate-600">
            <CloudOff className="size-4" aria-hidden /> Detailed samples load from the server when you are
            online.
          </p>
        ) : chart.length ? (
          <div className="mt-3 h-72" data-testid="samples-chart">
            <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>
              <LineChart data={chart} margin={{ left: -4, right: 4 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis
                  dataKey="t"
                  tickFormatter={(t) => clock(Number(t))}
                  tick={{ fontSize: 11 }}
                  minTickGap={40}
                />
                <YAxis yAxisId="hr" tick={{ fontSize: 11 }} domain={['dataMin - 5', 'dataMax + 5']} />
                <YAxis
                  yAxisId="pace"
                  orientation="right"
                  reversed
                  tick={{ fontSize: 11 }}
                  tickFormatter={(v) => clock(Number(v))}
                  domain={['dataMin - 10', 'dataMax + 10']}
                />
                <Tooltip
                  labelFormatter={(t) => clock(Number(t))}
                  formatter={(v, n) => (n === `Pace (/${units})` ? clock(Number(v)) : v)}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Line
                  yAxisId="hr"
                  dataKey="hr"
                  name="Heart rate (bpm)"
                  stroke="#ef4444"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
                <Line
                  yAxisId="pace"
                  dataKey="pace"
                  name={`Pace (/${units})`}
                  stroke="#0ea5e9"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="mt-3 text-sm text-slate-600">
            {samples === undefined
              ? 'Loading…'
              : 'No recorded samples for this activity (manual logs have none).'}
          </p>
        )}
      </Card>
      {a.source === 'manual' && (
        <Button
          variant="outline"
          onClick={() => {
            if (confirm('Delete this activity?'))
              void deleteActivity(a.id).then(() => navigate('/activities'));
          }}
        >
          Delete activity
        </Button>
      )}
    </div>
  );
}
