import type {
  Availability,
  Fitness,
  Goal,
  Phase,
  PhaseName,
  PlanWeek,
  Profile,
  Reason,
  TrainingPlan,
  Workout,
} from '@runningcoach/contracts';
import { estimateVdot } from '../prediction/estimate.ts';
import { trainingPaces } from '../prediction/paces.ts';
import { predictRaceTime, vdotFromRace } from '../prediction/vdot.ts';
import { dateFromDayNumber, dayNumber, startOfWeek, weekdayIndex, weekdayToIndex } from '../util/dates.ts';
import { EngineError } from '../util/errors.ts';
import { formatDistance, type DistanceUnit } from '../util/format.ts';
import { clamp, round } from '../util/math.ts';
import { ENGINE_VERSION } from '../version.ts';
import { heartRateZones } from '../zones/heart-rate.ts';
import { layoutWeek, type Slot } from './layout.ts';
import { phaseOfWeeks } from './phases.ts';
import { raceClassOf, type RaceClassConfig } from './race-class.ts';
import {
  qualitySession,
  raceSession,
  steadyRun,
  strengthSession,
  type QualityKind,
  type Session,
  type SessionContext,
} from './sessions.ts';
import { courseReasons } from './course.ts';
import { measureStructure } from './structure.ts';
import { validatePlanInput } from './validate.ts';

export interface GeneratePlanInput {
  profile: Profile;
  goal: Goal;
  fitness: Fitness;
  availability: Availability;
  /** First day of the plan (the runner's "today" when it is built). */
  startDate: string;
  version?: number;
  /** Prefix for workout ids; ids are `${idPrefix}${date}`, one workout per day. */
  idPrefix?: string;
  /** Units for the descriptions only; every number stays SI. */
  units?: DistanceUnit;
}

export const MAX_PLAN_WEEKS = 52;
// Gabbett (2016) / the "10% rule": weekly volume rises at most 10% over the previous build week.
export const MAX_WEEKLY_INCREASE = 1.1;
// Pfitzinger & Douglas, "Advanced Marathoning": recovery weeks cut volume by 20-30%.
const CUTBACK_FACTOR = 0.75;
// Bosquet et al. (2007) meta-analysis: 41-60% volume reduction over the taper, intensity kept.
const TAPER_FACTORS: Record<number, number[]> = { 1: [0.5], 2: [0.7, 0.5], 3: [0.8, 0.65, 0.5] };
const MIN_EASY_RUN = 3000;
export const HARD_TYPES: ReadonlySet<string> = new Set([
  'long',
  'threshold',
  'intervals',
  'marathon_pace',
  'race',
]);

/** Long-run share of the week: ~30% (Daniels: 25-30%); with three runs 40% and two runs 50% keep it the longest run. */
export function longRunShareCap(runDaysPerWeek: number): number {
  return runDaysPerWeek >= 4 ? 0.3 : runDaysPerWeek === 3 ? 0.4 : 0.5;
}

const floor100 = (m: number) => Math.floor(m / 100) * 100;

function qualityKinds(phase: PhaseName, rc: RaceClassConfig, hilly: boolean): QualityKind[] {
  const short = rc.name === '5k' || rc.name === '10k';
  const long = rc.name === 'marathon' || rc.name === 'ultra';
  const hillsFor = (k: QualityKind): QualityKind =>
    hilly && (k === 'intervals' || k === 'repetition') ? 'hills' : k;
  let kinds: QualityKind[];
  if (phase === 'base') kinds = short ? ['repetition'] : hilly ? ['hills'] : ['threshold'];
  // Long races have no intervals to turn into hills: a hilly course adds hill repeats to build and peak.
  else if (phase === 'build')
    kinds = long
      ? hilly
        ? ['threshold', 'hills', 'marathon_pace']
        : ['threshold', 'marathon_pace']
      : ['intervals', 'threshold'];
  else if (phase === 'peak')
    kinds = long
      ? hilly
        ? ['marathon_pace', 'hills']
        : ['marathon_pace', 'threshold']
      : rc.name === 'half'
        ? ['threshold', 'intervals']
        : ['intervals', 'threshold'];
  else kinds = long ? ['marathon_pace'] : rc.name === 'half' ? ['threshold'] : ['intervals'];
  return kinds.map(hillsFor);
}

function workMeters(kind: QualityKind, week: number, rc: RaceClassConfig): number {
  // Daniels' weekly caps: T <= 10%, I <= 8%, R <= 5%, M <= 20% of the week's volume.
  switch (kind) {
    case 'threshold':
      return clamp(week * 0.08, 3000, 12_000);
    case 'intervals':
      return clamp(week * 0.06, 2400, 8000);
    case 'repetition':
      return clamp(week * 0.04, 1600, 4000);
    case 'hills':
      return clamp(week * 0.05, 2000, 5000);
    case 'marathon_pace':
      return clamp(week * (rc.name === 'ultra' ? 0.14 : 0.12), 5000, 16_000);
    case 'sharpener':
      return 0;
  }
}

interface DayPlan {
  day: number;
  session: Session;
  week: number;
  phase: PhaseName;
}

/**
 * Builds a periodized plan (base, build, peak, taper) from the goal race, current fitness and the days the
 * runner can train. Deterministic: the same input gives the same plan on every device.
 */
export function generatePlan(input: GeneratePlanInput): TrainingPlan {
  const { age } = validatePlanInput(input);
  const { profile, goal, fitness, availability, startDate } = input;
  const units = input.units ?? 'km';
  const prefix = input.idPrefix ?? 'w-';
  const rc = raceClassOf(goal.distanceMeters);
  const startN = dayNumber(startDate);
  const raceN = dayNumber(goal.raceDate);
  const firstMonday = dayNumber(startOfWeek(startDate));
  const weeks = (dayNumber(startOfWeek(goal.raceDate)) - firstMonday) / 7 + 1;
  const warnings: Reason[] = [];

  const daysToRace = raceN - startN;
  if (daysToRace < rc.minWeeks * 7) {
    throw new EngineError(
      'INSUFFICIENT_TIME',
      'goal.raceDate',
      `goal.raceDate is ${daysToRace} days away; a ${rc.name} plan needs at least ${rc.minWeeks} weeks. Pick a later race or a shorter distance.`,
    );
  }
  if (weeks > MAX_PLAN_WEEKS) {
    throw new EngineError(
      'RACE_TOO_FAR',
      'goal.raceDate',
      `goal.raceDate is more than ${MAX_PLAN_WEEKS} weeks away; build the plan when it is within a year.`,
    );
  }
  if (weeks < rc.recommendedWeeks) {
    warnings.push({
      code: 'SHORT_PLAN',
      message: `${weeks} weeks is less than the ${rc.recommendedWeeks} we recommend for a ${rc.name}: the plan is shortened, so build carefully and keep expectations modest.`,
      data: { weeks, recommendedWeeks: rc.recommendedWeeks },
    });
  }

  const fit = estimateVdot(fitness, startDate);
  warnings.push(...fit.reasons.filter((r) => r.code !== 'VDOT_FROM_RACE'));
  const paces = trainingPaces(fit.vdot);
  const hrZones = heartRateZones({
    maxHr: profile.maxHr,
    restingHr: profile.restingHr,
    lthr: profile.lthr,
    age,
  });
  if (hrZones[0]?.estimated) {
    warnings.push({
      code: 'HR_ZONES_ESTIMATED',
      message: `Heart-rate zones use an age-estimated max HR (${hrZones[4]!.maxBpm}); enter your real max HR or LTHR for better targets.`,
      data: { maxHr: hrZones[4]!.maxBpm },
    });
  }
  const course = courseReasons(goal);
  warnings.push(...course.reasons);
  const ctx: SessionContext = { paces, hrZones, units, hilly: course.hilly, raceClass: rc };

  const predicted = predictRaceTime(fit.vdot, goal.distanceMeters);
  if (goal.targetTimeSec !== undefined) {
    const goalVdot = vdotFromRace(goal.distanceMeters, goal.targetTimeSec);
    // Daniels: about one VDOT point per 4-6 weeks of consistent training is a realistic gain.
    const reachable = round(fit.vdot + weeks / 5 + 1, 1);
    if (goalVdot > reachable) {
      warnings.push({
        code: 'GOAL_AMBITIOUS',
        message: `Your target needs VDOT ${goalVdot}; you are at about ${fit.vdot} and ${weeks} weeks usually gain up to ${round(reachable - fit.vdot, 1)}. Paces follow your current fitness; we will re-check after your next race.`,
        data: { goalVdot, vdot: fit.vdot, reachableVdot: reachable },
      });
    }
  }

  const runDays = availability.runDays.map(weekdayToIndex).sort((a, b) => a - b);
  const longDay = weekdayToIndex(availability.longRunDay);
  const strengthDays = new Set(
    (availability.strengthDays ?? []).map(weekdayToIndex).filter((d) => !runDays.includes(d)),
  );
  const n = runDays.length;
  if (n <= 2 || ((rc.name === 'marathon' || rc.name === 'ultra') && n < 4)) {
    warnings.push({
      code: 'FEW_RUN_DAYS',
      message: `${n} run days a week is thin for a ${rc.name}; 4 or more let the volume build safely.`,
      data: { runDays: n },
    });
  }

  let v0 = fitness.weeklyDistanceMeters;
  if (v0 === undefined) {
    v0 = rc.comfortableBaseMeters;
    warnings.push({
      code: 'VOLUME_ASSUMED',
      message: `No weekly volume given: the plan starts from ${formatDistance(v0, units)} a week. Adjust it if that is far from what you run.`,
      data: { weeklyMeters: v0 },
    });
  }
  v0 = Math.max(floor100(v0), 10_000);
  if (v0 < rc.comfortableBaseMeters) {
    warnings.push({
      code: 'LOW_BASE',
      message: `You run ${formatDistance(v0, units)} a week, little for a ${rc.name}: the plan builds at most 10% a week, so consider a later race or a shorter one first.`,
      data: { weeklyMeters: v0, comfortableMeters: rc.comfortableBaseMeters },
    });
  }
  // Aim above the runner's current volume (x1.4), within what the distance calls for; the 10% rule sets the pace.
  const peakTarget = Math.max(v0, Math.min(Math.max(rc.peakMeters, v0 * 1.4), rc.maxPeakMeters));
  // Friel, "Fast After 50": older runners recover better with a cutback every third week.
  const cycle = age >= 50 ? 3 : 4;
  const phases = phaseOfWeeks(weeks, rc);
  const taperWeeks = phases.filter((p) => p === 'taper').length;
  const taperFactors = TAPER_FACTORS[taperWeeks] ?? TAPER_FACTORS[3]!;
  const easyMid = (paces.easy.min + paces.easy.max) / 2;
  const longCap = Math.min(rc.longRunCapMeters, (rc.longRunCapSec / easyMid) * 1000);

  const planWeeks: PlanWeek[] = [];
  const days: DayPlan[] = [];
  // Progression runs on the intended volume; what a week actually holds may be a little less.
  let intendedBuild = v0;
  let actualBuild = v0;
  let peak = 0;
  let limited = false;
  const longestRecent = fitness.longestRecentRunMeters;

  // The last seven days before the race are planned as one unit whatever the weekday of the race.
  const windowStart = raceN - 6;
  for (let w = 0; w < weeks; w++) {
    const phase = phases[w]!;
    const monday = firstMonday + 7 * w;
    const from = Math.max(monday, startN);
    const to = Math.min(monday + 6, raceN);
    const taperIndex = phase === 'taper' ? phases.indexOf('taper') : -1;
    const preTaperLast = weeks - taperWeeks - 1;
    const cutback = w > 0 && phase !== 'taper' && w !== preTaperLast && (w + 1) % cycle === 0;
    const building = !cutback && phase !== 'taper';

    let intended: number;
    if (w === 0) intended = v0;
    else if (phase === 'taper')
      intended = floor100((peak || v0) * taperFactors[Math.min(w - taperIndex, taperFactors.length - 1)]!);
    else if (cutback) intended = floor100(Math.min(intendedBuild, actualBuild) * CUTBACK_FACTOR);
    else
      intended = floor100(Math.min(intendedBuild * MAX_WEEKLY_INCREASE, Math.max(peakTarget, intendedBuild)));

    const weekRunDays = runDays.map((d) => monday + d).filter((d) => d >= from && d <= to && d < windowStart);
    const full = weekRunDays.length === n;
    let quality = phase === 'base' ? (w < 2 ? 0 : 1) : phase === 'taper' ? 1 : 2;
    // Two quality days need at least five run days to leave room for easy running between them.
    if (cutback || n <= 4) quality = Math.min(quality, 1);
    // Two run days hold a long run and one other run; a quality day would have to shrink the long run.
    if (n <= 2) quality = 0;
    if (w === 0 && from > monday) quality = 0;

    // Build the long run up from the longest recent one by at most 10% a week.
    const longCapWeek = longestRecent
      ? Math.max(longestRecent * MAX_WEEKLY_INCREASE ** (w + 1), 5000)
      : Infinity;
    const spec: WeekSpec = {
      layout: layoutWeek(runDays, longDay, quality),
      monday,
      runDays: weekRunDays,
      fullVolume: intended,
      kinds: qualityKinds(phase, rc, ctx.hilly),
      phase,
      runDaysPerWeek: n,
      longCap: Math.min(longCap, longCapWeek),
      cutback,
      weekIndex: w,
    };
    let sessions = fillWeek(spec, ctx);
    let actual = sumMeters(sessions);
    // The 10% rule holds on what the runner will actually run, not only on the intention.
    for (let k = 0; k < 40 && full && building && actual > actualBuild * MAX_WEEKLY_INCREASE; k++) {
      const scaled = floor100((spec.fullVolume * actualBuild * MAX_WEEKLY_INCREASE) / actual);
      spec.fullVolume = Math.min(scaled, floor100(spec.fullVolume * 0.98));
      sessions = fillWeek(spec, ctx);
      actual = sumMeters(sessions);
    }
    if (full && actual < intended * 0.9) limited = true;
    // A week cut short (plan start, race window) reports its whole-week volume, on the actual progression.
    const nominal = full
      ? actual
      : phase === 'taper'
        ? intended
        : Math.min(intended, floor100(actualBuild * (cutback ? CUTBACK_FACTOR : MAX_WEEKLY_INCREASE)));
    if (building) {
      intendedBuild = intended;
      if (full || w === 0) actualBuild = full ? actual : nominal;
      if (full) peak = Math.max(peak, actual);
    }
    planWeeks.push({
      index: w + 1,
      startDate: dateFromDayNumber(monday),
      phase,
      cutback,
      targetDistanceMeters: nominal,
    });
    for (const [day, session] of sessions) days.push({ day, session, week: w + 1, phase });
    for (let d = from; d <= to; d++) {
      if (strengthDays.has(weekdayIndex(d)) && raceN - d > 2)
        days.push({ day: d, session: strengthSession(), week: w + 1, phase });
    }
  }
  if (peak === 0) peak = v0;
  const weekOf = (day: number) => Math.floor((day - firstMonday) / 7) + 1;
  const windowRunDays = runDays
    .flatMap((d) => [firstMonday + 7 * (weeks - 2) + d, firstMonday + 7 * (weeks - 1) + d])
    .filter((d) => d >= Math.max(windowStart, startN) && d < raceN)
    .sort((a, b) => a - b);
  const windowVolume = floor100((peak * taperFactors.at(-1)! * windowRunDays.length) / n);
  for (const [day, session] of raceWeek(windowRunDays, raceN, windowVolume, longCap * 0.6, ctx)) {
    days.push({ day, session, week: weekOf(day), phase: phases[weekOf(day) - 1]! });
  }
  const raceTime = goal.targetTimeSec ?? predicted;
  days.push({
    day: raceN,
    session: raceSession(goal.distanceMeters, raceTime, goal.name, ctx),
    week: weeks,
    phase: 'taper',
  });
  days.sort((a, b) => a.day - b.day);
  separateHardDays(days, ctx);

  const longest = Math.max(
    0,
    ...days.filter((d) => d.session.type === 'long').map((d) => d.session.targetDistanceMeters ?? 0),
  );
  if (rc.keyLongRunMeters && longest < rc.keyLongRunMeters) {
    warnings.push({
      code: 'LONG_RUN_SHORT',
      message: `Your longest run peaks at ${formatDistance(longest, units)}; ${rc.name} runners usually build to ${formatDistance(rc.keyLongRunMeters, units)} or more. More weekly volume, a run day more or a later race would get you there.`,
      data: { longestMeters: longest, keyLongRunMeters: rc.keyLongRunMeters },
    });
  }
  if (limited) {
    warnings.push({
      code: 'VOLUME_LIMITED_BY_RUN_DAYS',
      message: `With ${n} run days some weeks hold less volume than planned; add a run day to build further.`,
      data: { runDays: n },
    });
  }

  const workouts: Workout[] = days.map(({ day, session, week, phase }) => {
    const date = dateFromDayNumber(day);
    return { id: `${prefix}${date}`, date, ...session, phase, week };
  });

  return {
    version: input.version ?? 1,
    startDate,
    endDate: goal.raceDate,
    phases: phaseRanges(phases, firstMonday, startN, raceN),
    workouts,
    engineVersion: ENGINE_VERSION,
    goal,
    weeks: planWeeks,
    vdot: fit.vdot,
    paces,
    hrZones,
    warnings,
  };
}

interface WeekSpec {
  layout: Map<number, Slot>;
  monday: number;
  /** Days of this week that hold a regular run (not the race window). */
  runDays: number[];
  /** The week's volume if every run day were available; a partial week gets its share. */
  fullVolume: number;
  kinds: QualityKind[];
  phase: PhaseName;
  runDaysPerWeek: number;
  longCap: number;
  cutback: boolean;
  weekIndex: number;
}

/** Splits a week's volume over its slots: the long run first, then quality, the rest as easy runs. */
function fillWeek(spec: WeekSpec, ctx: SessionContext): Map<number, Session> {
  const { layout, monday, runDays, fullVolume, kinds, phase, runDaysPerWeek, longCap, cutback, weekIndex } =
    spec;
  const out = new Map<number, Session>();
  const volume = (fullVolume * runDays.length) / runDaysPerWeek;
  const slotOf = (d: number) => layout.get(d - monday)!;
  const easyMid = (ctx.paces.easy.min + ctx.paces.easy.max) / 2;
  // About 80/20 by time (Seiler 2010; Stöggl & Sperlich 2014): hard work gets at most 18% of the week's time.
  const hardBudget = 0.18 * (volume / 1000) * easyMid;
  // Low volume means fewer, longer runs: the share cap follows the runs this volume can fill.
  const runsPossible = Math.min(runDaysPerWeek, Math.max(2, Math.floor(fullVolume / MIN_EASY_RUN)));
  const longTarget = floor100(Math.min(fullVolume * longRunShareCap(runsPossible), longCap));
  const longDay = runDays.find((d) => slotOf(d) === 'long');
  let long = longDay === undefined ? 0 : Math.min(longTarget, floor100(volume));
  const hasEasy = runDays.some((d) => slotOf(d) === 'easy' || slotOf(d) === 'recovery');

  // The kinds rotate week by week, so a runner with one quality day still meets every kind.
  let qi = weekIndex;
  let hardUsed = 0;
  let qualityMeters = 0;
  const easyDays: Array<{ day: number; weight: number }> = [];
  for (const day of runDays) {
    const slot = slotOf(day);
    if (slot === 'quality') {
      const kind = kinds[qi++ % kinds.length]!;
      const room = volume - long - qualityMeters - (hasEasy ? MIN_EASY_RUN : 0);
      const s = fitQuality(kind, volume, phase, cutback, ctx, hardBudget - hardUsed, room);
      if (s) {
        out.set(day, s);
        qualityMeters += s.targetDistanceMeters ?? 0;
        hardUsed += measureStructure(s.structure, easyMid).hardSeconds;
      } else easyDays.push({ day, weight: 1 });
    } else if (slot !== 'long') easyDays.push({ day, weight: slot === 'recovery' ? 0.6 : 1 });
  }

  const remaining = Math.max(volume - long - qualityMeters, 0);
  // Fewer, meaningful runs beat many tiny ones: drop easy days (recovery first) until each is >= 3 km; a plan
  // starting mid-week drops from the end of that week, so the runner's first day is a run.
  const startsMidWeek = weekIndex === 0 && runDays.length < runDaysPerWeek;
  easyDays.sort((a, b) => a.weight - b.weight || (startsMidWeek ? b.day - a.day : a.day - b.day));
  const weightOf = (xs: typeof easyDays) => xs.reduce((sum, e) => sum + e.weight, 0);
  while (easyDays.length && remaining / weightOf(easyDays) < MIN_EASY_RUN) easyDays.shift();
  // Easy runs stay clearly shorter than the long run.
  const easyCap = Math.max(floor100(longTarget * 0.9), MIN_EASY_RUN);
  const totalWeight = weightOf(easyDays);
  const shares = [...easyDays]
    .sort((a, b) => a.day - b.day)
    .map((e) => {
      const cap = e.weight < 1 ? Math.min(easyCap, 10_000) : easyCap;
      return { ...e, cap, meters: floor100(Math.min((remaining * e.weight) / totalWeight, cap)) };
    });
  // Hand the rounding remainder to the largest easy run, then to the long run, so the week sums exactly.
  let rest = floor100(remaining - shares.reduce((sum, e) => sum + e.meters, 0));
  const biggest = [...shares].sort((a, b) => b.meters - a.meters)[0];
  if (biggest && rest > 0) {
    const add = Math.min(rest, biggest.cap - biggest.meters);
    biggest.meters += add;
    rest -= add;
  }
  if (longDay !== undefined && rest > 0) long += Math.max(0, Math.min(rest, longTarget - long));
  if (runDays.length === runDaysPerWeek && longDay !== undefined) {
    // A week that could not take its full volume still keeps the long run within its share of what it holds.
    const share = longRunShareCap(1 + out.size + shares.length);
    // Both only shrink, so this settles in a few rounds.
    for (let changed = true, k = 0; changed && k < 20; k++) {
      const others = qualityMeters + shares.reduce((sum, e) => sum + e.meters, 0);
      const capped = Math.min(long, floor100((share / (1 - share)) * others));
      changed = capped !== long || shares.some((e) => e.meters > capped);
      long = capped;
      for (const e of shares) e.meters = Math.min(e.meters, long);
    }
  }

  let stridesLeft = phase === 'base' || phase === 'build' ? 2 : 0;
  for (const e of shares) {
    const withStrides = e.weight === 1 && stridesLeft > 0 && weekIndex > 0;
    if (withStrides) stridesLeft--;
    out.set(e.day, steadyRun(e.weight < 1 ? 'recovery' : 'easy', e.meters, ctx, { strides: withStrides }));
  }
  if (longDay !== undefined && long > 0) out.set(longDay, steadyRun('long', long, ctx));
  return out;
}

/** The quality session at the largest work volume (100%, 75%, 50%, 30%) that fits the hard-time and distance room. */
function sumMeters(sessions: Map<number, Session>): number {
  let m = 0;
  for (const s of sessions.values()) m += s.targetDistanceMeters ?? 0;
  return m;
}

function fitQuality(
  kind: QualityKind,
  volume: number,
  phase: PhaseName,
  cutback: boolean,
  ctx: SessionContext,
  hardRoom: number,
  meterRoom: number,
): Session | undefined {
  const easyMid = (ctx.paces.easy.min + ctx.paces.easy.max) / 2;
  const work = workMeters(kind, volume, ctx.raceClass) * (cutback ? 0.8 : 1);
  for (const scale of [1, 0.75, 0.5, 0.3]) {
    const s = qualitySession(kind, work * scale, volume, phase, ctx);
    if (
      (s.targetDistanceMeters ?? 0) <= meterRoom &&
      measureStructure(s.structure, easyMid).hardSeconds <= hardRoom
    )
      return s;
  }
  return undefined;
}

/** The week that ends on race day: one sharpener 3-5 days out, short easy runs, nothing hard in the last two days. */
function raceWeek(
  weekRunDays: number[],
  raceDay: number,
  volume: number,
  maxRun: number,
  ctx: SessionContext,
): Map<number, Session> {
  const out = new Map<number, Session>();
  const candidates = weekRunDays
    .filter((d) => raceDay - d >= 3 && raceDay - d <= 5)
    .sort((a, b) => Math.abs(raceDay - a - 4) - Math.abs(raceDay - b - 4));
  let remaining = volume;
  const sharpDay = candidates[0];
  const easyMid = (ctx.paces.easy.min + ctx.paces.easy.max) / 2;
  // The usual sharpener, or a two-rep one when the window is small; it may take 35% of the window's time.
  const sharp =
    sharpDay === undefined
      ? undefined
      : [0, 1]
          .map((light) => qualitySession('sharpener', light, volume, 'taper', ctx))
          .find(
            (s) =>
              (s.targetDistanceMeters ?? 0) <= volume * 1.1 &&
              measureStructure(s.structure, easyMid).hardSeconds <= 0.35 * (volume / 1000) * easyMid,
          );
  const fits = sharp !== undefined;
  if (sharp && fits) {
    out.set(sharpDay!, sharp);
    remaining -= sharp.targetDistanceMeters ?? 0;
  }
  const easy = weekRunDays.filter((d) => !fits || d !== sharpDay);
  // Taper volume too small for every day: fewer runs of at least 3 km, the earliest days go first.
  while (easy.length && remaining / easy.length < MIN_EASY_RUN) easy.shift();
  if (!easy.length) return out;
  const each = floor100(Math.max(remaining, 0) / easy.length);
  for (const d of easy) {
    const meters =
      raceDay - d === 1 ? Math.min(each, 4000) : Math.min(Math.max(each, MIN_EASY_RUN), floor100(maxRun));
    out.set(d, steadyRun('easy', meters, ctx, { strides: raceDay - d === 1 }));
  }
  return out;
}

/** No two hard days in a row, and nothing hard in the two days before the race: a safety net over the layout. */
function separateHardDays(days: DayPlan[], ctx: SessionContext): void {
  const raceDay = days.find((d) => d.session.type === 'race')?.day ?? Infinity;
  let prevHard = -Infinity;
  for (const d of days) {
    if (d.session.type === 'strength') continue;
    const hard = HARD_TYPES.has(d.session.type);
    if (hard && d.session.type !== 'race' && (d.day - prevHard <= 1 || raceDay - d.day <= 2)) {
      const meters = Math.min(
        d.session.targetDistanceMeters ?? MIN_EASY_RUN,
        raceDay - d.day <= 1 ? 5000 : Infinity,
      );
      d.session = steadyRun('easy', meters, ctx);
      continue;
    }
    if (hard) prevHard = d.day;
  }
}

function phaseRanges(phases: PhaseName[], firstMonday: number, startN: number, raceN: number): Phase[] {
  const out: Phase[] = [];
  phases.forEach((name, w) => {
    const s = Math.max(firstMonday + 7 * w, startN);
    const e = Math.min(firstMonday + 7 * w + 6, raceN);
    const last = out.at(-1);
    if (last && last.name === name) last.endDate = dateFromDayNumber(e);
    else out.push({ name, startDate: dateFromDayNumber(s), endDate: dateFromDayNumber(e) });
  });
  return out;
}
