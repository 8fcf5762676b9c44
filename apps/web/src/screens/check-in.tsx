import { type FormEvent, useState } from 'react';
import { PageHeader } from '../components/app-shell.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { Input, Scale } from '../components/ui/field.tsx';
import { localToday } from '../lib/dates.ts';
import { navigate } from '../lib/router.tsx';
import { saveCheckIn } from '../state/actions.ts';
import { useData } from '../state/data.ts';

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** Morning check-in: HRV, resting HR, sleep, soreness, stress, mood. Readiness and adaptation run on this device. */
export function CheckInScreen() {
  const today = localToday();
  const existing = useData((s) => s.metrics.find((m) => m.date === today));
  const [hrv, setHrv] = useState(existing?.hrv_rmssd != null ? String(existing.hrv_rmssd) : '');
  const [rhr, setRhr] = useState(existing?.resting_hr != null ? String(existing.resting_hr) : '');
  const [sleepH, setSleepH] = useState(
    existing?.sleep_duration_minutes != null ? String(existing.sleep_duration_minutes / 60) : '',
  );
  const [sleepQuality, setSleepQuality] = useState(existing?.sleep_quality ?? undefined);
  const [soreness, setSoreness] = useState(existing?.soreness ?? undefined);
  const [stress, setStress] = useState(existing?.stress ?? undefined);
  const [mood, setMood] = useState(existing?.mood ?? undefined);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const sleep = num(sleepH);
    await saveCheckIn({
      hrvRmssd: num(hrv),
      restingHr: num(rhr),
      sleepDurationMinutes: sleep === undefined ? undefined : Math.round(sleep * 60),
      sleepQuality,
      soreness,
      stress,
      mood,
    });
    setBusy(false);
    navigate('/');
  }

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Morning check-in"
        subtitle="Before coffee, ideally. Skip anything you don’t track."
      />
      <Card>
        <form onSubmit={submit} className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-3">
            <Input
              label="HRV (rMSSD, ms)"
              name="hrv"
              type="number"
              inputMode="decimal"
              min={3}
              max={300}
              step="any"
              value={hrv}
              onChange={(e) => setHrv(e.target.value)}
            />
            <Input
              label="Resting HR (bpm)"
              name="restingHr"
              type="number"
              inputMode="numeric"
              min={25}
              max={150}
              value={rhr}
              onChange={(e) => setRhr(e.target.value)}
            />
            <Input
              label="Sleep (hours)"
              name="sleep"
              type="number"
              inputMode="decimal"
              min={0}
              max={24}
              step="0.25"
              value={sleepH}
              onChange={(e) => setSleepH(e.target.value)}
            />
          </div>
          <Scale
            label="Sleep quality"
            name="sleepQuality"
            value={sleepQuality}
            onChange={setSleepQuality}
            low="poor"
            high="great"
          />
          <Scale
            label="Muscle soreness"
            name="soreness"
            value={soreness}
            onChange={setSoreness}
            low="none"
            high="very sore"
          />
          <Scale
            label="Stress"
            name="stress"
            value={stress}
            onChange={setStress}
            low="relaxed"
            high="very stressed"
          />
          <Scale label="Mood" name="mood" value={mood} onChange={setMood} low="low" high="great" />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => navigate('/')}>
              Cancel
            </Button>
            <Button type="submit" variant="brand" disabled={busy}>
              Save check-in
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
