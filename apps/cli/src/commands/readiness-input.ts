import { DailyMetricsSchema, IsoDateSchema, type DailyMetrics } from '@runningcoach/contracts';
import type { ReadinessBaselines, ReadinessInput } from '@runningcoach/engine';
import { optional, stringOption, type ParsedArgs } from '../args.ts';
import { CliError, UsageError } from '../errors.ts';
import { readJson } from '../io/files.ts';
import { readMetricsHistory } from '../io/metrics.ts';
import { parseDate, parseNumber } from '../parse/values.ts';
import { validate } from '../validate.ts';

/** Flags of today's check-in, with the DailyMetrics field each one fills. */
export const METRIC_FLAGS: Record<string, string> = {
  hrv: 'hrvRmssd',
  'resting-hr': 'restingHr',
  'sleep-hours': 'sleepDurationMinutes',
  'sleep-quality': 'sleepQuality',
  soreness: 'soreness',
  stress: 'stress',
  mood: 'mood',
  'morning-readiness': 'morningReadiness',
};

const FLAG_OF_PATH: Record<string, string> = {
  ...Object.fromEntries(Object.entries(METRIC_FLAGS).map(([f, field]) => [`metrics.${field}`, `--${f}`])),
  today: '--date',
  'metrics.date': '--date',
  'baselines.hrvRmssd': '--baseline-hrv',
  'baselines.restingHr': '--baseline-resting-hr',
};

/** The flag behind a field of a flag-built readiness input. */
export const flagOfField = (path: string): string | undefined => FLAG_OF_PATH[path];
const num = (t: string, o: string): number => parseNumber(t, o);

/** Today's check-in from flags; history from --history; baselines from --baseline-* flags. */
export function readinessInputFromFlags(args: ParsedArgs, clockToday: string): ReadinessInput {
  const today = optional(args, 'date', parseDate) ?? clockToday;
  const given = Object.keys(METRIC_FLAGS).filter((f) => stringOption(args, f) !== undefined);
  if (given.length === 0) {
    throw new UsageError(
      "no check-in: give --input <file.json> or today's values (--hrv, --resting-hr, --sleep-hours, --sleep-quality, --soreness, --stress, --mood)",
    );
  }
  const metrics: Record<string, unknown> = { date: today };
  for (const f of given) {
    const value = optional(args, f, num)!;
    // The contract stores sleep in minutes; people think of it in hours.
    metrics[METRIC_FLAGS[f]!] = f === 'sleep-hours' ? value * 60 : value;
  }
  const historyPath = stringOption(args, 'history');
  const baselines: ReadinessBaselines = {
    hrvRmssd: optional(args, 'baseline-hrv', (t, o) => parseNumber(t, o, { min: 3, max: 300 })),
    restingHr: optional(args, 'baseline-resting-hr', (t, o) => parseNumber(t, o, { min: 25, max: 150 })),
  };
  return {
    today,
    metrics: validate(DailyMetricsSchema, metrics, { prefix: 'metrics', optionFor: flagOfField }),
    history: historyPath === undefined ? [] : readMetricsHistory(historyPath),
    ...(baselines.hrvRmssd !== undefined || baselines.restingHr !== undefined ? { baselines } : {}),
  };
}

/** `{today?, metrics, history?, baselines?}`; `today` defaults to the check-in's date. */
export function readinessInputFromFile(path: string, args: ParsedArgs): ReadinessInput {
  const used = [...Object.keys(METRIC_FLAGS), 'date', 'history', 'baseline-hrv', 'baseline-resting-hr'].find(
    (f) => stringOption(args, f) !== undefined,
  );
  if (used) throw new UsageError(`--${used}: cannot be combined with --input (put it in the file instead)`);
  const body = readJson(path);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CliError(`${path}: expected an object {today, metrics, history, baselines?}`, 2);
  }
  const raw = body as Record<string, unknown>;
  const metrics = validate(DailyMetricsSchema, raw.metrics, { prefix: 'metrics' });
  const today =
    raw.today === undefined ? metrics.date : validate(IsoDateSchema, raw.today, { prefix: 'today' });
  if (raw.history !== undefined && !Array.isArray(raw.history)) {
    throw new UsageError('history: expected an array of daily metrics');
  }
  const history: DailyMetrics[] = ((raw.history as unknown[] | undefined) ?? []).map((h, i) =>
    validate(DailyMetricsSchema, h, { prefix: `history[${i}]` }),
  );
  const baselines = raw.baselines;
  if (baselines !== undefined && (typeof baselines !== 'object' || baselines === null)) {
    throw new UsageError('baselines: expected an object {restingHr?, hrvRmssd?}');
  }
  // The engine range-checks baselines and names the field if one is off.
  return { today, metrics, history, ...(baselines ? { baselines: baselines as ReadinessBaselines } : {}) };
}
