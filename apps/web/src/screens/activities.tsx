import { Activity, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '../components/app-shell.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { formatDay } from '../lib/dates.ts';
import { Link } from '../lib/router.tsx';
import { distance, duration, paceOf } from '../lib/units.ts';
import { useData } from '../state/data.ts';
import { useUnits } from '../state/selectors.ts';

const PAGE = 40;

export function ActivitiesScreen() {
  const activities = useData((s) => s.activities);
  const units = useUnits();
  const [shown, setShown] = useState(PAGE);
  if (!activities.length)
    return (
      <>
        <PageHeader title="Activities" />
        <EmptyState icon={<Activity className="size-10" />} title="No activities yet">
          Log a workout from Today, or import a FIT, GPX or TCX file with <code>runningcoach import</code>.
        </EmptyState>
      </>
    );
  return (
    <div>
      <PageHeader title="Activities" subtitle={`${activities.length} logged`} />
      <Card className="p-0">
        <ul className="divide-y divide-slate-100" data-testid="activity-list">
          {activities.slice(0, shown).map((a) => (
            <li key={a.id}>
              <Link
                href={`/activities/${encodeURIComponent(a.id)}`}
                className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50"
              >
                <div className="w-20 shrink-0 text-sm">
                  <p className="font-semibold text-slate-900">{formatDay(a.date).split(' ')[0]}</p>
                  <p className="text-slate-500">{formatDay(a.date).split(' ').slice(1).join(' ')}</p>
                </div>
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-2 font-medium capitalize text-slate-900">
                    {a.type.replace('_', ' ')}
                    {a._status !== 'synced' && <Badge tone="yellow">Not synced</Badge>}
                    {a.rejected_reason && <Badge tone="red">Not counted</Badge>}
                  </p>
                  <p className="truncate text-sm text-slate-600">
                    {distance(a.distance_meters, units)} · {duration(a.duration_sec)} ·{' '}
                    {paceOf(a.distance_meters, a.duration_sec, units)}
                    {a.avg_hr != null && ` · ${a.avg_hr} bpm`}
                    {a.rpe != null && ` · RPE ${a.rpe}`}
                  </p>
                </div>
                <ChevronRight className="size-4 text-slate-400" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      {shown < activities.length && (
        <div className="mt-4 flex justify-center">
          <Button variant="outline" onClick={() => setShown(shown + PAGE)}>
            Show more
          </Button>
        </div>
      )}
    </div>
  );
}
