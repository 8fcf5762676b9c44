import type { Reason, TrainingPlan, Workout } from '@runningcoach/contracts';
import { dayNumber } from '../util/dates.ts';
import { EngineError } from '../util/errors.ts';
import { contextOf, markAdapted } from './edit.ts';
import { detectMissed } from './missed.ts';
import { acwrRule, missedLongRunRule, monotonyRule, readinessRule, type RuleState } from './rules.ts';
import type { AdaptationContext, AdaptationResult, WorkoutChange } from './types.ts';

/**
 * Looks at the plan again on `today`: missed workouts, the load guardrails and today's readiness. Only today
 * and later change; the past is never rewritten. Every change comes with before/after and a reason, and
 * running it again with the same context changes nothing more.
 */
export function adaptPlan(plan: TrainingPlan, context: AdaptationContext): AdaptationResult {
  if (!plan || !Array.isArray(plan.workouts))
    throw new EngineError('INVALID_PLAN', 'plan', 'plan must be a TrainingPlan with workouts');
  if (!context) throw new EngineError('MISSING_INPUT', 'context', 'context with today is required');
  const { today } = context;
  dayNumber(today, 'today');
  validateContext(context);
  const workouts = [...plan.workouts];
  const changes: WorkoutChange[] = [];
  const reasons: Reason[] = [];
  const state: RuleState = {
    workouts,
    today,
    raceDate: plan.endDate,
    sc: contextOf(plan, context),
    edit(index, after, rule, ref) {
      const before = workouts[index]!;
      if (before.date < today)
        throw new EngineError('PAST_IS_FIXED', 'today', `refusing to change ${before.date}, before ${today}`);
      const marked: Workout = markAdapted({ ...after, id: before.id, date: before.date }, rule, today, ref);
      workouts[index] = marked;
      const earlier = changes.findIndex((c) => c.workoutId === before.id);
      // One entry per workout: the original before, the final after, the last rule.
      if (earlier >= 0)
        changes[earlier] = { ...changes[earlier]!, after: marked, rule: `${changes[earlier]!.rule}+${rule}` };
      else changes.push({ workoutId: before.id, date: before.date, rule, before, after: marked });
    },
    reason(r) {
      reasons.push(r);
    },
  };

  // Without an activity list nothing can be called missed: the caller did not say what was done.
  const missed = context.activities ? detectMissed(plan.workouts, context) : [];
  const recent = missed.filter((w) => w.date >= plan.startDate);
  if (recent.length) {
    reasons.push({
      code: 'MISSED_WORKOUTS',
      message: `${recent.length} planned run${recent.length > 1 ? 's' : ''} without a logged activity.`,
      data: { count: recent.length, last: recent.at(-1)!.date },
    });
  }
  missedLongRunRule(state, missed);
  acwrRule(state, context.load?.acwr ?? null);
  monotonyRule(state, context.load?.monotony ?? null);
  readinessRule(state, context.readiness);

  const adapted: TrainingPlan = changes.length ? { ...plan, version: plan.version + 1, workouts } : plan;
  return { plan: adapted, changes, reasons, missed };
}

function validateContext(ctx: AdaptationContext): void {
  for (const key of ['acwr', 'monotony'] as const) {
    const v = ctx.load?.[key];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new EngineError(
        'INVALID_NUMBER',
        `load.${key}`,
        `load.${key} must be a non-negative number or null`,
      );
    }
  }
  const r = ctx.readiness;
  if (
    r !== undefined &&
    (!r ||
      !['green', 'yellow', 'red'].includes(r.color) ||
      !Number.isFinite(r.score) ||
      !Array.isArray(r.reasons))
  ) {
    throw new EngineError(
      'INVALID_READINESS',
      'readiness',
      'readiness must be { color, score, confidence, reasons }',
    );
  }
  if (
    ctx.activities !== undefined &&
    (!Array.isArray(ctx.activities) || ctx.activities.some((a) => !a || typeof a.date !== 'string'))
  ) {
    throw new EngineError(
      'INVALID_ACTIVITIES',
      'activities',
      'activities must be a list of { date, type?, workoutId? }',
    );
  }
  if (ctx.units !== undefined && ctx.units !== 'km' && ctx.units !== 'mi') {
    throw new EngineError('INVALID_ENUM', 'units', 'units must be km or mi');
  }
}
