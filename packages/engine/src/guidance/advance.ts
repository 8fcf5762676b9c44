import type { FlatStep } from './types.ts';

/** Where the current step began. */
export interface StepPosition {
  index: number;
  startT: number;
  startM: number;
}

/**
 * Walks through every time or distance step that the segment (t0, m0) → (t1, m1) completes. Each
 * boundary is placed by linear interpolation inside the segment, so the next step starts at the exact
 * second or metre the previous one ended, even when a sample jumps past several short steps. Open steps
 * stop the walk: only a lap ends them.
 */
export function advanceSteps(
  steps: readonly FlatStep[],
  pos: StepPosition,
  t0: number,
  m0: number,
  t1: number,
  m1: number,
): StepPosition {
  let { index, startT, startM } = pos;
  for (;;) {
    const d = steps[index]?.step.duration;
    if (d === undefined || d.kind === 'open') break;
    let endT: number;
    let endM: number;
    if (d.kind === 'time') {
      endT = startT + d.seconds;
      if (endT > t1) break;
      endM = t1 > t0 ? m0 + (m1 - m0) * clamp01((endT - t0) / (t1 - t0)) : m1;
    } else {
      endM = startM + d.meters;
      if (endM > m1) break;
      endT = d.meters <= 0 ? startT : m1 > m0 ? t0 + (t1 - t0) * clamp01((endM - m0) / (m1 - m0)) : t1;
    }
    index++;
    startT = Math.max(startT, endT);
    startM = Math.max(startM, endM);
  }
  return { index, startT, startM };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
