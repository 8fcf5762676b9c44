import { Inject, Injectable } from '@nestjs/common';
import type { DailyMetrics, Readiness } from '@runningcoach/contracts';
import { addDays, assessReadiness, sleepIndex } from '@runningcoach/engine';
import { DASHBOARD_CACHE, type RunnerCache } from '../cache/runner-cache.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DailyMetricsRepository, type MetricsValues } from '../repositories/daily-metrics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { DailyMetricsRow, UserRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { PlanAdaptationService } from './plan-adaptation.service.ts';
import { engineError, runnerToday, type ScheduledWorkout } from './plan.service.ts';

/** Readiness looks back this far for the runner's personal baselines. */
export const HISTORY_DAYS = 60;

const METRIC_KEYS = [
  'restingHr',
  'hrvRmssd',
  'sleepDurationMinutes',
  'sleepQuality',
  'soreness',
  'stress',
  'mood',
  'morningReadiness',
  'weightKg',
] as const;

export type MetricsDto = DailyMetrics & { sleepIndex: number | null };

export function toMetrics(row: DailyMetricsRow): MetricsDto {
  const out: DailyMetrics = { date: row.date };
  for (const k of METRIC_KEYS) if (row[k] != null) out[k] = row[k];
  return { ...out, sleepIndex: row.sleepIndex };
}

export interface CheckInResult {
  metrics: MetricsDto;
  readiness: Readiness;
  workout: ScheduledWorkout | null;
}

@Injectable()
export class DailyMetricsService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(DailyMetricsRepository) private readonly metrics: DailyMetricsRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(PlanAdaptationService) private readonly adaptation: PlanAdaptationService,
    @Inject(DASHBOARD_CACHE) private readonly cache: RunnerCache<unknown>,
  ) {}

  /**
   * Stores the day's check-in, assesses readiness against the runner's own history, and adapts the plan from
   * that day on (a check-in for an earlier day is stored and assessed, but the past is never rewritten).
   */
  /**
   * `over: 'stored'` lays `input` over what the day already holds (a provider's dailies, sleep and HRV arrive
   * as separate events for one day); the read and the write share one transaction under the day's lock, so
   * two such events never undo each other.
   */
  async checkIn(userId: string, given: DailyMetrics, opts: { over?: 'stored' } = {}): Promise<CheckInResult> {
    const result = await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
      await this.metrics.lockDay(userId, given.date);
      let input = given;
      if (opts.over === 'stored') {
        const stored = await this.metrics.onDate(userId, given.date);
        if (stored) {
          const { sleepIndex: _derived, ...base } = toMetrics(stored);
          const sent = Object.entries(given).filter(([, v]) => v !== undefined);
          input = { ...base, ...Object.fromEntries(sent), date: given.date };
        }
      }
      const today = runnerToday(user);
      // One day of slack for a runner crossing time zones; anything later has not happened yet.
      if (input.date > addDays(today, 1)) {
        throw new AppError(
          422,
          'DATE_IN_FUTURE',
          `date: ${input.date} is after the runner's today (${today})`,
          {
            issues: [{ path: 'date', code: 'DATE_IN_FUTURE', message: 'is in the future' }],
          },
        );
      }
      const { readiness, sleepIndex: index } = await this.assessInTx(user, input);
      const values: MetricsValues = {
        ...metricsValues(userId, input),
        sleepIndex: index,
        readiness,
      };
      const row = await this.metrics.upsert(values);
      await this.audit.record(userId, 'daily_metrics.upsert', 'daily_metrics', row.id);
      // Only the days from the check-in on: missed days are the midnight pipeline's business.
      const { workout } = await this.adaptation.adaptInTx(userId, {
        date: input.date,
        today,
        readiness,
        units: user.settings.units,
      });
      return { metrics: toMetrics(row), readiness, workout };
    });
    await this.cache.invalidate(userId);
    return result;
  }

  /** Readiness and sleep index of a day's values, against the runner's own history before that day. */
  async assessInTx(
    user: UserRow,
    input: DailyMetrics,
  ): Promise<{ readiness: Readiness; sleepIndex: number | null }> {
    const history = await this.metrics.between(user.id, addDays(input.date, -HISTORY_DAYS), input.date);
    return assess(user, input, history);
  }

  /**
   * The check-in's derived work for days stored by sync (POST /sync, inside its unit of work), oldest day
   * first: readiness and sleep index onto the rows, the plan adapted from each day that is today or later.
   * One history read covers them all and one statement stores them (history reads the raw values only, so
   * the order of the writes changes no day's result). A day after the runner's tomorrow is kept as pushed
   * (REST refuses it; a device's clock is not trusted) and assessed when it is re-sent.
   */
  async deriveManyInTx(user: UserRow, rows: DailyMetricsRow[]): Promise<void> {
    const today = runnerToday(user);
    const due = rows.filter((r) => r.date <= addDays(today, 1)).sort((a, b) => a.date.localeCompare(b.date));
    if (!due.length) return;
    const first = addDays(due[0]!.date, -HISTORY_DAYS);
    const history = await this.metrics.between(user.id, first, due.at(-1)!.date);
    const derived = due.map((row) => {
      const { sleepIndex: _s, ...input } = toMetrics(row);
      const from = addDays(row.date, -HISTORY_DAYS);
      const before = history.filter((h) => h.date >= from && h.date < row.date);
      return { row, ...assess(user, input, before) };
    });
    await this.metrics.setDerived(
      user.id,
      derived.map((d) => ({ id: d.row.id, readiness: d.readiness, sleepIndex: d.sleepIndex })),
    );
    for (const d of derived) {
      // The past is never rewritten (adaptInTx would change nothing): a device's backlog costs no plan reads.
      if (d.row.date < today) continue;
      await this.adaptation.adaptInTx(user.id, {
        date: d.row.date,
        today,
        readiness: d.readiness,
        units: user.settings.units,
      });
    }
  }
}

function metricsValues(userId: string, input: DailyMetrics): Omit<MetricsValues, 'sleepIndex' | 'readiness'> {
  return {
    userId,
    date: input.date,
    restingHr: input.restingHr ?? null,
    hrvRmssd: input.hrvRmssd ?? null,
    sleepDurationMinutes: input.sleepDurationMinutes ?? null,
    sleepQuality: input.sleepQuality ?? null,
    soreness: input.soreness ?? null,
    stress: input.stress ?? null,
    mood: input.mood ?? null,
    morningReadiness: input.morningReadiness ?? null,
    weightKg: input.weightKg ?? null,
  };
}

/** Readiness and sleep index of a day's values against the check-ins before it (`history`). */
function assess(
  user: UserRow,
  input: DailyMetrics,
  history: DailyMetricsRow[],
): { readiness: Readiness; sleepIndex: number | null } {
  try {
    return {
      readiness: assessReadiness({
        today: input.date,
        metrics: input,
        history: history.map(toMetrics).map(({ sleepIndex: _s, ...m }) => m),
        baselines: {
          restingHr: user.baselines.restingHr ?? user.profile.restingHr,
          hrvRmssd: user.baselines.hrvRmssd,
        },
      }),
      sleepIndex: sleepIndex(input.sleepDurationMinutes, input.sleepQuality),
    };
  } catch (err) {
    throw engineError(err);
  }
}
