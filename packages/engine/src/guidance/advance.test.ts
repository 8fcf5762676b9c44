import { describe, expect, it } from 'vitest';
import { advanceSteps } from './advance.ts';
import { flattenStructure } from './flatten.ts';

const steps = flattenStructure({
  steps: [
    { type: 'step', intent: 'warmup', duration: { kind: 'time', seconds: 60 } },
    { type: 'step', intent: 'active', duration: { kind: 'distance', meters: 200 } },
    { type: 'step', intent: 'recovery', duration: { kind: 'time', seconds: 30 } },
    { type: 'step', intent: 'rest', duration: { kind: 'open' } },
    { type: 'step', intent: 'cooldown', duration: { kind: 'time', seconds: 30 } },
  ],
});

describe('advanceSteps', () => {
  it('stays put inside a step', () => {
    expect(advanceSteps(steps, { index: 0, startT: 0, startM: 0 }, 0, 0, 59, 177)).toEqual({
      index: 0,
      startT: 0,
      startM: 0,
    });
  });

  it('places each boundary by interpolation across a long jump, and stops at an open step', () => {
    // 4 m/s throughout: warm-up ends at 60 s / 240 m, the 200 m at 110 s / 440 m, recovery at 140 s.
    const pos = advanceSteps(steps, { index: 0, startT: 0, startM: 0 }, 0, 0, 400, 1600);
    expect(pos.index).toBe(3);
    expect(pos.startT).toBeCloseTo(140, 9);
    expect(pos.startM).toBeCloseTo(560, 9);
  });

  it('ends a time step exactly on its boundary', () => {
    expect(advanceSteps(steps, { index: 0, startT: 0, startM: 0 }, 59, 59, 60, 60).index).toBe(1);
  });

  it('does not end a distance step while standing still', () => {
    expect(advanceSteps(steps, { index: 1, startT: 60, startM: 240 }, 60, 240, 1000, 240).index).toBe(1);
  });

  it('returns past the end when the last step completes', () => {
    expect(advanceSteps(steps, { index: 4, startT: 0, startM: 0 }, 0, 0, 30, 0)).toEqual({
      index: 5,
      startT: 30,
      startM: 0,
    });
  });
});
