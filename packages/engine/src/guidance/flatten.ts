import type { WorkoutStructure } from '@runningcoach/contracts';
import type { FlatStep } from './types.ts';

/** Unrolls repeat blocks into the linear list of steps the watch walks through. */
export function flattenStructure(structure: WorkoutStructure): FlatStep[] {
  const out: FlatStep[] = [];
  for (const item of structure.steps) {
    if (item.type === 'step') {
      out.push({ step: item, index: out.length });
      continue;
    }
    const of = Math.max(0, Math.floor(item.count));
    for (let k = 1; k <= of; k++) {
      for (const step of item.steps) out.push({ step, index: out.length, repeat: { iteration: k, of } });
    }
  }
  return out;
}
