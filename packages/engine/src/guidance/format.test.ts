import { describe, expect, it } from 'vitest';
import { describeStep, formatClock, formatPace, formatPaceRange } from './format.ts';

describe('format', () => {
  it('formats clocks and paces', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatPace(249.6)).toBe('4:10');
    expect(formatPace(null)).toBe('--:--');
    expect(formatPace(Infinity)).toBe('--:--');
    expect(formatPaceRange({ min: 240, max: 250 })).toBe('4:00–4:10/km');
    expect(formatPaceRange({ min: 240, max: 240 })).toBe('4:00/km');
  });

  it('describes steps', () => {
    expect(
      describeStep({
        index: 3,
        repeat: { iteration: 3, of: 6 },
        step: {
          type: 'step',
          intent: 'active',
          duration: { kind: 'distance', meters: 800 },
          target: { paceSecPerKm: { min: 240, max: 250 } },
        },
      }),
    ).toBe('Run 800 m at 4:00–4:10/km (3 of 6)');
    expect(
      describeStep({
        index: 0,
        step: {
          type: 'step',
          intent: 'warmup',
          duration: { kind: 'time', seconds: 600 },
          target: { zone: 2 },
        },
      }),
    ).toBe('Warm-up 10 min, zone 2');
    expect(
      describeStep({
        index: 0,
        step: {
          type: 'step',
          intent: 'recovery',
          duration: { kind: 'time', seconds: 90 },
          target: { hrBpm: { min: 120, max: 140 } },
        },
      }),
    ).toBe('Recover 1:30, HR 120–140');
    expect(
      describeStep({
        index: 0,
        step: { type: 'step', intent: 'cooldown', duration: { kind: 'distance', meters: 1500 } },
      }),
    ).toBe('Cool-down 1.5 km');
    expect(
      describeStep({ index: 0, step: { type: 'step', intent: 'rest', duration: { kind: 'open' } } }),
    ).toBe('Rest until lap');
    expect(
      describeStep({
        index: 0,
        step: { type: 'step', intent: 'rest', duration: { kind: 'time', seconds: 45 } },
      }),
    ).toBe('Rest 45 s');
  });
});
