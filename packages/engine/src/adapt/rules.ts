import type { Readiness, Reason, Workout } from '@runningcoach/contracts';
import { ACWR_HIGH, MONOTONY_HIGH } from '../load/risk.ts';
import { HARD_TYPES } from '../plan/generate.ts';
import type { SessionContext } from '../plan/sessions.ts';
import { addDays } from '../util/dates.ts';
import { formatDistance } from '../util/format.ts';
import { round } from '../util/math.ts';
import { adaptedBy, easeIntensity, replaceWith, scaleQuality, toRest } from './edit.ts';

export const QUALITY_TYPES: ReadonlySet<string> = new Set(['threshold', 'intervals', 'marathon_pace']);
const RUN_TYPES: ReadonlySet<string> = new Set([
  'easy',
  'long',
  'recovery',
  'threshold',
  'intervals',
  'marathon_pace',
]);
const isSteady = (w: Workout): w is Workout & { type: 'easy' | 'long' | 'recovery' } =>
  w.type === 'easy' || w.type === 'long' || w.type === 'recovery';

/** The plan being adapted: rules read it and propose edits; the orchestrator guards the past. */
export interface RuleState {
  workouts: Workout[];
  today: string;
  raceDate: string;
  sc: SessionContext;
  edit(index: number, after: Workout, rule: string, ref?: string): void;
  reason(r: Reason): void;
}

const indexOnOrAfter = (s: RuleState, pred: (w: Workout) => boolean, from: string, to = '9999-12-31') =>
  s.workouts.findIndex((w) => w.date >= from && w.date <= to && pred(w));

/**
 * A missed long run is the session most worth saving (Daniels; Pfitzinger): move it to an easy day before
 * the next long run, downgrading any neighbouring quality session; with no room, spread half its volume
 * over the coming week's runs.
 */
export function missedLongRunRule(s: RuleState, missed: Workout[]): void {
  const m = [...missed].reverse().find((w) => w.type === 'long' && w.date >= addDays(s.today, -6));
  if (!m || s.workouts.some((w) => (w.adaptations ?? []).some((a) => a.ref === m.id))) return;
  const meters = m.targetDistanceMeters ?? 0;
  const raceWindow = addDays(s.raceDate, -6);
  const nextLong = s.workouts.find((w) => w.date >= s.today && w.type === 'long');
  const last = [
    nextLong ? addDays(nextLong.date, -3) : addDays(s.today, 4),
    addDays(raceWindow, -1),
  ].sort()[0]!;
  const byDate = new Map(s.workouts.map((w, i) => [w.date, i]));
  const neighbour = (date: string, delta: number) => byDate.get(addDays(date, delta));

  for (let i = 0; i < s.workouts.length; i++) {
    const w = s.workouts[i]!;
    if (w.date < s.today || w.date > last || (w.type !== 'easy' && w.type !== 'recovery')) continue;
    const around = [neighbour(w.date, -1), neighbour(w.date, 1)].map((j) =>
      j === undefined ? undefined : s.workouts[j]!,
    );
    // Next to a long run, the race or a hard day already behind us, it would make two hard days in a row.
    if (
      around.some(
        (n) => n && HARD_TYPES.has(n.type) && (n.type === 'long' || n.type === 'race' || n.date < s.today),
      )
    )
      continue;
    const distance = Math.round((meters * 0.9) / 100) * 100;
    s.edit(
      i,
      replaceWith(
        w,
        'long',
        distance,
        s.sc,
        `Your long run on ${m.date} was missed, so it moves here (slightly shorter).`,
      ),
      'MISSED_LONG_RUN',
      m.id,
    );
    for (const j of [neighbour(w.date, -1), neighbour(w.date, 1)]) {
      const n = j === undefined ? undefined : s.workouts[j]!;
      if (j !== undefined && n && n.date >= s.today && QUALITY_TYPES.has(n.type)) {
        s.edit(
          j,
          replaceWith(
            n,
            'easy',
            n.targetDistanceMeters ?? 5000,
            s.sc,
            'Eased: the long run moved next to this day, and the long run comes first.',
          ),
          'MISSED_LONG_RUN',
          m.id,
        );
      }
    }
    s.reason({
      code: 'MISSED_LONG_RUN_MOVED',
      message: `You missed the ${formatDistance(meters, s.sc.units)} long run on ${m.date}; it is now on ${w.date} at ${formatDistance(distance, s.sc.units)}, and hard sessions next to it are eased.`,
      data: { missedDate: m.date, newDate: w.date, missedMeters: meters, newMeters: distance },
    });
    return;
  }

  // No room before the next long run: half the missed volume goes to the coming week's runs, at most +15% each.
  let left = meters * 0.5;
  const spreadTo = addDays(s.today, 6) < raceWindow ? addDays(s.today, 6) : addDays(raceWindow, -1);
  for (let i = 0; i < s.workouts.length && left >= 500; i++) {
    const w = s.workouts[i]!;
    if (w.date < s.today || w.date > spreadTo || w.type !== 'easy') continue;
    const base = w.targetDistanceMeters ?? 0;
    const add = Math.min(left, Math.round((base * 0.15) / 100) * 100);
    if (add < 500) continue;
    left -= add;
    s.edit(
      i,
      replaceWith(
        w,
        'easy',
        base + add,
        s.sc,
        `Extended by ${formatDistance(add, s.sc.units)} to make up part of the long run missed on ${m.date}.`,
      ),
      'MISSED_LONG_RUN',
      m.id,
    );
  }
  s.reason({
    code: 'MISSED_LONG_RUN_SPREAD',
    message: `You missed the long run on ${m.date} and there is no room to move it before the next one; part of it is spread over this week's runs. Do not try to make it all up.`,
    data: { missedDate: m.date, missedMeters: meters, spreadMeters: round(meters * 0.5 - left) },
  });
}

/** ACWR above 1.5 (Gabbett 2016): the next two weeks lose 20% volume and this week's first quality session. */
export function acwrRule(s: RuleState, acwr: number | null): void {
  if (acwr === null || !Number.isFinite(acwr) || acwr <= ACWR_HIGH) return;
  const to = [addDays(s.today, 13), addDays(s.raceDate, -7)].sort()[0]!;
  let touched = 0;
  const quality = indexOnOrAfter(
    s,
    (w) => QUALITY_TYPES.has(w.type) && !adaptedBy(w, 'ACWR_HIGH'),
    s.today,
    [addDays(s.today, 6), to].sort()[0]!,
  );
  for (let i = 0; i < s.workouts.length; i++) {
    const w = s.workouts[i]!;
    if (
      w.date < s.today ||
      w.date > to ||
      !RUN_TYPES.has(w.type) ||
      adaptedBy(w, 'ACWR_HIGH', addDays(s.today, -13))
    )
      continue;
    const note = `Load spike (ACWR ${acwr.toFixed(2)}): volume cut 20%.`;
    const after =
      i === quality
        ? replaceWith(
            w,
            'easy',
            (w.targetDistanceMeters ?? 5000) * 0.8,
            s.sc,
            `Load spike (ACWR ${acwr.toFixed(2)}): this quality session becomes an easy run.`,
          )
        : isSteady(w)
          ? replaceWith(w, w.type, (w.targetDistanceMeters ?? 5000) * 0.8, s.sc, note)
          : scaleQuality(w, 0.8, note, s.sc);
    s.edit(i, after, 'ACWR_HIGH');
    touched++;
  }
  if (touched) {
    s.reason({
      code: 'ACWR_HIGH',
      message: `Your last week's load is ${acwr.toFixed(2)}× your usual (above ${ACWR_HIGH}): the next two weeks run 20% lighter and one hard session becomes easy. This is a guardrail, not an injury prediction.`,
      data: { acwr, threshold: ACWR_HIGH, workoutsChanged: touched },
    });
  }
}

/** Monotony above 2.0 (Foster 1998): break the sameness with a rest day in the coming week. */
export function monotonyRule(s: RuleState, monotony: number | null): void {
  if (monotony === null || !Number.isFinite(monotony) || monotony <= MONOTONY_HIGH) return;
  if (s.workouts.some((w) => adaptedBy(w, 'MONOTONY_HIGH', addDays(s.today, -6)))) return;
  const to = [addDays(s.today, 6), addDays(s.raceDate, -7)].sort()[0]!;
  let pick = -1;
  s.workouts.forEach((w, i) => {
    if (w.date <= s.today || w.date > to || (w.type !== 'easy' && w.type !== 'recovery')) return;
    if (pick < 0 || (w.targetDistanceMeters ?? 0) < (s.workouts[pick]!.targetDistanceMeters ?? 0)) pick = i;
  });
  if (pick < 0) return;
  s.edit(
    pick,
    toRest(s.workouts[pick]!, `Your days have been too alike (monotony ${monotony.toFixed(2)}).`),
    'MONOTONY_HIGH',
  );
  s.reason({
    code: 'MONOTONY_HIGH',
    message: `Training monotony is ${monotony.toFixed(2)} (above ${MONOTONY_HIGH}): one easy run this week becomes a rest day so hard and easy days differ more.`,
    data: { monotony, threshold: MONOTONY_HIGH, restDate: s.workouts[pick]!.date },
  });
}

/** Today's readiness: red → rest or a recovery run; yellow → 7% easier paces on quality days, 20% less volume otherwise. */
export function readinessRule(s: RuleState, readiness: Readiness | undefined): void {
  if (!readiness || readiness.color === 'green') return;
  const i = s.workouts.findIndex((w) => w.date === s.today && w.type !== 'strength');
  const why = readiness.reasons
    .filter((r) => r.code !== 'THIN_DATA' && r.code !== 'ALL_NORMAL')
    .map((r) => r.code);
  const data = {
    color: readiness.color,
    score: readiness.score,
    confidence: readiness.confidence,
    signals: why.join(','),
  };
  if (i < 0) return;
  const w = s.workouts[i]!;
  if (w.type === 'race') {
    s.reason({
      code: 'RACE_DAY_READINESS',
      message: `Readiness is ${readiness.color} on race day: start conservatively and listen to your body.`,
      data,
    });
    return;
  }
  if (w.type === 'rest' || adaptedBy(w, 'READINESS_RED', s.today)) return;
  if (readiness.color === 'red') {
    const note = `Readiness is red (score ${readiness.score}).`;
    const after =
      readiness.score < 25 || (HARD_TYPES.has(w.type) && readiness.score < 30)
        ? toRest(w, note)
        : replaceWith(w, 'recovery', Math.min(w.targetDistanceMeters ?? 5000, 5000), s.sc, note);
    s.edit(i, after, 'READINESS_RED');
    s.reason({
      code: 'READINESS_RED',
      message: `Your body is asking for recovery today (readiness ${readiness.score}/100): ${after.type === 'rest' ? 'rest' : 'an easy recovery run'} instead of the planned ${w.type.replace('_', ' ')}.`,
      data,
    });
    return;
  }
  if (adaptedBy(w, 'READINESS_YELLOW', s.today)) return;
  const quality = QUALITY_TYPES.has(w.type);
  const note = `Readiness is yellow (score ${readiness.score}): ${quality ? 'paces 7% easier' : 'volume cut 20%'}.`;
  const after = quality
    ? easeIntensity(w, 0.07, note, s.sc)
    : isSteady(w)
      ? replaceWith(w, w.type, (w.targetDistanceMeters ?? 5000) * 0.8, s.sc, note)
      : scaleQuality(w, 0.8, note, s.sc);
  s.edit(i, after, 'READINESS_YELLOW');
  s.reason({
    code: 'READINESS_YELLOW',
    message: `Readiness is yellow (${readiness.score}/100): today's ${w.type.replace('_', ' ')} is ${quality ? 'run 7% slower' : '20% shorter'}.`,
    data,
  });
}
