import type { Workout } from '@runningcoach/contracts';
import { Repeat, Sparkles } from 'lucide-react';
import type { Units } from '../lib/units.ts';
import { describeStep, ruleLabel, TYPE_LABEL, TYPE_TONE, workoutTargets } from '../lib/workout-format.ts';
import { Badge } from './ui/badge.tsx';

/** The workout with its structure and targets in the runner's units, and why it changed (when it did). */
export function WorkoutDetail({
  workout,
  units,
  adaptedReason,
}: {
  workout: Workout;
  units: Units;
  adaptedReason?: string | null;
}) {
  const targets = workoutTargets(workout, units);
  const adaptations = workout.adaptations ?? [];
  return (
    <div data-testid="workout" data-type={workout.type}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={TYPE_TONE[workout.type] ?? 'slate'}>{TYPE_LABEL[workout.type] ?? workout.type}</Badge>
        {workout.phase && <Badge>{workout.phase} phase</Badge>}
        {adaptations.length > 0 && (
          <Badge tone="violet">
            <Sparkles className="size-3" aria-hidden /> Adapted
          </Badge>
        )}
      </div>
      <p className="mt-3 text-xl font-bold leading-snug text-slate-900">{workout.description}</p>
      {targets && <p className="mt-1 text-sm font-medium text-slate-600">{targets}</p>}
      {(adaptedReason || adaptations.length > 0) && (
        <p
          className="mt-3 rounded-xl bg-violet-50 px-3 py-2 text-sm text-violet-900"
          data-testid="adaptation-reason"
        >
          {adaptedReason ?? adaptations.map((a) => ruleLabel(a.rule)).join(' · ')}
        </p>
      )}
      {workout.structure.steps.length > 0 && (
        <ol className="mt-4 space-y-2" aria-label="Workout steps">
          {workout.structure.steps.map((s, i) =>
            s.type === 'repeat' ? (
              <li key={i} className="rounded-xl border border-slate-200 p-3">
                <p className="flex items-center gap-1 text-sm font-semibold text-slate-800">
                  <Repeat className="size-4" aria-hidden /> {s.count} ×
                </p>
                <ul className="mt-1 space-y-1 pl-5 text-sm text-slate-700">
                  {s.steps.map((st, j) => (
                    <li key={j}>{describeStep(st, units)}</li>
                  ))}
                </ul>
              </li>
            ) : (
              <li key={i} className="rounded-xl bg-slate-50 px-3 py-2 text-sm text-slate-800">
                {describeStep(s, units)}
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}
