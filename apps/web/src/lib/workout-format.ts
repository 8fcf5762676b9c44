import type { Workout, WorkoutStep } from '@runningcoach/contracts';
import { clock, distance, duration, paceRange, type Units } from './units.ts';

export const TYPE_LABEL: Record<string, string> = {
  easy: 'Easy run',
  long: 'Long run',
  threshold: 'Threshold',
  intervals: 'Intervals',
  marathon_pace: 'Marathon pace',
  recovery: 'Recovery run',
  rest: 'Rest day',
  race: 'Race day',
  strength: 'Strength',
};

/** Colour family per workout type, so a week reads at a glance. */
export const TYPE_TONE: Record<string, 'slate' | 'green' | 'yellow' | 'red' | 'blue' | 'violet'> = {
  easy: 'green',
  recovery: 'green',
  long: 'blue',
  threshold: 'yellow',
  marathon_pace: 'yellow',
  intervals: 'red',
  race: 'violet',
  rest: 'slate',
  strength: 'slate',
};

const INTENT: Record<string, string> = {
  warmup: 'Warm-up',
  active: 'Run',
  recovery: 'Recover',
  rest: 'Rest',
  cooldown: 'Cool-down',
};

/** One step in the runner's units: "Run 800 m at 4:00–4:10 /km · zone 4". */
export function describeStep(step: WorkoutStep, units: Units): string {
  let text = INTENT[step.intent] ?? step.intent;
  const d = step.duration;
  if (d.kind === 'time') text += ` ${d.seconds % 60 === 0 ? `${d.seconds / 60} min` : clock(d.seconds)}`;
  else if (d.kind === 'distance')
    text += d.meters < 1000 ? ` ${Math.round(d.meters)} m` : ` ${distance(d.meters, units, 2)}`;
  else text += ' until you press lap';
  const t = step.target;
  if (t?.paceSecPerKm) text += ` at ${paceRange(t.paceSecPerKm, units)}`;
  if (t?.hrBpm) text += ` · HR ${t.hrBpm.min}–${t.hrBpm.max}`;
  else if (t?.zone) text += ` · zone ${t.zone}`;
  return text;
}

/** "10.0 km · 55 min · zone 2" */
export function workoutTargets(w: Workout, units: Units): string {
  const parts: string[] = [];
  if (w.targetDistanceMeters) parts.push(distance(w.targetDistanceMeters, units));
  if (w.targetDurationSec) parts.push(duration(w.targetDurationSec));
  if (w.intensityZone) parts.push(`zone ${w.intensityZone}`);
  return parts.join(' · ');
}

export const RULE_LABEL: Record<string, string> = {
  READINESS_RED: 'Red readiness: swapped for recovery',
  READINESS_YELLOW: 'Amber readiness: eased off',
};

export function ruleLabel(rule: string): string {
  return (
    RULE_LABEL[rule] ??
    rule
      .toLowerCase()
      .replaceAll('_', ' ')
      .replace(/^./, (c) => c.toUpperCase())
  );
}
