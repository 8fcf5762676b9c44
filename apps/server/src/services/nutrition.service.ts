import { Inject, Injectable } from '@nestjs/common';
import type { DateRangeQuery, NutritionDay, NutritionTotals } from '@runningcoach/contracts';
import { type NutritionAlert, addDays, nutritionAlerts, runningEnergyKcal } from '@runningcoach/engine';
import { type DailyNutrition, NutritionCsvError, parseNutritionCsv } from '@runningcoach/integrations';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { NutritionRepository } from '../repositories/nutrition.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { NutritionDayRow, NutritionSource } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { engineError } from './plan.service.ts';

// The engine looks at 7 days ending on the latest logged one; two weeks of context is plenty.
const LOOKBACK_DAYS = 13;
const RUNS = new Set(['run', 'trail_run', 'treadmill']);
/** Alert kinds this service owns, by the engine's codes. */
const KINDS = [
  'RED_S_RISK',
  'LOW_ENERGY_AVAILABILITY',
  'CARB_SHORTFALL',
  'PROTEIN_SHORTFALL',
  'ENERGY_AVAILABILITY_UNKNOWN',
];
const kindOf = (code: string) => `nutrition_${code.toLowerCase()}`;
const TITLES: Record<string, string> = {
  RED_S_RISK: 'Low energy availability: RED-S risk',
  LOW_ENERGY_AVAILABILITY: 'Energy availability is below what training needs',
  CARB_SHORTFALL: 'Not enough carbohydrate for heavy training',
  PROTEIN_SHORTFALL: 'Protein below what runners need',
  ENERGY_AVAILABILITY_UNKNOWN: 'Energy availability cannot be checked yet',
};

export interface NutritionWriteResult {
  days: NutritionDay[];
  /** The nutrition alerts now open for the latest day written (also listed by GET /alerts). */
  alerts: NutritionAlert[];
}

export interface NutritionStoreResult extends NutritionWriteResult {
  /** Days the provider had that the runner entered by hand or imported from CSV: those stay. */
  kept: string[];
}

/** A provider's sync never replaces what the runner entered or imported themselves. */
const PROVIDER_SOURCES: ReadonlySet<NutritionSource> = new Set(['myfitnesspal']);

function toDay(row: NutritionDayRow): NutritionDay {
  return {
    date: row.date,
    source: row.source,
    intakeKcal: row.intakeKcal,
    ...(row.carbsGrams != null && { carbsGrams: row.carbsGrams }),
    ...(row.proteinGrams != null && { proteinGrams: row.proteinGrams }),
    ...(row.fatGrams != null && { fatGrams: row.fatGrams }),
  };
}

/** Daily eating totals (manual, CSV, MyFitnessPal) and the engine's RED-S and macronutrient alerts on them. */
@Injectable()
export class NutritionService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(NutritionRepository) private readonly nutrition: NutritionRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
  ) {}

  log(userId: string, date: string, totals: NutritionTotals): Promise<NutritionWriteResult> {
    return this.write(userId, [{ date, ...totals }], 'manual');
  }

  importCsv(userId: string, csv: string): Promise<NutritionWriteResult> {
    let days: DailyNutrition[];
    try {
      days = parseNutritionCsv(csv);
    } catch (err) {
      if (!(err instanceof NutritionCsvError)) throw err;
      const issue = { path: 'csv', code: 'invalid_csv', message: err.message };
      throw new AppError(400, 'VALIDATION_FAILED', `csv: ${err.message}`, { issues: [issue] });
    }
    return this.write(userId, days, 'csv');
  }

  /**
   * A provider's days (the MyFitnessPal adapter), stored like an import, except that a day the runner entered
   * by hand or imported from CSV is kept (what they said they ate wins over the diary sync).
   */
  async store(
    userId: string,
    days: DailyNutrition[],
    source: NutritionSource,
  ): Promise<NutritionStoreResult> {
    const result = await this.write(userId, days, source);
    const written = new Set(result.days.map((d) => d.date));
    return { ...result, kept: days.map((d) => d.date).filter((d) => !written.has(d)) };
  }

  /**
   * Inside the runner's transaction: deletes the days `source` brought (a provider disconnected with
   * deleteData) and re-assesses the nutrition alerts those days could have raised. How many went.
   */
  async removeSource(userId: string, source: NutritionSource): Promise<number> {
    const gone = (await this.nutrition.deleteBySource(userId, source)).sort();
    if (gone.length === 0) return 0;
    // An alert dated D looks at the days D − LOOKBACK_DAYS to D.
    const from = gone[0]!;
    const to = addDays(gone.at(-1)!, LOOKBACK_DAYS);
    const dates = new Set(await this.alerts.datesOf(userId, KINDS.map(kindOf), from, to));
    // The latest day still logged in that range: an alert its week now deserves is raised there.
    const latest = (await this.nutrition.list(userId, { from, to })).at(-1)?.date;
    if (latest) dates.add(latest);
    for (const date of dates) await this.assess(userId, date);
    return gone.length;
  }

  list(userId: string, range: DateRangeQuery): Promise<{ days: NutritionDay[] }> {
    return this.database.asUser(userId, async () => ({
      days: (await this.nutrition.list(userId, range)).map(toDay),
    }));
  }

  private write(
    userId: string,
    days: DailyNutrition[],
    source: NutritionSource,
  ): Promise<NutritionWriteResult> {
    return this.database.asUser(userId, async () => {
      const dates = await this.nutrition.upsert(
        days.map((d) => ({
          userId,
          date: d.date,
          source,
          intakeKcal: d.intakeKcal,
          carbsGrams: d.carbsGrams ?? null,
          proteinGrams: d.proteinGrams ?? null,
          fatGrams: d.fatGrams ?? null,
        })),
        { sameSourceOnly: PROVIDER_SOURCES.has(source) },
      );
      const written = [...new Set(dates)].sort();
      if (written.length === 0) return { days: [], alerts: [] };
      const latest = written.at(-1)!;
      const alerts = await this.assess(userId, latest);
      const stored = await this.nutrition.list(userId, { from: written[0], to: latest });
      const isWritten = new Set(written);
      return { days: stored.filter((r) => isWritten.has(r.date)).map(toDay), alerts };
    });
  }

  /** The engine's nutrition alerts for the week ending `to`; raised or cleared on that day (one per kind). */
  private async assess(userId: string, to: string): Promise<NutritionAlert[]> {
    const user = await this.users.findById(userId);
    const weightKg = user?.profile.weightKg;
    for (const k of KINDS) await this.alerts.clear(userId, kindOf(k), [to]);
    if (!user || weightKg === undefined) return [];
    const from = addDays(to, -LOOKBACK_DAYS);
    const eaten = await this.nutrition.list(userId, { from, to });
    const done = await this.activities.list(userId, { from, to });
    const valid = done.filter((a) => !a.rejectedReason);
    let found: NutritionAlert[];
    try {
      found = nutritionAlerts({
        weightKg,
        ...(user.profile.heightCm !== undefined && { heightCm: user.profile.heightCm }),
        ...(user.profile.sex !== undefined && { sex: user.profile.sex }),
        days: eaten.map((n) => {
          const that = valid.filter((a) => a.date === n.date);
          // Margaria: ~1 kcal/kg/km net for running; other sports without a model count nothing (a floor).
          const exerciseKcal = that
            .filter((a) => RUNS.has(a.type) && a.distanceMeters)
            .reduce((s, a) => s + runningEnergyKcal(a.distanceMeters!, weightKg), 0);
          const minutes = that.reduce((s, a) => s + a.durationSec / 60, 0);
          return {
            date: n.date,
            intakeKcal: n.intakeKcal,
            ...(n.carbsGrams != null && { carbsGrams: n.carbsGrams }),
            ...(n.proteinGrams != null && { proteinGrams: n.proteinGrams }),
            exerciseKcal,
            trainingMinutes: Math.min(minutes, 24 * 60),
          };
        }),
      });
    } catch (err) {
      throw engineError(err);
    }
    for (const a of found) {
      await this.alerts.raise({
        userId,
        kind: kindOf(a.code),
        severity: a.severity,
        date: to,
        title: TITLES[a.code] ?? a.code,
        body: a.message,
        data: a.data,
      });
    }
    return found;
  }
}
