import { useState } from 'react';
import { formatDay } from '../lib/dates.ts';
import type { WorkoutRec } from '../lib/records.ts';
import { rescheduleWorkout } from '../state/actions.ts';
import { Button } from './ui/button.tsx';

/**
 * Moves a workout to another day. A plan has one workout a day (rest days included) and the server refuses a
 * move onto a taken day, so such a day is refused here with the reason instead of being quietly undone.
 */
export function MoveWorkoutForm({
  w,
  today,
  taken,
  onDone,
}: {
  w: WorkoutRec;
  today: string;
  /** The days of the plan that already have a workout. */
  taken: ReadonlySet<string>;
  onDone(): void;
}) {
  const [date, setDate] = useState(w.date);
  const [busy, setBusy] = useState(false);
  const clash = date !== w.date && taken.has(date);
  const id = `move-${w.id}`;
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2 pl-[4.25rem]"
      onSubmit={(e) => {
        e.preventDefault();
        if (clash || !date) return;
        setBusy(true);
        void rescheduleWorkout(w.id, date).then(onDone, () => setBusy(false));
      }}
    >
      <label className="sr-only" htmlFor={id}>
        New date
      </label>
      <input
        id={id}
        type="date"
        min={today}
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
        aria-invalid={clash}
        aria-describedby={clash ? `${id}-error` : undefined}
        className="rounded-lg border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500"
      />
      <Button size="sm" type="submit" disabled={clash || busy}>
        Save
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Cancel
      </Button>
      {clash && (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-red-700">
          {formatDay(date)} already has a workout: pick a free day.
        </p>
      )}
    </form>
  );
}
