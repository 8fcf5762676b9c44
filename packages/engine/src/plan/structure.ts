import type {
  Range,
  StepDuration,
  StepIntent,
  StepTarget,
  WorkoutStep,
  WorkoutStructure,
} from '@runningcoach/contracts';

export function step(
  intent: StepIntent,
  duration: StepDuration,
  target?: StepTarget,
  note?: string,
): WorkoutStep {
  const s: WorkoutStep = { type: 'step', intent, duration };
  if (target) s.target = target;
  if (note) s.note = note;
  return s;
}

export const meters = (m: number): StepDuration => ({ kind: 'distance', meters: Math.round(m) });
export const seconds = (s: number): StepDuration => ({ kind: 'time', seconds: Math.round(s) });

export interface StructureMeasure {
  meters: number;
  seconds: number;
  /** Seconds planned at zone 3 or above: the "hard" side of the 80/20 split (Seiler 2010). */
  hardSeconds: number;
}

const midPace = (p: Range | undefined, fallback: number) => (p ? (p.min + p.max) / 2 : fallback);

/** Planned distance and time of a structure; time steps are converted at their target pace. */
export function measureStructure(structure: WorkoutStructure, fallbackPace: number): StructureMeasure {
  const out: StructureMeasure = { meters: 0, seconds: 0, hardSeconds: 0 };
  const add = (s: WorkoutStep, times: number) => {
    const pace = midPace(s.target?.paceSecPerKm, fallbackPace);
    let m = 0;
    let t = 0;
    if (s.duration.kind === 'distance') {
      m = s.duration.meters;
      t = (m / 1000) * pace;
    } else if (s.duration.kind === 'time') {
      t = s.duration.seconds;
      m = s.intent === 'rest' ? 0 : (t / pace) * 1000;
    }
    out.meters += m * times;
    out.seconds += t * times;
    if ((s.target?.zone ?? 0) >= 3 && s.intent === 'active') out.hardSeconds += t * times;
  };
  for (const block of structure.steps) {
    if (block.type === 'repeat') for (const s of block.steps) add(s, block.count);
    else add(block, 1);
  }
  return out;
}
