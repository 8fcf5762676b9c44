/**
 * Three years of a runner's history as raw synced records (the sync protocol's columns), deterministic from a
 * seed: one check-in a day and the rest activities (several a day, so the total is `total`), all `synced`.
 */
export function historyRecords(today: string, total: number, seed = 42) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const days = 3 * 365;
  const end = Date.parse(`${today}T00:00:00Z`);
  const dateOf = (i: number) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
  const metrics = [];
  for (let i = 0; i < days; i++) {
    metrics.push({
      id: `bench-m-${i}`,
      date: dateOf(i),
      resting_hr: 48 + Math.round(rnd() * 8),
      hrv_rmssd: 55 + Math.round(rnd() * 25),
      sleep_duration_minutes: 360 + Math.round(rnd() * 150),
      sleep_quality: 2 + Math.round(rnd() * 3),
      soreness: 1 + Math.round(rnd() * 3),
      stress: 1 + Math.round(rnd() * 3),
      mood: 2 + Math.round(rnd() * 3),
      morning_readiness: null,
      weight_kg: null,
      _status: 'synced',
      _changed: '',
    });
  }
  const activities = [];
  const n = total - metrics.length;
  for (let k = 0; k < n; k++) {
    const i = Math.floor((k * days) / n);
    const date = dateOf(i);
    const duration = 1200 + Math.round(rnd() * 3600);
    const rpe = 2 + Math.round(rnd() * 7);
    activities.push({
      id: `bench-a-${k}`,
      date,
      start_time: Date.parse(`${date}T06:00:00Z`) + (k % 8) * 3_600_000,
      type: k % 8 === 7 ? 'strength' : 'run',
      source: 'manual',
      duration_sec: duration,
      distance_meters: Math.round((duration / 330) * 1000),
      avg_hr: 130 + Math.round(rnd() * 30),
      max_hr: 170 + Math.round(rnd() * 15),
      elevation_gain_meters: Math.round(rnd() * 120),
      rpe,
      feeling: 1 + Math.round(rnd() * 4),
      notes: null,
      workout_id: null,
      internal_load: Math.round((rpe * duration) / 60),
      trimp: null,
      rejected_reason: null,
      _status: 'synced',
      _changed: '',
    });
  }
  return { metrics, activities };
}
