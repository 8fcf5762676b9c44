import {
  Decoder,
  Encoder,
  type FileIdMesg,
  Profile,
  Stream,
  type WorkoutMesg,
  type WorkoutStepMesg,
} from '@garmin/fitsdk';
import type {
  StepDuration,
  StepIntent,
  StepTarget,
  Workout,
  WorkoutStep,
  WorkoutStructure,
} from '@runningcoach/contracts';
import { ImportFileError } from '../errors.ts';

export const FIT_WORKOUT_CONTENT_TYPE = 'application/vnd.ant.fit';

type Mesg = Record<string, unknown>;

/*
 * FIT workout files (FIT profile, workout and workout_step messages). The Encoder ignores sub-fields
 * (durationTime, customTargetSpeedLow...), so the main fields carry raw values in the sub-fields' units:
 * time in ms (durationTime scale 1000), distance in cm (durationDistance scale 100), speed in mm/s
 * (customTargetSpeed* scale 1000), heart rate as bpm + 100 (workout_hr: 0-100 is % of max, 100+ is bpm).
 */
const HR_BPM_OFFSET = 100;

const INTENSITY: Record<StepIntent, string> = {
  warmup: 'warmup',
  active: 'active',
  recovery: 'recovery',
  rest: 'rest',
  cooldown: 'cooldown',
};

function duration(d: StepDuration): Mesg {
  if (d.kind === 'time') return { durationType: 'time', durationValue: Math.round(d.seconds * 1000) };
  if (d.kind === 'distance') return { durationType: 'distance', durationValue: Math.round(d.meters * 100) };
  return { durationType: 'open' };
}

/** Pace range (s/km, min = faster) → speed range in mm/s, low = the slower end. */
const speedRange = (pace: { min: number; max: number }) => ({
  low: Math.round((1000 / pace.max) * 1000),
  high: Math.round((1000 / pace.min) * 1000),
});

function target(t: StepTarget | undefined): Mesg {
  if (t?.paceSecPerKm) {
    const { low, high } = speedRange(t.paceSecPerKm);
    const out: Mesg = {
      targetType: 'speed',
      targetValue: 0,
      customTargetValueLow: low,
      customTargetValueHigh: high,
    };
    // FIT has two targets a step: pace first, then the HR range (or, without one, the HR zone).
    if (t.hrBpm) {
      Object.assign(out, {
        secondaryTargetType: 'heartRate',
        secondaryTargetValue: 0,
        secondaryCustomTargetValueLow: t.hrBpm.min + HR_BPM_OFFSET,
        secondaryCustomTargetValueHigh: t.hrBpm.max + HR_BPM_OFFSET,
      });
    } else if (t.zone) Object.assign(out, { secondaryTargetType: 'heartRate', secondaryTargetValue: t.zone });
    return out;
  }
  if (t?.hrBpm) {
    // The zone, if any, is the range's name: the range itself is what the watch holds the runner to.
    return {
      targetType: 'heartRate',
      targetValue: 0,
      customTargetValueLow: t.hrBpm.min + HR_BPM_OFFSET,
      customTargetValueHigh: t.hrBpm.max + HR_BPM_OFFSET,
    };
  }
  if (t?.zone) return { targetType: 'heartRate', targetValue: t.zone };
  return { targetType: 'open' };
}

function stepMesg(step: WorkoutStep, index: number): Mesg {
  const m: Mesg = {
    messageIndex: index,
    intensity: INTENSITY[step.intent],
    ...duration(step.duration),
    ...target(step.target),
  };
  if (step.note) m.notes = step.note.slice(0, 50);
  return m;
}

/** The workout's steps in FIT order: a repeat's children first, then the step that loops back to them. */
function flatten(structure: WorkoutStructure): Mesg[] {
  const out: Mesg[] = [];
  for (const s of structure.steps) {
    if (s.type === 'step') {
      out.push(stepMesg(s, out.length));
      continue;
    }
    const first = out.length;
    for (const child of s.steps) out.push(stepMesg(child, out.length));
    out.push({
      messageIndex: out.length,
      durationType: 'repeatUntilStepsCmplt',
      durationValue: first,
      targetType: 'open',
      targetValue: s.count,
    });
  }
  return out;
}

/**
 * A planned workout as a FIT workout file (file_id type workout, one workout message, its workout_steps),
 * as Garmin Connect and the watches load it. `timeCreated` makes the output reproducible.
 */
export function encodeFitWorkout(workout: Workout, opts: { timeCreated: Date }): Uint8Array {
  const steps = flatten(workout.structure);
  const encoder = new Encoder();
  const fileId: FileIdMesg = {
    type: 'workout',
    manufacturer: 'development',
    product: 0,
    serialNumber: 1,
    timeCreated: opts.timeCreated,
  };
  const header: WorkoutMesg = {
    sport: workout.type === 'strength' ? 'training' : 'running',
    capabilities: 0,
    numValidSteps: steps.length,
    wktName: `${workout.date} ${workout.type}`.slice(0, 30),
  };
  encoder.onMesg(Profile.MesgNum.FILE_ID!, fileId);
  encoder.onMesg(Profile.MesgNum.WORKOUT!, header);
  for (const s of steps) encoder.onMesg(Profile.MesgNum.WORKOUT_STEP!, s as WorkoutStepMesg);
  return encoder.close();
}

const INTENT_OF: Record<string, StepIntent> = {
  warmup: 'warmup',
  active: 'active',
  interval: 'active',
  recovery: 'recovery',
  rest: 'rest',
  cooldown: 'cooldown',
};

function readDuration(s: Mesg): StepDuration {
  if (s.durationType === 'time') return { kind: 'time', seconds: Number(s.durationTime) };
  if (s.durationType === 'distance') return { kind: 'distance', meters: Number(s.durationDistance) };
  return { kind: 'open' };
}

function readTarget(s: Mesg): StepTarget | undefined {
  const t: StepTarget = {};
  const hr = (type: unknown, value: unknown, low: unknown, high: unknown) => {
    if (type !== 'heartRate') return;
    if (value) t.zone = Number(value);
    else t.hrBpm = { min: Number(low) - HR_BPM_OFFSET, max: Number(high) - HR_BPM_OFFSET };
  };
  if (s.targetType === 'speed') {
    const low = Number(s.customTargetSpeedLow);
    const high = Number(s.customTargetSpeedHigh);
    t.paceSecPerKm = { min: 1000 / high, max: 1000 / low };
  }
  hr(s.targetType, s.targetValue, s.customTargetHeartRateLow, s.customTargetHeartRateHigh);
  hr(
    s.secondaryTargetType,
    s.secondaryTargetValue,
    s.secondaryCustomTargetValueLow,
    s.secondaryCustomTargetValueHigh,
  );
  return Object.keys(t).length ? t : undefined;
}

/**
 * A FIT workout file back to our structure (paces come back as the speed range's inverse, so to ~1 mm/s).
 * The inverse of encodeFitWorkout: repeats become repeat blocks of the steps they loop back over.
 */
export function decodeFitWorkout(bytes: Uint8Array): { name?: string; structure: WorkoutStructure } {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  if (!decoder.checkIntegrity())
    throw new ImportFileError('FILE_CORRUPT', 'FIT workout failed its CRC check');
  const { messages, errors } = decoder.read();
  if (errors.length) throw new ImportFileError('FILE_CORRUPT', String(errors[0]));
  const m = messages as unknown as Record<string, Mesg[] | undefined>;
  const steps: WorkoutStructure['steps'] = [];
  for (const s of m.workoutStepMesgs ?? []) {
    if (s.durationType === 'repeatUntilStepsCmplt') {
      const from = Number(s.durationStep);
      const index = Number(s.messageIndex);
      const count = index - from;
      const children = steps.splice(steps.length - count, count) as WorkoutStep[];
      steps.push({ type: 'repeat', count: Number(s.repeatSteps), steps: children });
      continue;
    }
    const step: WorkoutStep = {
      type: 'step',
      intent: INTENT_OF[String(s.intensity)] ?? 'active',
      duration: readDuration(s),
    };
    const target = readTarget(s);
    if (target) step.target = target;
    if (typeof s.notes === 'string') step.note = s.notes;
    steps.push(step);
  }
  const name = m.workoutMesgs?.[0]?.wktName;
  return { ...(typeof name === 'string' && { name }), structure: { steps } };
}
