// `npm run bench`: the Brain's speed and size, against the targets of issue #2. Prints figures; exits 1 on a miss.
import {
  adaptPlan,
  addDays,
  assessReadiness,
  generatePlan,
  rollingLoad,
  startGuidance,
  workoutGuidance,
  type DailyLoad,
} from '@runningcoach/engine';
import { bundleSize, medianMs } from './measure.ts';

const marathon = {
  profile: {
    birthDate: '1986-05-20',
    sex: 'male' as const,
    weightKg: 70,
    heightCm: 178,
    restingHr: 48,
    maxHr: 186,
  },
  goal: { raceDate: '2027-05-02', distanceMeters: 42_195, targetTimeSec: 3 * 3600 + 15 * 60 },
  fitness: {
    recentRace: { distanceMeters: 21_097.5, timeSec: 5700, date: '2026-10-25' },
    weeklyDistanceMeters: 50_000,
  },
  availability: { runDays: ['tue', 'wed', 'thu', 'sat', 'sun'] as const, longRunDay: 'sun' as const },
  startDate: '2026-11-16',
};
const input = {
  ...marathon,
  availability: { ...marathon.availability, runDays: [...marathon.availability.runDays] },
};
const plan = generatePlan(input);
const weeks = plan.weeks!.length;

// Ten years of days with a realistic weekly pattern (seeded, deterministic).
const loads: DailyLoad[] = [];
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
for (let i = 0; i < 3653; i++)
  loads.push({ date: addDays('2016-01-01', i), load: i % 7 === 0 ? 0 : Math.round(200 + rand() * 500) });

const history = Array.from({ length: 60 }, (_, i) => ({
  date: addDays('2027-01-01', i),
  hrvRmssd: 55 + rand() * 10,
  restingHr: 48 + Math.round(rand() * 4),
  sleepDurationMinutes: 420 + Math.round(rand() * 60),
  sleepQuality: 4,
}));
const quality = plan.workouts.find((w) => w.type === 'intervals' || w.type === 'threshold')!;

const rows: Array<[string, number, string, number]> = [];
const time = (name: string, fn: () => unknown, runs: number, target?: number) =>
  rows.push([name, medianMs(fn, runs), 'ms', target ?? NaN]);

time(`generatePlan: ${weeks}-week marathon plan`, () => generatePlan(input), 300, 5);
time('rollingLoad: 10 years of daily loads', () => rollingLoad(loads), 100, 10);
time(
  'assessReadiness: 60 days of history',
  () =>
    assessReadiness({
      today: '2027-03-02',
      metrics: { date: '2027-03-02', hrvRmssd: 48, restingHr: 55, soreness: 3 },
      history,
    }),
  500,
);
time(
  'adaptPlan: red day + ACWR spike',
  () =>
    adaptPlan(plan, {
      today: quality.date,
      readiness: { color: 'red', score: 30, confidence: 1, reasons: [] },
      load: { acwr: 1.7, monotony: 2.2 },
    }),
  300,
);
const guidanceState = startGuidance(quality.structure);
time(
  'workoutGuidance: one 1 Hz sample',
  () => workoutGuidance(guidanceState, { t: 600, distanceMeters: 2000, hr: 150, paceSecPerKm: 300 }),
  5000,
);

const lite = await bundleSize('packages/engine/src/lite.ts');
const full = await bundleSize('packages/engine/src/index.ts');
rows.push(['bundle: @runningcoach/engine/lite (min+gzip)', lite.gzipped / 1024, 'KB', 10]);
rows.push(['bundle: @runningcoach/engine (min+gzip)', full.gzipped / 1024, 'KB', 80]);
const foreign = [...lite.inputs, ...full.inputs].filter((p) => !p.startsWith('packages/engine/src/'));

let failed = 0;
console.log('\nRunningCoach engine benchmark (median of repeated runs, this machine)\n');
for (const [name, value, unit, target] of rows) {
  const ok = Number.isNaN(target) || value < target;
  if (!ok) failed++;
  const t = Number.isNaN(target) ? '' : `target < ${target} ${unit}  ${ok ? 'ok' : 'MISSED'}`;
  console.log(
    `${name.padEnd(48)} ${value.toFixed(unit === 'KB' ? 1 : 3).padStart(9)} ${unit.padEnd(3)} ${t}`,
  );
}
console.log(
  `${'bundle: minified sizes (lite / full)'.padEnd(48)} ${(lite.minified / 1024).toFixed(1).padStart(9)} KB / ${(full.minified / 1024).toFixed(1)} KB`,
);
if (foreign.length) {
  failed++;
  console.log(`engine bundle pulls in code from outside the engine: ${[...new Set(foreign)].join(', ')}`);
}
console.log(failed ? `\n${failed} target(s) missed` : '\nall targets met');
process.exitCode = failed ? 1 : 0;
