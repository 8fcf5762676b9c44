import { assessReadiness } from '@runningcoach/engine';
import { COMMON_HELP, flag, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { labelEngineErrors } from '../engine-errors.ts';
import { renderReadiness } from '../format/readiness.ts';
import {
  flagOfField,
  METRIC_FLAGS,
  readinessInputFromFile,
  readinessInputFromFlags,
} from './readiness-input.ts';

const s = { type: 'string' } as const;

export const readiness: Command = {
  name: 'readiness',
  summary: "today's readiness to train (green/yellow/red) from a morning check-in",
  help: `Usage: runningcoach readiness --input <file.json>
       runningcoach readiness [--hrv <ms>] [--resting-hr <bpm>] [--sleep-hours <h>] [--sleep-quality 1-5]
                              [--soreness 1-5] [--stress 1-5] [--mood 1-5] [--history <file.json|csv>]

A traffic light, a 0-100 score and how confident it is, with the reasons: HRV and
resting HR against your own baseline, sleep, and how you feel (1-5; for soreness
and stress 5 is the worst, for the others 5 is the best).

Options:
  --input <file.json>        {today, metrics, history, baselines?} (DailyMetrics objects)
  --date <YYYY-MM-DD>        the day of the check-in (default: today)
  --hrv <ms>                 morning HRV (rMSSD)
  --resting-hr <bpm>         morning resting heart rate
  --sleep-hours <h>          hours slept, e.g. 7.5
  --sleep-quality <1-5>      --soreness <1-5>  --stress <1-5>  --mood <1-5>
  --morning-readiness <1-5>  how ready you feel
  --history <file>           earlier days: JSON array of DailyMetrics, or CSV with a date
                             column and any of hrv, resting_hr, sleep_hours, sleep_quality,
                             soreness, stress, mood
  --baseline-hrv <ms>        your usual HRV, used until the history is long enough
  --baseline-resting-hr <bpm>
${COMMON_HELP}

Example:
  runningcoach readiness --hrv 55 --resting-hr 52 --sleep-hours 7.5 --sleep-quality 4 \\
    --soreness 2 --stress 2 --mood 4 --history history.csv`,
  options: {
    input: s,
    date: s,
    history: s,
    'baseline-hrv': s,
    'baseline-resting-hr': s,
    ...Object.fromEntries(Object.keys(METRIC_FLAGS).map((f) => [f, s])),
  },
  run(args, ctx) {
    const file = stringOption(args, 'input');
    const input =
      file === undefined ? readinessInputFromFlags(args, ctx.today()) : readinessInputFromFile(file, args);
    const fromFlags = file === undefined;
    const result = labelEngineErrors(() => assessReadiness(input), fromFlags ? flagOfField : undefined);
    if (flag(args, 'json')) ctx.json({ today: input.today, ...result });
    else ctx.out(renderReadiness(result, input.today));
    return 0;
  },
};
