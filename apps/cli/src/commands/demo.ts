import { ENGINE_VERSION, generatePlan, vdotFromRace, type GeneratePlanInput } from '@runningcoach/engine';
import { COMMON_HELP, flag, unitsOption } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { renderPhases, renderPlanHeader, renderWarnings, renderWeekTable } from '../format/plan.ts';
import { buildPrediction, renderPrediction } from '../format/prediction.ts';

const SAMPLE_RACE = { distanceMeters: 5000, timeSec: 19 * 60 + 57 };

/** A fixed sample runner and start date, so the demo prints the same plan on every machine and day. */
export const SAMPLE_PLAN_INPUT: GeneratePlanInput = {
  profile: { birthDate: '1990-05-01', sex: 'female', weightKg: 60, heightCm: 168, restingHr: 50, maxHr: 188 },
  goal: {
    raceDate: '2026-06-21',
    distanceMeters: 42_195,
    name: 'Sample City Marathon',
    targetTimeSec: 3 * 3600 + 15 * 60,
  },
  fitness: {
    recentRace: { ...SAMPLE_RACE, date: '2026-02-15' },
    weeklyDistanceMeters: 45_000,
    longestRecentRunMeters: 18_000,
  },
  availability: { runDays: ['tue', 'thu', 'sat', 'sun'], longRunDay: 'sun' },
  startDate: '2026-03-02',
};

const SHOWN_WEEKS = 3;

export const demo: Command = {
  name: 'demo',
  summary: 'a tour: predictions for a 19:57 5K and a sample 16-week marathon plan',
  help: `Usage: runningcoach demo

What RunningCoach is, then two samples: race predictions and training paces for a
19:57 5K, and the outline of a 16-week marathon plan for a fixed sample runner.

Options:
${COMMON_HELP}`,
  options: {},
  run(args, ctx) {
    const units = unitsOption(args);
    const prediction = buildPrediction(
      vdotFromRace(SAMPLE_RACE.distanceMeters, SAMPLE_RACE.timeSec),
      SAMPLE_RACE,
    );
    let plan;
    try {
      plan = generatePlan({ ...SAMPLE_PLAN_INPUT, units });
    } catch (err) {
      throw new CliError(`the sample plan failed: ${err instanceof Error ? err.message : String(err)}`, 1);
    }
    if (flag(args, 'json')) {
      ctx.json({ prediction, plan });
      return 0;
    }
    const weeks = plan.weeks ?? [];
    const { profile, goal, fitness } = SAMPLE_PLAN_INPUT;
    ctx.out([
      `RunningCoach (engine ${ENGINE_VERSION}): an open, offline-first adaptive running coach.`,
      'Race predictions, training paces, periodized plans, daily readiness and training load,',
      'computed on your own device by a deterministic engine: no account, no cloud.',
      '',
      '== Sample 1: you ran a 5K in 19:57 ==',
      '',
      ...renderPrediction(prediction, units),
      '',
      `== Sample 2: a 16-week marathon plan (${profile.sex}, born ${profile.birthDate}, ` +
        `${(fitness.weeklyDistanceMeters ?? 0) / 1000} km/week, goal ${goal.name}) ==`,
      '',
      ...renderPlanHeader(plan, units),
      '',
      ...renderPhases(plan),
      '',
      `First ${SHOWN_WEEKS} of ${weeks.length} weeks`,
      ...renderWeekTable(plan, weeks.slice(0, SHOWN_WEEKS), units),
      ...(plan.warnings?.length ? ['', ...renderWarnings(plan)] : []),
      '',
      'Try: runningcoach plan --help',
    ]);
    return 0;
  },
};
