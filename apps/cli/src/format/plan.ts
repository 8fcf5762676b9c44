import type { PlanWeek, TrainingPlan, Workout } from '@runningcoach/contracts';
import { addDays, weekdayOf } from '@runningcoach/engine';
import { fixed } from './number.ts';
import { formatRaceDistance } from './prediction.ts';
import { renderTable } from './table.ts';
import { formatDistance, formatDuration, formatPace, formatPaceRange, type Units } from './units.ts';

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `2026-03-02 to 03-08`: the year once is enough. */
function weekRange(week: PlanWeek, plan: TrainingPlan): string {
  const end = addDays(week.startDate, 6);
  const last = end > plan.endDate ? plan.endDate : end;
  const first = week.startDate < plan.startDate ? plan.startDate : week.startDate;
  return `${first} to ${last.slice(5)}`;
}

export function renderPlanHeader(plan: TrainingPlan, units: Units): string[] {
  const weeks = plan.weeks?.length ?? 0;
  const race = plan.goal ? `${formatRaceDistance(plan.goal.distanceMeters)} plan` : 'Plan';
  const vdot = plan.vdot === undefined ? '' : `, VDOT ${fixed(plan.vdot, 1)}`;
  const lines = [`${race}: ${plan.startDate} to race day ${plan.endDate}, ${weeks} weeks${vdot}`];
  const p = plan.paces;
  if (p) {
    lines.push(
      `Paces: E ${formatPaceRange(p.easy, units)}, M ${formatPace(p.marathon, units)}, ` +
        `T ${formatPace(p.threshold, units)}, I ${formatPace(p.interval, units)}, R ${formatPace(p.repetition, units)}`,
    );
  }
  return lines;
}

export function renderPhases(plan: TrainingPlan): string[] {
  const weeksIn = (name: string): number => plan.weeks?.filter((w) => w.phase === name).length ?? 0;
  return [
    'Phases',
    ...renderTable(
      ['Phase', 'From', 'To', 'Weeks'],
      plan.phases.map((ph) => [ph.name, ph.startDate, ph.endDate, String(weeksIn(ph.name))]),
      ['left', 'left', 'left', 'right'],
    ),
  ];
}

export function renderWeekTable(plan: TrainingPlan, weeks: readonly PlanWeek[], units: Units): string[] {
  return renderTable(
    ['Week', 'Dates', 'Phase', 'Distance', ''],
    weeks.map((w) => [
      String(w.index),
      weekRange(w, plan),
      w.phase,
      formatDistance(w.targetDistanceMeters, units),
      w.cutback ? 'cutback' : '',
    ]),
    ['right', 'left', 'left', 'right', 'left'],
  );
}

export function workoutsOfWeek(plan: TrainingPlan, week: PlanWeek): Workout[] {
  const end = addDays(week.startDate, 6);
  return plan.workouts.filter((w) => w.date >= week.startDate && w.date <= end);
}

/** One line per workout: day, date, type, distance, duration, description. */
export function renderWorkouts(workouts: readonly Workout[], units: Units): string[] {
  return renderTable(
    ['Day', 'Date', 'Type', 'Distance', 'Time', 'Description'],
    workouts.map((w) => [
      capital(weekdayOf(w.date)),
      w.date.slice(5),
      w.type.replace('_', ' '),
      w.targetDistanceMeters ? formatDistance(w.targetDistanceMeters, units) : '',
      w.targetDurationSec ? formatDuration(w.targetDurationSec) : '',
      w.description,
    ]),
    ['left', 'left', 'left', 'right', 'right', 'left'],
  ).map((line) => `  ${line}`);
}

export function renderWarnings(plan: TrainingPlan): string[] {
  const warnings = plan.warnings ?? [];
  return warnings.length ? ['Warnings', ...warnings.map((w) => `  ! ${w.message}`)] : [];
}

/** The whole plan, or only week `only` when given. */
export function renderPlan(plan: TrainingPlan, units: Units, only?: number): string[] {
  const weeks = (plan.weeks ?? []).filter((w) => only === undefined || w.index === only);
  const lines = [...renderPlanHeader(plan, units), ''];
  if (only === undefined) lines.push(...renderPhases(plan), '');
  lines.push(...renderWeekTable(plan, weeks, units));
  for (const week of weeks) {
    const cut = week.cutback ? ', cutback' : '';
    lines.push(
      '',
      `Week ${week.index}: ${weekRange(week, plan)}, ${week.phase}${cut}, ${formatDistance(week.targetDistanceMeters, units)}`,
      ...renderWorkouts(workoutsOfWeek(plan, week), units),
    );
  }
  const warnings = renderWarnings(plan);
  if (warnings.length) lines.push('', ...warnings);
  return lines;
}
