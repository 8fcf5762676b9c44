import { describe, expect, it } from 'vitest';
import { flattenStructure } from './flatten.ts';

describe('flattenStructure', () => {
  it('unrolls repeats in order with k of n', () => {
    const flat = flattenStructure({
      steps: [
        { type: 'step', intent: 'warmup', duration: { kind: 'time', seconds: 600 } },
        {
          type: 'repeat',
          count: 3,
          steps: [
            { type: 'step', intent: 'active', duration: { kind: 'distance', meters: 400 } },
            { type: 'step', intent: 'recovery', duration: { kind: 'time', seconds: 60 } },
          ],
        },
        { type: 'step', intent: 'cooldown', duration: { kind: 'open' } },
      ],
    });
    expect(flat).toHaveLength(8);
    expect(flat.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(flat.map((f) => f.step.intent)).toEqual([
      'warmup',
      'active',
      'recovery',
      'active',
      'recovery',
      'active',
      'recovery',
      'cooldown',
    ]);
    expect(flat[0]?.repeat).toBeUndefined();
    expect(flat[5]?.repeat).toEqual({ iteration: 3, of: 3 });
    expect(flat[4]?.repeat).toEqual({ iteration: 2, of: 3 });
    expect(flat[7]?.repeat).toBeUndefined();
  });

  it('gives an empty list for an empty structure', () => {
    expect(flattenStructure({ steps: [] })).toEqual([]);
  });
});
