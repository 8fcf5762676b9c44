import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Goal,
  type Onboarding,
  ProfileSchema,
  type TrainingPlan,
  type Workout,
  type WorkoutType,
} from '@runningcoach/contracts';
import { ENGINE_VERSION, EngineError, generatePlan } from '@runningcoach/engine';
import { todayIn } from '../queue/pipelines/local-time.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { type NewScheduledWorkout, PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { RealtimeService } from '../realtime/realtime.service.ts';
import type { ScheduledWorkoutRow, TrainingPlanRow, UserRow, WorkoutState } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';

/** A planned day as clients see it: the engine's Workout plus where it stands. */
export type ScheduledWorkout = Workout & { state: WorkoutState; completedActivityId: string | null };
export type PlanDto = TrainingPlan & { id: string; status: TrainingPlanRow['status'] };

export function toWorkout(row: ScheduledWorkoutRow): ScheduledWorkout {
  return {
    id: row.id,
    date: row.date,
    type: row.type as WorkoutType,
    ...(row.targetDistanceMeters != null && { targetDistanceMeters: row.targetDistanceMeters }),
    ...(row.targetDurationSec != null && { targetDurationSec: row.targetDurationSec }),
    ...(row.intensityZone != null && { intensityZone: row.intensityZone }),
    structure: row.structure,
    description: row.description,
    ...(row.phase != null && { phase: row.phase as Workout['phase'] & string }),
    ...(row.week != null && { week: row.week }),
    ...(row.adaptations.length > 0 && { adaptations: row.adaptations }),
    state: row.state,
    completedActivityId: row.completedActivityId,
  };
}

/** Only the engine's Workout fields (what adaptPlan reads and writes). */
export function planWorkout(w: ScheduledWorkout): Workout {
  const { state: _state, completedActivityId: _done, ...workout } = w;
  return workout;
}

export function toPlan(row: TrainingPlanRow, workouts: ScheduledWorkoutRow[]): PlanDto {
  const { fitness: _f, availability: _a, ...meta } = row.meta;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    startDate: row.startDate,
    endDate: row.endDate,
    phases: row.phases,
    workouts: workouts.map((w) => planWorkout(toWorkout(w))),
    ...meta,
  };
}

/** The columns of a Workout (the engine's shape) for one plan. */
export function workoutColumns(w: Workout) {
  return {
    type: w.type,
    targetDistanceMeters: w.targetDistanceMeters ?? null,
    targetDurationSec: w.targetDurationSec ?? null,
    intensityZone: w.intensityZone ?? null,
    structure: w.structure,
    description: w.description,
    phase: w.phase ?? null,
    week: w.week ?? null,
    adaptations: w.adaptations ?? [],
  };
}

/** The runner's calendar day now (settings.timeZone, else UTC): computed here at the edge, never in the engine. */
export function runnerToday(user: Pick<UserRow, 'settings'>, now = Date.now()): string {
  return todayIn(user.settings?.timeZone, now);
}

/** Engine input errors name the field: a 422 the client can act on. */
export function engineError(err: unknown): unknown {
  if (!(err instanceof EngineError)) return err;
  return new AppError(422, err.code, `${err.field}: ${err.message}`, {
    issues: [{ path: err.field, code: err.code, message: err.message }],
  });
}

const userGone = () => new AppError(404, 'NOT_FOUND', 'user not found');
export const noPlan = () => new AppError(404, 'NO_PLAN', 'no training plan yet: complete onboarding first');

@Injectable()
export class PlanService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(RealtimeService) private readonly realtime: RealtimeService,
  ) {}

  /** After the commit: the runner's devices fetch the new plan (sync or GET /plan). */
  private async announced<T extends { plan: PlanDto }>(userId: string, result: T): Promise<T> {
    const { id, version } = result.plan;
    await this.realtime.publish(userId, 'plan:updated', { reason: 'generated', planId: id, version });
    return result;
  }

  /** Stores the answers on the runner and builds their plan from today; an earlier plan is superseded. */
  async onboard(userId: string, input: Onboarding): Promise<{ plan: PlanDto }> {
    const result = await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId, { forUpdate: true });
      if (!user) throw userGone();
      const plan = await this.build(user, input);
      await this.users.update(userId, {
        profile: { ...user.profile, ...input.profile },
        goal: input.goal,
        baselines: {
          ...user.baselines,
          ...(input.profile.restingHr !== undefined && { restingHr: input.profile.restingHr }),
          ...(input.profile.maxHr !== undefined && { maxHr: input.profile.maxHr }),
          ...(input.profile.lthr !== undefined && { lthr: input.profile.lthr }),
        },
      });
      await this.audit.record(userId, 'onboarding.complete', 'training_plan', plan.id);
      return { plan };
    });
    return this.announced(userId, result);
  }

  current(userId: string): Promise<{ plan: PlanDto; workouts: ScheduledWorkout[] }> {
    return this.database.asUser(userId, async () => {
      const row = await this.plans.findActive(userId);
      if (!row) throw noPlan();
      const workouts = await this.plans.workoutsOf(userId, row.id);
      return { plan: toPlan(row, workouts), workouts: workouts.map(toWorkout) };
    });
  }

  /**
   * A new version from today with the runner's current profile and goal (or `change.goal`, which becomes the
   * runner's goal); the past stays as it was.
   */
  async regenerate(userId: string, change: { goal?: Goal; audit?: string } = {}): Promise<{ plan: PlanDto }> {
    const result = await this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId, { forUpdate: true });
      if (!user) throw userGone();
      const active = await this.plans.findActive(userId);
      if (!active) throw noPlan();
      const profile = ProfileSchema.safeParse(user.profile);
      if (!profile.success)
        throw new AppError(409, 'PROFILE_INCOMPLETE', 'profile is incomplete: onboard again');
      const plan = await this.build(user, {
        profile: profile.data,
        goal: change.goal ?? user.goal ?? active.meta.goal,
        fitness: active.meta.fitness,
        availability: active.meta.availability,
      });
      if (change.goal) await this.users.update(userId, { goal: change.goal });
      await this.audit.record(userId, change.audit ?? 'plan.regenerate', 'training_plan', plan.id);
      return { plan };
    });
    return this.announced(userId, result);
  }

  private async build(user: UserRow, input: Onboarding): Promise<PlanDto> {
    const today = runnerToday(user);
    const id = randomUUID();
    const version = (await this.plans.latestVersion(user.id)) + 1;
    let generated: TrainingPlan;
    try {
      generated = generatePlan({
        ...input,
        startDate: today,
        version,
        idPrefix: `${id}:`,
        units: user.settings.units,
      });
    } catch (err) {
      throw engineError(err);
    }
    const active = await this.plans.findActive(user.id, { forUpdate: true });
    if (active) {
      await this.plans.supersede(user.id, active.id);
      await this.plans.deletePlannedFrom(user.id, active.id, today);
    }
    const { workouts, phases, startDate, endDate, version: _v, ...rest } = generated;
    const rows: NewScheduledWorkout[] = workouts.map((w) => ({
      id: w.id,
      userId: user.id,
      planId: id,
      date: w.date,
      ...workoutColumns(w),
    }));
    const row = await this.plans.insertPlan(
      {
        id,
        userId: user.id,
        version,
        status: 'active',
        startDate,
        endDate,
        phases,
        meta: {
          ...rest,
          engineVersion: rest.engineVersion ?? ENGINE_VERSION,
          goal: rest.goal ?? input.goal,
          fitness: input.fitness,
          availability: input.availability,
        },
      },
      rows,
    );
    return toPlan(row, await this.plans.workoutsOf(user.id, id));
  }
}
