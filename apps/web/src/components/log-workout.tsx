import { CheckCircle2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { localToday } from '../lib/dates.ts';
import { toMeters, type Units } from '../lib/units.ts';
import { logWorkout } from '../state/actions.ts';
import { Button } from './ui/button.tsx';
import { Input, Scale, Select, TextArea } from './ui/field.tsx';

/** Log a workout: RPE, feeling, notes, duration, distance. Saved locally first, synced when possible. */
export function LogWorkoutForm({
  units,
  workoutId,
  defaultMinutes,
  onDone,
}: {
  units: Units;
  workoutId?: string;
  defaultMinutes?: number;
  onDone?(): void;
}) {
  const [type, setType] = useState('run');
  const [minutes, setMinutes] = useState(defaultMinutes ? String(defaultMinutes) : '');
  const [dist, setDist] = useState('');
  const [rpe, setRpe] = useState<number | undefined>();
  const [feeling, setFeeling] = useState<number | undefined>();
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const durationSec = Math.round(Number(minutes) * 60);
    if (!durationSec || durationSec <= 0) return setError('Duration: enter the minutes you trained.');
    setError(null);
    await logWorkout({
      date: localToday(),
      type,
      durationSec,
      ...(dist && { distanceMeters: toMeters(Number(dist), units) }),
      ...(rpe !== undefined && { rpe }),
      ...(feeling !== undefined && { feeling }),
      ...(notes && { notes }),
      ...(workoutId && { workoutId }),
    });
    setSaved(true);
    onDone?.();
  }

  if (saved)
    return (
      <p className="flex items-center gap-2 text-sm font-medium text-emerald-800" role="status">
        <CheckCircle2 className="size-5" aria-hidden /> Workout logged. Nice work!
      </p>
    );
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Log workout">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Select label="Activity" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="run">Run</option>
          <option value="trail_run">Trail run</option>
          <option value="treadmill">Treadmill</option>
          <option value="walk">Walk</option>
          <option value="bike">Bike</option>
          <option value="strength">Strength</option>
          <option value="other">Other</option>
        </Select>
        <Input
          label="Duration (min)"
          name="duration"
          type="number"
          inputMode="decimal"
          min={1}
          max={1440}
          step="any"
          required
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <Input
          label={`Distance (${units})`}
          name="distance"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={dist}
          onChange={(e) => setDist(e.target.value)}
        />
      </div>
      <Scale
        label="Effort (RPE)"
        name="rpe"
        min={1}
        max={10}
        value={rpe}
        onChange={setRpe}
        low="very easy"
        high="max effort"
      />
      <Scale
        label="How did it feel?"
        name="feeling"
        value={feeling}
        onChange={setFeeling}
        low="awful"
        high="great"
      />
      <TextArea
        label="Notes"
        name="notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        placeholder="Legs, weather, shoes…"
      />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" variant="brand" className="w-full sm:w-auto">
        Save workout
      </Button>
    </form>
  );
}
