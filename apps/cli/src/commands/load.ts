import { SexSchema } from '@runningcoach/contracts';
import { loadRiskFlags, rollingLoad } from '@runningcoach/engine';
import { COMMON_HELP, flag, optional } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError, UsageError } from '../errors.ts';
import { renderLoad, type LoadDay } from '../format/load.ts';
import { readLoads } from '../io/loads.ts';
import { parseChoice, parseNumber } from '../parse/values.ts';

const int = (min: number, max: number) => (t: string, o: string) =>
  parseNumber(t, o, { min, max, integer: true });

export const load: Command = {
  name: 'load',
  summary: 'acute/chronic training load, ACWR, TSB and monotony from a CSV or JSON file',
  help: `Usage: runningcoach load <file.csv|file.json> [--days <n>]
                         [--resting-hr <bpm> --max-hr <bpm> --sex male|female]

Rolling training load (EWMA acute 7 d / chronic 28 d, ACWR, TSB, Foster monotony)
for the last days, with risk flags marked "!".

Input, one row per session (several on a day add up; missing days count as rest):
  CSV  date,load                    a load you computed
  CSV  date,rpe,duration_min        session RPE (CR-10) x minutes (Foster)
  CSV  date,duration_min,avg_hr     Banister TRIMP; needs --resting-hr, --max-hr, --sex
  JSON [{"date": "2026-03-01", "load": 300}, ...]

Options:
  --days <n>          days to show (default 28)
  --resting-hr <bpm>  for TRIMP
  --max-hr <bpm>      for TRIMP
  --sex male|female   for TRIMP
${COMMON_HELP}
  (--json prints the full series, each day with its risk flags)

Example:
  runningcoach load loads.csv --days 14`,
  options: {
    days: { type: 'string' },
    'resting-hr': { type: 'string' },
    'max-hr': { type: 'string' },
    sex: { type: 'string' },
  },
  positionals: true,
  engineFields: { restingHr: '--resting-hr', maxHr: '--max-hr', sex: '--sex' },
  run(args, ctx) {
    const [file, ...extra] = args.positionals;
    if (file === undefined)
      throw new UsageError('missing the file argument: runningcoach load <file.csv|file.json>');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const days = optional(args, 'days', int(1, 3650)) ?? 28;
    const loads = readLoads(file, {
      restingHr: optional(args, 'resting-hr', int(25, 150)),
      maxHr: optional(args, 'max-hr', int(100, 250)),
      sex: optional(args, 'sex', (t, o) => parseChoice(t, o, SexSchema.options)),
    });
    if (loads.length === 0) throw new CliError(`${file}: no rows`, 2);
    const series: LoadDay[] = rollingLoad(loads).map((d) => ({ ...d, flags: loadRiskFlags(d) }));
    if (flag(args, 'json')) ctx.json(series);
    else ctx.out(renderLoad(series, days));
    return 0;
  },
};
