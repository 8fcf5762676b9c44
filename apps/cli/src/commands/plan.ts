import { generatePlan, type GeneratePlanInput } from '@runningcoach/engine';
import { COMMON_HELP, flag, optional, stringOption, unitsOption } from '../args.ts';
import type { Command } from '../command.ts';
import { labelEngineErrors } from '../engine-errors.ts';
import { badOption } from '../errors.ts';
import { renderPlan } from '../format/plan.ts';
import { parseNumber } from '../parse/values.ts';
import { optionForPath, planInputFromFile, planInputFromFlags } from './plan-input.ts';

const s = { type: 'string' } as const;

export const plan: Command = {
  name: 'plan',
  summary: 'a periodized training plan for a goal race',
  help: `Usage: runningcoach plan --race-date <YYYY-MM-DD> --distance <d> --birth-date <YYYY-MM-DD> --sex <m|f> [options]
       runningcoach plan --input onboarding.json [--start <YYYY-MM-DD>] [--week <n>]

Builds a base/build/peak/taper plan to race day: phases, a week-by-week table and
each week's workouts, with any warnings.

Goal:
  --race-date <date>        race day
  --distance <d>            5k, 10k, half, marathon, metres or e.g. 21.1km / 13.1mi
  --target <h:mm:ss>        goal time (optional; paces follow current fitness)
  --elevation-gain <m>      race elevation gain in metres
  --start <date>            first day of the plan (default: today)
Current fitness:
  --race-time <time>        a recent race time, with
  --race-distance <d>       its distance, and
  --race-date-recent <date> its date (default: the start date)
  --weekly-km <n>           current weekly running volume in km
  --longest-km <n>          longest recent run in km
Availability:
  --run-days <days>         e.g. mon,wed,fri,sun (default tue,thu,sat,sun)
  --long-run-day <day>      default sun, or the last run day
Runner:
  --birth-date <date>       required: age sets the recovery rhythm and HR estimates
  --sex male|female         required
  --weight-kg <n>  --height-cm <n>  --resting-hr <bpm>  --max-hr <bpm>  --lthr <bpm>
Input and output:
  --input <file.json>       an onboarding body {profile, goal, fitness, availability,
                            startDate?} instead of the flags above
  --week <n>                print only week n
${COMMON_HELP}

Example:
  runningcoach plan --race-date 2026-10-04 --distance marathon --target 3:30:00 \\
    --birth-date 1988-04-12 --sex female --weekly-km 40 --race-distance 10k --race-time 48:30`,
  options: {
    input: s,
    week: s,
    start: s,
    'race-date': s,
    distance: s,
    target: s,
    'elevation-gain': s,
    'race-time': s,
    'race-distance': s,
    'race-date-recent': s,
    'weekly-km': s,
    'longest-km': s,
    'run-days': s,
    'long-run-day': s,
    'birth-date': s,
    sex: s,
    'weight-kg': s,
    'height-cm': s,
    'resting-hr': s,
    'max-hr': s,
    lthr: s,
  },
  run(args, ctx) {
    const units = unitsOption(args);
    const week = optional(args, 'week', (t, o) => parseNumber(t, o, { min: 1, integer: true }));
    const file = stringOption(args, 'input');
    const input: GeneratePlanInput =
      file === undefined ? planInputFromFlags(args, ctx.today()) : planInputFromFile(file, args, ctx.today());
    const built = labelEngineErrors(
      () => generatePlan({ ...input, units }),
      file === undefined ? optionForPath : undefined,
    );

    const weeks = built.weeks?.length ?? 0;
    if (week !== undefined && week > weeks)
      throw badOption('--week', `the plan has ${weeks} weeks, got ${week}`);
    if (flag(args, 'json')) ctx.json(built);
    else ctx.out(renderPlan(built, units, week));
    return 0;
  },
};
