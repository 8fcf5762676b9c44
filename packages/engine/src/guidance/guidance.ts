import type { Range, StepTarget, WorkoutStructure } from '@runningcoach/contracts';
import { advanceSteps } from './advance.ts';
import { IN_BAND, clearBand, holdBand, updateBand } from './band.ts';
import type { BandEvent } from './band.ts';
import { flattenStructure } from './flatten.ts';
import { describeStep, formatBpmRange, formatClock, formatPace, formatPaceRange } from './format.ts';
import { resolveGuidanceOptions } from './options.ts';
import { EMPTY_SMOOTH, smooth } from './smoothing.ts';
import type {
  Cue,
  FlatStep,
  Guidance,
  GuidanceOptions,
  GuidanceSample,
  GuidanceSettings,
  GuidanceState,
  StepRemaining,
} from './types.ts';

// Wider than any runner's heart: 25 bpm (elite resting bradycardia) to 250 bpm; outside is sensor error.
const HR_MIN = 25;
const HR_MAX = 250;
// 12.5 m/s is above Bolt's 12.4 m/s top speed: anything faster is a GPS jump, not running.
const SPEED_MAX = 12.5;

/** The state before the first sample: first step, nothing smoothed, nothing cued. */
export function startGuidance(structure: WorkoutStructure, options?: GuidanceOptions): GuidanceState {
  return {
    version: 1,
    steps: flattenStructure(structure),
    settings: resolveGuidanceOptions(options),
    index: 0,
    stepStartT: 0,
    stepStartM: 0,
    lastT: null,
    lastM: 0,
    hr: EMPTY_SMOOTH,
    speed: EMPTY_SMOOTH,
    hrBand: IN_BAND,
    paceBand: IN_BAND,
    announced: false,
    finished: false,
  };
}

/**
 * The real-time adjuster: folds one sample into the state and says what to tell the runner. Samples
 * whose time does not move forward are ignored (same state, no cues).
 */
export function workoutGuidance(state: GuidanceState, sample: GuidanceSample): Guidance {
  const t = sample.t;
  if (!Number.isFinite(t) || t < state.stepStartT || (state.lastT !== null && t <= state.lastT)) {
    return view(state, [], state.lastT ?? state.stepStartT);
  }
  const { steps, settings: cfg } = state;
  const t0 = state.lastT ?? state.stepStartT;
  const m0 = state.lastM;
  const dm = sample.distanceMeters;
  // Distance only grows: a GPS correction backwards is held at the last value.
  const m = Number.isFinite(dm) && dm > m0 ? dm : m0;
  if (state.finished) return view({ ...state, lastT: t, lastM: m }, [], t);

  const from = { index: state.index, startT: state.stepStartT, startM: state.stepStartM };
  let pos = advanceSteps(steps, from, t0, m0, t, m);
  // A lap ends the current step, unless this very sample already ended one (one press, one step).
  if (sample.lap === true && pos.index === state.index && pos.index < steps.length) {
    pos = advanceSteps(steps, { index: pos.index + 1, startT: t, startM: m }, t, m, t, m);
  }
  const entered = pos.index - state.index;
  const finished = pos.index >= steps.length;
  const cues: Cue[] = [];
  const current = steps[pos.index];
  if (current && (entered > 0 || !state.announced)) {
    cues.push(stepChangeCue(current, Math.max(0, entered - 1)));
  }
  if (finished) {
    const km = Math.round(pos.startM / 10) / 100;
    cues.push({
      code: 'workout_complete',
      message: `Workout complete: ${km} km in ${formatClock(pos.startT)}`,
      data: { seconds: round(pos.startT, 1), meters: round(pos.startM, 1) },
    });
  }

  let { hr, speed, hrBand, paceBand } = state;
  if (entered > 0) {
    // New step, new band: open conditions end silently; pace restarts so the old step's pace can't leak.
    hrBand = clearBand(hrBand);
    paceBand = clearBand(paceBand);
    speed = { ...speed, value: null };
  }

  const rawHr = sample.hr;
  const hasHr = typeof rawHr === 'number' && rawHr >= HR_MIN && rawHr <= HR_MAX;
  const hrGap = hr.t === null || t - hr.t > cfg.maxGapSec;
  if (hasHr) hr = smooth(hr, rawHr, t, cfg.hr.smoothingSec, cfg.maxGapSec, false);

  // Pace restarts again when cues become possible, so the acceleration into a rep can't look "too slow".
  if (entered === 0 && t0 - pos.startT < cfg.pace.graceSec && t - pos.startT >= cfg.pace.graceSec) {
    speed = { ...speed, value: null };
  }
  const rawSpeed = readSpeed(sample, cfg, state.lastT === null ? null : (m - m0) / (t - t0));
  const speedGap = speed.t === null || t - speed.t > cfg.maxGapSec;
  if (rawSpeed !== null) speed = smooth(speed, rawSpeed, t, cfg.pace.smoothingSec, cfg.maxGapSec, true);

  if (current) {
    const elapsed = t - pos.startT;
    const target = current.step.target;
    const hrRange = target && hrTarget(target, cfg.hrZones);
    if (hasHr && hrRange && hr.value !== null) {
      if (elapsed < cfg.hr.graceSec || hrGap) hrBand = holdBand(hrBand);
      else {
        const allowBelow =
          cfg.hr.belowCues && current.step.intent === 'active' && elapsed >= cfg.hr.belowGraceSec;
        const r = updateBand(hrBand, hr.value, hrRange.min, hrRange.max, t, {
          ...cfg.hr,
          recueSec: cfg.recueSec,
          allowBelow,
        });
        hrBand = r.band;
        if (r.event) cues.push(hrCue(r.event, hr.value, hrRange));
      }
    }
    const paceRange = target?.paceSecPerKm && ordered(target.paceSecPerKm);
    if (rawSpeed !== null && paceRange && speed.value !== null) {
      if (elapsed < cfg.pace.graceSec || speedGap) paceBand = holdBand(paceBand);
      else {
        const pace = toPace(speed.value);
        const r = updateBand(paceBand, pace ?? Infinity, paceRange.min, paceRange.max, t, {
          ...cfg.pace,
          recueSec: cfg.recueSec,
          allowBelow: true,
        });
        paceBand = r.band;
        if (r.event) cues.push(paceCue(r.event, pace, paceRange));
      }
    }
  }

  const next: GuidanceState = {
    ...state,
    index: pos.index,
    stepStartT: pos.startT,
    stepStartM: pos.startM,
    lastT: t,
    lastM: m,
    hr,
    speed,
    hrBand,
    paceBand,
    announced: true,
    finished,
  };
  return view(next, cues, t);
}

/** Raw speed in m/s from the sample's pace, else (if allowed) from the distance covered since the last sample. */
function readSpeed(
  sample: GuidanceSample,
  cfg: GuidanceSettings,
  fromDistance: number | null,
): number | null {
  const p = sample.paceSecPerKm;
  const v = typeof p === 'number' && p > 0 ? 1000 / p : cfg.paceFromDistance ? fromDistance : null;
  return v !== null && Number.isFinite(v) && v >= 0 && v <= SPEED_MAX ? v : null;
}

function toPace(speed: number): number | null {
  return speed > 0 ? 1000 / speed : null;
}

function ordered(r: Range): Range {
  return r.min <= r.max ? r : { min: r.max, max: r.min };
}

/** An explicit bpm range wins; a zone alone needs the runner's zones from the options. */
function hrTarget(target: StepTarget, zones: readonly Range[]): Range | undefined {
  if (target.hrBpm) return ordered(target.hrBpm);
  const z = target.zone === undefined ? undefined : zones[target.zone - 1];
  return z && ordered(z);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function stepChangeCue(flat: FlatStep, skipped: number): Cue {
  const { intent, duration: d, target } = flat.step;
  return {
    code: 'step_change',
    message: describeStep(flat),
    data: {
      index: flat.index,
      intent,
      kind: d.kind,
      seconds: d.kind === 'time' ? d.seconds : null,
      meters: d.kind === 'distance' ? d.meters : null,
      iteration: flat.repeat?.iteration ?? null,
      of: flat.repeat?.of ?? null,
      paceMin: target?.paceSecPerKm?.min ?? null,
      paceMax: target?.paceSecPerKm?.max ?? null,
      hrMin: target?.hrBpm?.min ?? null,
      hrMax: target?.hrBpm?.max ?? null,
      zone: target?.zone ?? null,
      skipped,
    },
  };
}

function hrCue(e: BandEvent, value: number, r: Range): Cue {
  const hr = Math.round(value);
  const data = { signal: 'hr', side: e.side, hr, min: r.min, max: r.max };
  const range = formatBpmRange(r);
  if (e.kind === 'back') return { code: 'back_in_range', message: `Heart rate back in ${range}`, data };
  return e.side === 'above'
    ? { code: 'hr_above_zone', message: `Heart rate ${hr} above ${range}: slow down`, data }
    : { code: 'hr_below_zone', message: `Heart rate ${hr} below ${range}: pick it up`, data };
}

function paceCue(e: BandEvent, value: number | null, r: Range): Cue {
  const pace = value === null ? null : Math.round(value);
  const data = { signal: 'pace', side: e.side, pace, min: r.min, max: r.max };
  const range = formatPaceRange(r);
  if (e.kind === 'back') return { code: 'back_in_range', message: `Pace back in ${range}`, data };
  const shown = `${formatPace(pace)}/km`;
  return e.side === 'above'
    ? { code: 'pace_too_slow', message: `Pace ${shown} slower than ${range}: speed up`, data }
    : { code: 'pace_too_fast', message: `Pace ${shown} faster than ${range}: ease off`, data };
}

function view(state: GuidanceState, cues: Cue[], t: number): Guidance {
  const flat = state.finished ? undefined : state.steps[state.index];
  const elapsedSec = flat ? Math.max(0, t - state.stepStartT) : 0;
  const elapsedM = flat ? Math.max(0, state.lastM - state.stepStartM) : 0;
  let remaining: StepRemaining | null = null;
  const d = flat?.step.duration;
  if (d?.kind === 'time') remaining = { kind: 'time', seconds: Math.max(0, d.seconds - elapsedSec) };
  else if (d?.kind === 'distance') remaining = { kind: 'distance', meters: Math.max(0, d.meters - elapsedM) };
  else if (d) remaining = { kind: 'open' };
  const speed = state.speed.value;
  return {
    state,
    step: flat ?? null,
    stepElapsedSec: elapsedSec,
    stepElapsedMeters: elapsedM,
    stepRemaining: remaining,
    hr: state.hr.value,
    paceSecPerKm: speed === null ? null : toPace(speed),
    cues,
    finished: state.finished,
  };
}
