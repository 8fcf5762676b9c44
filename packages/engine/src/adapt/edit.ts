import type { TrainingPlan, Workout, WorkoutStep, WorkoutStructure } from '@runningcoach/contracts';
import type { TrainingPaces } from '../prediction/paces.ts';
import { raceClassOf } from '../plan/race-class.ts';
import { steadyRun, type SessionContext } from '../plan/sessions.ts';
import { measureStructure } from '../plan/structure.ts';
import { formatClock, formatDistance, formatPaceRange, type DistanceUnit } from '../util/format.ts';
import { round } from '../util/math.ts';
import type { HrZone } from '../zones/heart-rate.ts';
import type { AdaptationContext } from './types.ts';

/** Rebuilds the session context a plan was made with, so adapted workouts get the same paces and zones. */
export function contextOf(plan: TrainingPlan, ctx: AdaptationContext): SessionContext {
  const goal = plan.goal;
  const paces: TrainingPaces = plan.paces ?? {
    easy: { min: 330, max: 390 },
    marathon: 300,
    threshold: 280,
    interval: 260,
    repetition: 245,
  };
  return {
    paces,
    hrZones: (plan.hrZones ?? []) as HrZone[],
    units: ctx.units ?? 'km',
    hilly: goal ? (goal.elevationGainMeters ?? 0) / (goal.distanceMeters / 1000) >= 10 : false,
    raceClass: raceClassOf(goal?.distanceMeters ?? 10_000),
  };
}

export function markAdapted(w: Workout, rule: string, on: string, ref?: string): Workout {
  return { ...w, adaptations: [...(w.adaptations ?? []), ref ? { rule, on, ref } : { rule, on }] };
}

export function adaptedBy(w: Workout, rule: string, since?: string): boolean {
  return (w.adaptations ?? []).some((a) => a.rule === rule && (since === undefined || a.on >= since));
}

/** Replaces a workout's content with a freshly built easy/recovery/long run, keeping id, date and history. */
export function replaceWith(
  w: Workout,
  kind: 'easy' | 'recovery' | 'long',
  meters: number,
  sc: SessionContext,
  note: string,
): Workout {
  const s = steadyRun(kind, Math.max(meters, 1000), sc);
  return { ...w, ...s, description: `${note} ${s.description}` };
}

export function toRest(w: Workout, note: string): Workout {
  const { targetDistanceMeters: _d, targetDurationSec: _t, intensityZone: _z, ...rest } = w;
  return {
    ...rest,
    type: 'rest',
    structure: { steps: [] },
    description: `${note} Rest today: sleep, eat well, walk if you like.`,
  };
}

function mapSteps(s: WorkoutStructure, f: (step: WorkoutStep) => WorkoutStep): WorkoutStructure {
  return { steps: s.steps.map((b) => (b.type === 'repeat' ? { ...b, steps: b.steps.map(f) } : f(b))) };
}

const LABELS: Record<WorkoutStep['intent'], string> = {
  warmup: 'warm-up',
  active: 'run',
  recovery: 'recovery',
  rest: 'rest',
  cooldown: 'cool-down',
};

function describeStep(step: WorkoutStep, units: DistanceUnit): string {
  const d = step.duration;
  const how =
    d.kind === 'distance'
      ? formatDistance(d.meters, units)
      : d.kind === 'time'
        ? formatClock(d.seconds)
        : 'open';
  const t = step.target;
  const pace = t?.paceSecPerKm ? ` at ${formatPaceRange(t.paceSecPerKm, units)}` : '';
  const hr = t?.hrBpm ? `, HR ${Math.round(t.hrBpm.min)}–${Math.round(t.hrBpm.max)}` : '';
  return `${how} ${LABELS[step.intent]}${pace}${hr}`;
}

/** The structure in words, so an adapted workout's text always matches its steps. */
export function describeStructure(structure: WorkoutStructure, units: DistanceUnit): string {
  return structure.steps
    .map((b) =>
      b.type === 'repeat'
        ? `${b.count} × (${b.steps.map((s) => describeStep(s, units)).join(' + ')})`
        : describeStep(b, units),
    )
    .join(', ');
}

function measured(w: Workout, structure: WorkoutStructure, sc: SessionContext): Workout {
  const m = measureStructure(structure, (sc.paces.easy.min + sc.paces.easy.max) / 2);
  return {
    ...w,
    structure,
    targetDistanceMeters: Math.round(m.meters / 100) * 100,
    targetDurationSec: Math.round(m.seconds / 60) * 60,
  };
}

// Halson (2014) / Kellmann: on a compromised day trim intensity or volume rather than force the session.
/** Quality session: work paces slowed by `pct` and HR ceilings lowered, volume unchanged. */
export function easeIntensity(w: Workout, pct: number, note: string, sc: SessionContext): Workout {
  const f = 1 + pct;
  const structure = mapSteps(w.structure, (step) => {
    const t = step.target;
    if (!t || (t.zone ?? 0) < 3) return step;
    const target = { ...t };
    if (t.paceSecPerKm)
      target.paceSecPerKm = { min: round(t.paceSecPerKm.min * f, 1), max: round(t.paceSecPerKm.max * f, 1) };
    if (t.hrBpm)
      target.hrBpm = {
        min: Math.round(t.hrBpm.min * (1 - pct / 2)),
        max: Math.round(t.hrBpm.max * (1 - pct / 2)),
      };
    return { ...step, target };
  });
  return {
    ...measured(w, structure, sc),
    description: `${note} ${typeLabel(w)}: ${describeStructure(structure, sc.units)}.`,
  };
}

/** A quality session with fewer repeats and shorter warm-up and cool-down (`factor` of each). */
export function scaleQuality(w: Workout, factor: number, note: string, sc: SessionContext): Workout {
  const structure: WorkoutStructure = {
    steps: w.structure.steps.map((b) => {
      if (b.type === 'repeat') return { ...b, count: Math.max(2, Math.round(b.count * factor)) };
      if (b.duration.kind !== 'distance') return b;
      return {
        ...b,
        duration: { kind: 'distance', meters: Math.round((b.duration.meters * factor) / 100) * 100 },
      };
    }),
  };
  return {
    ...measured(w, structure, sc),
    description: `${note} ${typeLabel(w)}: ${describeStructure(structure, sc.units)}.`,
  };
}

const typeLabel = (w: Workout) => w.type.charAt(0).toUpperCase() + w.type.slice(1).replace('_', ' ');
