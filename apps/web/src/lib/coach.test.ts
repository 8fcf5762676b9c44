import { generatePlan } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';
import { activityLoad, adaptLocally, loadSeries, readinessOn, workoutColumns } from './coach.ts';
import type { ActivityRec, MetricsRec, PlanRec, WorkoutRec } from './records.ts';

const TODAY = '2027-01-05';
const plan = generatePlan({
  profile: { birthDate: '1988-04-02', sex: 'female', weightKg: 60, heightCm: 168, restingHr: 50, maxHr: 188 },
  goal: { raceDate: '2027-04-18', distanceMeters: 21_097.5 },
  fitness: { weeklyDistanceMeters: 40_000 },
  availability: { runDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], longRunDay: 'sun' },
  startDate: '2027-01-04',
});
const planRec = {
  id: 'p1',
  version: 1,
  status: 'active',
  start_date: plan.startDate,
  end_date: plan.endDate,
  phases: JSON.stringify(plan.phases),
  meta: '{}',
  _status: 'synced',
  _changed: '',
} as PlanRec;
const workoutRecs = plan.workouts.map(
  (w) =>
    ({
      id: w.id,
      plan_id: 'p1',
      date: w.date,
      state: 'planned',
      completed_activity_id: null,
      ...workoutColumns(w),
      _status: 'synced',
      _changed: '',
    }) as WorkoutRec,
);

const metrics = (date: string, m: Partial<MetricsRec>): MetricsRec =>
  ({
    id: date,
    date,
    resting_hr: null,
    hrv_rmssd: null,
    sleep_duration_minutes: null,
    sleep_quality: null,
    soreness: null,
    stress: null,
    mood: null,
    morning_readiness: null,
    weight_kg: null,
    _status: 'created',
    _changed: '',
    ...m,
  }) as MetricsRec;

const RED = metrics(TODAY, {
  sleep_duration_minutes: 200,
  sleep_quality: 1,
  soreness: 5,
  stress: 5,
  mood: 1,
});

describe('the Brain on local records', () => {
  it('assesses a red morning from the check-in, and nothing without one', () => {
    const r = readinessOn(TODAY, [RED], { restingHr: 50 });
    expect(r?.color).toBe('red');
    expect(r?.reasons.length).toBeGreaterThan(0);
    expect(readinessOn('2027-01-06', [RED], {})).toBeNull();
  });

  it("adapts today's planned run after a red check-in, with before/after and a reason; a green one changes nothing", () => {
    const todays = workoutRecs.find((w) => w.date === TODAY)!;
    expect(todays.type).not.toBe('rest');
    const ctx = { today: TODAY, load: null, activities: [], units: 'km' as const };
    const red = adaptLocally(planRec, workoutRecs, { ...ctx, readiness: readinessOn(TODAY, [RED], {}) });
    const change = red.changes.find((c) => c.date === TODAY);
    expect(change?.before?.type).toBe(todays.type);
    expect(change?.after?.type ?? 'rest').not.toBe(todays.type);
    expect(red.reasons.map((r) => r.code)).toContain('READINESS_RED');
    const fine = metrics(TODAY, {
      sleep_duration_minutes: 480,
      sleep_quality: 4,
      soreness: 1,
      stress: 1,
      mood: 4,
    });
    const green = adaptLocally(planRec, workoutRecs, { ...ctx, readiness: readinessOn(TODAY, [fine], {}) });
    expect(green.changes.filter((c) => c.date === TODAY)).toEqual([]);
  });

  it('counts sRPE load (server value first, rejected activities as zero) into the rolling series', () => {
    const act = (id: string, date: string, a: Partial<ActivityRec>) =>
      ({
        id,
        date,
        type: 'run',
        duration_sec: 3600,
        rpe: 5,
        _status: 'synced',
        _changed: '',
        ...a,
      }) as ActivityRec;
    expect(activityLoad(act('a', TODAY, {}))).toBe(300);
    expect(activityLoad(act('b', TODAY, { internal_load: 123 }))).toBe(123);
    expect(activityLoad(act('c', TODAY, { rejected_reason: 'too fast' }))).toBe(0);
    const series = loadSeries([act('a', '2027-01-01', {}), act('b', '2027-01-03', {})], TODAY);
    expect(series.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
      '2027-01-05',
    ]);
    expect(series[2]!.load).toBe(300);
    expect(series[4]!.acute).toBeGreaterThan(0);
  });
});
