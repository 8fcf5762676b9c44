import type { DailyMetrics, ManualActivity, Onboarding } from '@runningcoach/contracts';
import {
  addDays,
  daysBetween,
  predictRaceTime,
  startOfWeek,
  trainingPaces,
  weekdayOf,
} from '@runningcoach/engine';
import { type Random, seededRandom } from './demo.random.ts';
import { demoSamples } from './demo.samples.ts';

/**
 * Twelve weeks of a plausible amateur's training and mornings, computed (not stored) from "today" and a
 * seed: a half-marathon runner building from ~38 to ~52 km a week with cutback weeks, a 10K race in week 6
 * and a head cold in week 9 (HRV down, resting HR up, poor sleep, runs skipped), ending on an amber morning
 * today. Everything is sent through the public API, so the server derives loads, readiness and adaptations.
 */
export const DEMO_WEEKS = 12;
export const DEMO_SEED = 20_260_301;

const RESTING_HR = 51;
const MAX_HR = 190;
const RACE_WEEK = 5;
const COLD_START = 8 * 7 + 1; // the Tuesday of week 9
const COLD_SEVERITY = [0.5, 1, 1, 0.8, 0.6, 0.4, 0.2];
// Cutback weeks every fourth week, and an easier week back after the cold.
const VOLUME_FACTOR = (week: number) => (week === 3 || week === 7 ? 0.75 : week === 9 ? 0.85 : 1);
const INTERVALS = ['6 x 800 m', '5 x 1000 m', '8 x 400 m', '4 x 1200 m'];

export type SessionKind = 'easy' | 'recovery' | 'long' | 'intervals' | 'tempo' | 'race' | 'strength';

export interface DemoActivity {
  kind: SessionKind;
  body: ManualActivity;
}

export interface DemoDay {
  date: string;
  checkIn?: DailyMetrics;
  activities: DemoActivity[];
}

export interface DemoHistory {
  today: string;
  onboarding: Onboarding;
  /** Chronological, from the Monday twelve weeks ago to today (today: a check-in, no activity yet). */
  days: DemoDay[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const likert = (x: number) => clamp(Math.round(x), 1, 5);
// Karvonen: a fraction of the heart-rate reserve above resting HR.
const hrAt = (fractionOfReserve: number) => RESTING_HR + fractionOfReserve * (MAX_HR - RESTING_HR);
// Fitness improves slowly over the block: about +0.18 VDOT a week from 44.
const vdotInWeek = (week: number) => 44 + 0.18 * week;

function coldSeverity(i: number): number {
  return COLD_SEVERITY[i - COLD_START] ?? 0;
}

/** The session planned on day `i` (0 = the first Monday), before illness and life get in the way. */
function plannedSession(i: number, rnd: Random): SessionKind | null {
  const week = Math.floor(i / 7);
  const dow = i % 7; // 0 = Monday
  if (week === RACE_WEEK)
    return ([null, 'intervals', 'easy', null, 'easy', 'recovery', 'race'] as const)[dow]!;
  switch (dow) {
    case 1:
      return 'intervals';
    case 2:
      return rnd.chance(0.12) ? null : 'easy';
    case 3:
      return week < 4 && week % 2 === 1 ? 'easy' : 'tempo';
    case 4:
      return week % 2 === 0 ? 'strength' : null;
    case 5:
      return 'recovery';
    case 6:
      return 'long';
    default:
      return null;
  }
}

/** Share of the week's volume each kind of run takes (five runs: ~30% long, as the plan rules allow). */
const SHARE: Record<Exclude<SessionKind, 'strength' | 'race'>, number> = {
  long: 0.33,
  intervals: 0.19,
  tempo: 0.19,
  easy: 0.16,
  recovery: 0.13,
};

function run(date: string, kind: SessionKind, week: number, severity: number, rnd: Random): ManualActivity {
  const paces = trainingPaces(vdotInWeek(week));
  const easy = (paces.easy.min + paces.easy.max) / 2;
  const volume = 38_000 * (1 + 0.035 * week) * VOLUME_FACTOR(week) * (week === RACE_WEEK ? 0.7 : 1);
  // HR creeps down at the same effort as fitness grows; a cold pushes it up.
  const drift = -0.3 * week + 8 * severity + rnd.normal(0, 2.5);
  const base = { date, type: 'run' as const };
  const at = (hour: number) =>
    `${date}T${String(hour).padStart(2, '0')}:${String(Math.floor(rnd.between(0, 50))).padStart(2, '0')}:00Z`;
  if (kind === 'race') {
    const timeSec = Math.round(predictRaceTime(vdotInWeek(week), 10_000) * 0.995);
    return {
      ...base,
      startTime: at(9),
      durationSec: timeSec,
      distanceMeters: 10_000,
      avgHr: Math.round(hrAt(0.92)),
      maxHr: Math.round(hrAt(0.985)),
      elevationGainMeters: 35,
      rpe: 9,
      feeling: 5,
      notes: 'Parkside 10K: new personal best, negative split.',
    };
  }
  const sick = severity > 0;
  const distance = sick
    ? rnd.between(4_000, 5_500)
    : volume * SHARE[kind as keyof typeof SHARE] * rnd.normal(1, 0.05);
  const pace = {
    easy: easy + rnd.normal(0, 6),
    recovery: paces.easy.max + rnd.normal(0, 6),
    long: easy + 5 + rnd.normal(0, 5),
    intervals: 0.55 * easy + 0.45 * paces.interval,
    tempo: 0.5 * easy + 0.5 * paces.threshold,
  }[kind as keyof typeof SHARE];
  const hr = { easy: 0.66, recovery: 0.61, long: 0.7, intervals: 0.79, tempo: 0.81 }[
    kind as keyof typeof SHARE
  ];
  const peak = { easy: 0.76, recovery: 0.7, long: 0.84, intervals: 0.96, tempo: 0.9 }[
    kind as keyof typeof SHARE
  ];
  const rpe = { easy: 3, recovery: 2, long: distance > 17_000 ? 6 : 5, intervals: 8, tempo: 7 }[
    kind as keyof typeof SHARE
  ];
  const distanceMeters = Math.round(distance / 10) * 10;
  const avgHr = Math.round(hrAt(hr) + drift);
  const activity: ManualActivity = {
    ...base,
    startTime: at(kind === 'long' ? 8 : 6),
    durationSec: Math.round((distanceMeters / 1000) * (pace + (sick ? 25 : 0))),
    distanceMeters,
    avgHr,
    maxHr: Math.max(avgHr + 4, Math.round(hrAt(peak) + drift / 2)),
    elevationGainMeters: Math.round(clamp(rnd.normal(kind === 'long' ? 130 : 45, 20), 0, 400)),
    feeling: likert(sick ? 2 : kind === 'intervals' || kind === 'long' ? rnd.normal(3.6, 0.6) : 4),
  };
  // A few runs are logged without RPE (the server then asks for it); the rest vary by a point now and then.
  if (!rnd.chance(0.04))
    activity.rpe = clamp(rpe + (sick ? 2 : rnd.chance(0.25) ? rnd.pick([-1, 1]) : 0), 2, 10);
  if (kind === 'intervals') activity.notes = `${INTERVALS[week % INTERVALS.length]} at 5K pace`;
  if (kind === 'tempo') activity.notes = '25 min at threshold';
  if (sick) activity.notes = 'Getting over a head cold: kept it very easy.';
  return activity;
}

function strength(date: string, rnd: Random): ManualActivity {
  return {
    date,
    type: 'strength',
    startTime: `${date}T18:${String(Math.floor(rnd.between(0, 50))).padStart(2, '0')}:00Z`,
    durationSec: 40 * 60,
    avgHr: Math.round(rnd.normal(112, 4)),
    rpe: 5,
    notes: 'Runner strength circuit: squats, lunges, calf raises, core.',
  };
}

/** The morning after `strain` (yesterday's sRPE / 300): HRV dips and legs are sorer after hard days. */
function morning(date: string, week: number, strain: number, severity: number, rnd: Random): DailyMetrics {
  const weekendNight = ['sat', 'sun'].includes(weekdayOf(date));
  const lnHrv = Math.log(58) + 0.012 * week - 0.05 * strain - 0.35 * severity + rnd.normal(0, 0.07);
  const sleep = clamp(rnd.normal(weekendNight ? 465 : 432, 28) - 70 * severity, 280, 580);
  const sleepQuality = likert(3.4 + (sleep - 435) / 45 - 1.5 * severity + rnd.normal(0, 0.6));
  const soreness = likert(1.5 + 0.9 * strain + severity + rnd.normal(0, 0.5));
  const stress = likert(2.3 + 1.5 * severity + (week === 10 ? 0.8 : 0) + rnd.normal(0, 0.6));
  const out: DailyMetrics = {
    date,
    hrvRmssd: Math.round(Math.exp(lnHrv) * 10) / 10,
    restingHr: Math.round(RESTING_HR - 0.15 * week + 1.2 * strain + 7 * severity + rnd.normal(0, 1.2)),
    sleepDurationMinutes: Math.round(sleep / 5) * 5,
    sleepQuality,
    soreness,
    stress,
    mood: likert(3.9 - 0.4 * (stress - 2) - 1.5 * severity + rnd.normal(0, 0.5)),
    morningReadiness: likert(
      3.6 - 0.5 * (soreness - 2) - 2 * severity + 0.4 * (sleepQuality - 3) + rnd.normal(0, 0.5),
    ),
  };
  if (rnd.chance(0.4)) out.weightKg = Math.round((73.2 - 0.08 * week + rnd.normal(0, 0.3)) * 10) / 10;
  return out;
}

/** Relative to the runner's last two weeks, so it reads the same whatever the day's noise: amber, not red. */
function roughMorning(usual: DailyMetrics, before: readonly DemoDay[]): DailyMetrics {
  const recent = before.slice(-14).flatMap((d) => (d.checkIn ? [d.checkIn] : []));
  const mean = (f: (m: DailyMetrics) => number) => recent.reduce((s, m) => s + f(m), 0) / recent.length;
  return {
    ...usual,
    hrvRmssd: Math.round(mean((m) => m.hrvRmssd!) * 0.84 * 10) / 10,
    restingHr: Math.round(mean((m) => m.restingHr!)) + 4,
    sleepDurationMinutes: 350,
    sleepQuality: 3,
    soreness: 4,
    stress: 3,
    mood: 3,
    morningReadiness: 2,
  };
}

export function demoHistory(today: string, seed = DEMO_SEED): DemoHistory {
  const rnd = seededRandom(seed);
  const start = addDays(startOfWeek(today), -7 * DEMO_WEEKS);
  const last = daysBetween(start, today);
  const days: DemoDay[] = [];
  let strain = 0;
  for (let i = 0; i <= last; i++) {
    const date = addDays(start, i);
    const week = Math.floor(i / 7);
    const severity = coldSeverity(i);
    const day: DemoDay = { date, activities: [] };
    // About one morning in fifteen is forgotten, but never today's (the dashboard shows it).
    if (i === last || !rnd.chance(0.07)) day.checkIn = morning(date, week, strain, severity, rnd);
    // This morning is a rough one (short night, heavy legs), so the coach has something to adapt and explain.
    if (i === last) day.checkIn = roughMorning(day.checkIn!, days);
    const kind = i < last ? plannedSession(i, rnd) : null;
    if (kind === 'strength' && severity === 0) day.activities.push({ kind, body: strength(date, rnd) });
    else if (kind && kind !== 'strength' && severity < 0.6) {
      // Sick but up: only an easy jog replaces whatever was planned.
      const actual = severity > 0 ? 'recovery' : kind;
      day.activities.push({ kind: actual, body: run(date, actual, week, severity, rnd) });
    }
    strain = day.activities.reduce((s, a) => s + ((a.body.rpe ?? 4) * a.body.durationSec) / 60 / 300, 0);
    days.push(day);
  }
  // The race and the key sessions of the last four weeks come with a time series (a watch upload).
  const samplesRnd = seededRandom(seed + 1);
  for (const day of days) {
    for (const a of day.activities) {
      const keySession = a.kind === 'long' || a.kind === 'intervals' || a.kind === 'tempo';
      if (a.kind === 'race' || (keySession && day.date >= addDays(today, -28))) {
        const samples = demoSamples(a.kind, a.body, samplesRnd);
        a.body.samples = samples;
        // The summary's peak is the series' peak, as a watch would report it.
        a.body.maxHr = Math.max(a.body.avgHr ?? 0, ...samples.hr!.map((x) => x ?? 0));
      }
    }
  }
  return { today, onboarding: onboarding(today, days), days };
}

/** What the runner tells onboarding, consistent with the history: the 10K, the last four weeks' volume. */
function onboarding(today: string, days: readonly DemoDay[]): Onboarding {
  const race = days.flatMap((d) => d.activities).find((a) => a.kind === 'race')!.body;
  const recentFrom = addDays(startOfWeek(today), -28);
  const recent = days
    .filter((d) => d.date >= recentFrom && d.date < startOfWeek(today))
    .flatMap((d) => d.activities.map((a) => a.body.distanceMeters ?? 0));
  const weekly = recent.reduce((s, m) => s + m, 0) / 4;
  return {
    profile: {
      birthDate: '1991-06-14',
      sex: 'male',
      weightKg: 73,
      heightCm: 178,
      restingHr: RESTING_HR,
      maxHr: MAX_HR,
    },
    // A Sunday half marathon about ten weeks out.
    goal: {
      raceDate: addDays(startOfWeek(today), 7 * 10 + 6),
      distanceMeters: 21_097.5,
      name: 'Riverside Half Marathon',
    },
    fitness: {
      recentRace: { distanceMeters: 10_000, timeSec: race.durationSec, date: race.date },
      weeklyDistanceMeters: Math.round(weekly / 100) * 100,
      longestRecentRunMeters: Math.max(...recent),
    },
    availability: {
      runDays: ['tue', 'wed', 'thu', 'sat', 'sun'],
      longRunDay: 'sun',
      strengthDays: ['fri'],
    },
  };
}
