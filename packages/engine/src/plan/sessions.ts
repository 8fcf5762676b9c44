import type { PhaseName, Range, StepTarget, WorkoutStructure, WorkoutType } from '@runningcoach/contracts';
import type { TrainingPaces } from '../prediction/paces.ts';
import {
  formatClock,
  formatDistance,
  formatPace,
  formatPaceRange,
  type DistanceUnit,
} from '../util/format.ts';
import { clamp } from '../util/math.ts';
import type { HrZone } from '../zones/heart-rate.ts';
import type { RaceClassConfig } from './race-class.ts';
import { measureStructure, meters, seconds, step } from './structure.ts';

export interface SessionContext {
  paces: TrainingPaces;
  hrZones: HrZone[];
  units: DistanceUnit;
  /** Course climbs >= 10 m per km: hills shape the quality work and long runs. */
  hilly: boolean;
  raceClass: RaceClassConfig;
}

export interface Session {
  type: WorkoutType;
  structure: WorkoutStructure;
  targetDistanceMeters?: number;
  targetDurationSec?: number;
  intensityZone?: number;
  description: string;
}

export type QualityKind = 'threshold' | 'intervals' | 'repetition' | 'hills' | 'marathon_pace' | 'sharpener';

const round100 = (m: number) => Math.round(m / 100) * 100;

function hr(ctx: SessionContext, zone: number): Range | undefined {
  const z = ctx.hrZones[zone - 1];
  return z ? { min: z.minBpm, max: z.maxBpm } : undefined;
}

function target(ctx: SessionContext, zone: number, pace?: Range): StepTarget {
  const t: StepTarget = { zone };
  if (pace) t.paceSecPerKm = pace;
  const h = hr(ctx, zone);
  if (h && zone <= 4) t.hrBpm = h;
  return t;
}

const around = (pace: number, spread = 3): Range => ({ min: pace - spread, max: pace + spread });

// Recovery jogs carry no HR ceiling: HR lags the pace for a minute or more after a hard bout, so a ceiling
// would tell the runner to slow down during every jog.
const RECOVERY_JOG: StepTarget = { zone: 1 };

function finish(
  type: WorkoutType,
  structure: WorkoutStructure,
  zone: number,
  description: string,
  ctx: SessionContext,
  exactMeters?: number,
): Session {
  const m = measureStructure(structure, (ctx.paces.easy.min + ctx.paces.easy.max) / 2);
  return {
    type,
    structure,
    targetDistanceMeters: exactMeters ?? round100(m.meters),
    targetDurationSec: Math.round(m.seconds / 60) * 60,
    intensityZone: zone,
    description,
  };
}

function hrText(ctx: SessionContext, zone: number): string {
  const h = hr(ctx, zone);
  return h ? `, HR ${h.min}–${h.max}` : '';
}

/** Easy, recovery and long runs: one steady step; strides optional (Daniels: strides twice a week in phase I). */
export function steadyRun(
  kind: 'easy' | 'recovery' | 'long',
  distance: number,
  ctx: SessionContext,
  opts: { strides?: boolean } = {},
): Session {
  const { easy } = ctx.paces;
  const d = round100(distance);
  const u = ctx.units;
  if (kind === 'recovery') {
    const pace = { min: easy.max, max: Math.round(easy.max * 1.08) };
    const s = { steps: [step('active', meters(d), target(ctx, 1, pace))] };
    return finish(
      'recovery',
      s,
      1,
      `Recovery run ${formatDistance(d, u)}, very easy: slower than ${formatPace(easy.max, u)}${hrText(ctx, 1)}. It should feel too slow.`,
      ctx,
      d,
    );
  }
  const strideSteps = [
    // Strides are neuromuscular, not metabolic work: no HR zone, so they do not count as hard time.
    step('active', seconds(20), { paceSecPerKm: around(ctx.paces.repetition) }, 'stride'),
    step('recovery', seconds(60)),
  ];
  // Strides ride on the run's distance, so the week's volume stays what the plan says.
  const strideMeters = opts.strides
    ? 6 * (20_000 / ctx.paces.repetition + 60_000 / ((easy.min + easy.max) / 2))
    : 0;
  const steps: WorkoutStructure['steps'] = [step('active', meters(d - strideMeters), target(ctx, 2, easy))];
  let extra = '';
  if (opts.strides) {
    steps.push({ type: 'repeat', count: 6, steps: strideSteps });
    extra = ' Finish with 6 × 20 s relaxed strides (quick, not sprinting), 60 s walk/jog between.';
  }
  if (kind === 'long') {
    const hills = ctx.hilly ? ' Run it on rolling or hilly ground like your race course.' : '';
    const fuel = d >= 16_000 ? ' Practise your race-day fueling and drinking.' : '';
    return finish(
      'long',
      { steps },
      2,
      `Long run ${formatDistance(d, u)} at ${formatPaceRange(easy, u)}${hrText(ctx, 2)}: steady and conversational.${hills}${fuel}${extra}`,
      ctx,
      d,
    );
  }
  return finish(
    'easy',
    { steps },
    2,
    `Easy run ${formatDistance(d, u)} at ${formatPaceRange(easy, u)}${hrText(ctx, 2)}, conversational.${extra}`,
    ctx,
    d,
  );
}

/**
 * A quality session: warm-up, the work at its Daniels pace, cool-down. `work` is the metres at the
 * session's intensity; Daniels caps them per week (T <= 10%, I <= 8%, R <= 5%, M <= 20% of weekly volume).
 */
export function qualitySession(
  kind: QualityKind,
  work: number,
  weekMeters: number,
  phase: PhaseName,
  ctx: SessionContext,
): Session {
  const { paces, units: u } = ctx;
  const wu = round100(clamp(weekMeters * 0.05, 1500, 3000));
  const cd = round100(clamp(weekMeters * 0.035, 1000, 2500));
  const warm = step('warmup', meters(wu), target(ctx, 2, paces.easy));
  const cool = step('cooldown', meters(cd), target(ctx, 2, paces.easy));
  const wrap = (main: WorkoutStructure['steps']): WorkoutStructure => ({ steps: [warm, ...main, cool] });
  const frame = (core: string) =>
    `${formatDistance(wu, u)} warm-up, ${core}, ${formatDistance(cd, u)} cool-down.`;

  switch (kind) {
    case 'threshold': {
      // Longer reps as the plan matures, but never fewer than two of them (small weeks get 1 km reps).
      const rep = Math.max(
        1000,
        Math.min(phase === 'base' ? 1000 : phase === 'build' ? 1600 : 2000, round100(work / 2)),
      );
      const reps = Math.max(2, Math.round(work / rep));
      const pace = around(paces.threshold);
      // Daniels: cruise intervals with 1 min rest per 5 min at T pace.
      const rest = Math.max(45, Math.round(((rep / 1000) * paces.threshold) / 5));
      const s = wrap([
        {
          type: 'repeat',
          count: reps,
          steps: [step('active', meters(rep), target(ctx, 4, pace)), step('recovery', seconds(rest))],
        },
      ]);
      return finish(
        'threshold',
        s,
        4,
        `Threshold: ${frame(`${reps} × ${formatDistance(rep, u)} at ${formatPace(paces.threshold, u)} (comfortably hard${hrText(ctx, 4)}) with ${rest} s easy jog`)}`,
        ctx,
      );
    }
    case 'intervals': {
      const rep = ctx.raceClass.name === '5k' ? 800 : 1000;
      const reps = Math.max(3, Math.round(work / rep));
      const repSec = (rep / 1000) * paces.interval;
      // Daniels: I-pace recoveries about as long as the work bout.
      const jog = Math.round(repSec * 0.9);
      const s = wrap([
        {
          type: 'repeat',
          count: reps,
          steps: [
            step('active', meters(rep), target(ctx, 5, around(paces.interval))),
            step('recovery', seconds(jog), RECOVERY_JOG),
          ],
        },
      ]);
      return finish(
        'intervals',
        s,
        5,
        `Intervals: ${frame(`${reps} × ${formatDistance(rep, u)} at ${formatPace(paces.interval, u)} (hard, about 3K–5K effort) with ${formatClock(jog)} jog`)}`,
        ctx,
      );
    }
    case 'repetition': {
      const rep = ctx.raceClass.name === '5k' ? 200 : 400;
      const reps = Math.max(4, Math.round(work / rep));
      const jog = Math.round((rep / 1000) * paces.easy.max);
      const s = wrap([
        {
          type: 'repeat',
          count: reps,
          steps: [
            step('active', meters(rep), { zone: 5, paceSecPerKm: around(paces.repetition, 2) }),
            step('recovery', seconds(jog)),
          ],
        },
      ]);
      return finish(
        'intervals',
        s,
        5,
        `Repetitions: ${frame(`${reps} × ${formatDistance(rep, u)} at ${formatPace(paces.repetition, u)} (fast and relaxed, full recovery) with ${formatClock(jog)} easy jog`)}`,
        ctx,
      );
    }
    case 'hills': {
      const boutMeters = (90 / paces.interval) * 1000 * 0.85;
      const reps = clamp(Math.round(work / boutMeters), 4, 12);
      const s = wrap([
        {
          type: 'repeat',
          count: reps,
          steps: [
            step('active', seconds(90), { zone: 5 }, 'uphill, hard but controlled'),
            step('recovery', seconds(120), RECOVERY_JOG, 'jog back down'),
          ],
        },
      ]);
      return finish(
        'intervals',
        s,
        5,
        `Hill repeats: ${frame(`${reps} × 90 s uphill at about 5K effort, jog down in 2 min`)} Drive the arms, stay tall: your race climbs, so this is race-specific strength.`,
        ctx,
      );
    }
    case 'marathon_pace': {
      const pace = around(paces.marathon);
      const block = round100(work);
      const main: WorkoutStructure['steps'] =
        block > 10_000
          ? [
              step('active', meters(round100(block / 2)), target(ctx, 3, pace)),
              step('recovery', meters(1000), target(ctx, 2, paces.easy), 'easy float'),
              step('active', meters(round100(block / 2)), target(ctx, 3, pace)),
            ]
          : [step('active', meters(block), target(ctx, 3, pace))];
      const core =
        block > 10_000
          ? `2 × ${formatDistance(round100(block / 2), u)} at ${formatPace(paces.marathon, u)} with 1 km easy between`
          : `${formatDistance(block, u)} at ${formatPace(paces.marathon, u)}`;
      return finish(
        'marathon_pace',
        wrap(main),
        3,
        `Marathon pace: ${frame(`${core} (steady, race rhythm${hrText(ctx, 3)})`)}`,
        ctx,
      );
    }
    case 'sharpener': {
      const short = ctx.raceClass.name === '5k' || ctx.raceClass.name === '10k';
      const rep = short ? 400 : 1000;
      // `work` > 0 asks for a lighter sharpener: that many metres of reps, at least two.
      const reps = work > 0 ? Math.max(2, Math.round(work / rep)) : short ? 4 : 3;
      const pace = short ? paces.interval : paces.threshold;
      const zone = short ? 5 : 4;
      const s = wrap([
        {
          type: 'repeat',
          count: reps,
          steps: [
            step('active', meters(rep), target(ctx, zone, around(pace))),
            step('recovery', seconds(120)),
          ],
        },
      ]);
      return finish(
        short ? 'intervals' : 'threshold',
        s,
        zone,
        `Race-week sharpener: ${frame(`${reps} × ${formatDistance(rep, u)} at ${formatPace(pace, u)} with 2 min jog`)} Stay sharp, not tired.`,
        ctx,
      );
    }
  }
}

export function raceSession(
  distance: number,
  timeSec: number,
  name: string | undefined,
  ctx: SessionContext,
): Session {
  const pace = timeSec / (distance / 1000);
  const zone = distance <= 7_000 ? 5 : distance <= 30_000 ? 4 : distance <= 43_000 ? 3 : 2;
  const s = { steps: [step('active', meters(distance), { zone, paceSecPerKm: around(pace, 2) })] };
  const u = ctx.units;
  return {
    type: 'race',
    structure: s,
    targetDistanceMeters: Math.round(distance),
    targetDurationSec: Math.round(timeSec),
    intensityZone: zone,
    description: `Race day${name ? `: ${name}` : ''}. ${formatDistance(distance, u)} in about ${formatClock(timeSec)} (${formatPace(pace, u)}). Start a little conservatively, settle into pace, and race the last third.`,
  };
}

export function strengthSession(): Session {
  return {
    type: 'strength',
    structure: { steps: [step('active', seconds(30 * 60), undefined, 'strength circuit')] },
    targetDurationSec: 30 * 60,
    description:
      'Strength 30 min: squats, lunges, calf raises, hip bridges, planks; 2–3 sets, controlled. Heavy strength improves running economy (Blagrove et al. 2018).',
  };
}
