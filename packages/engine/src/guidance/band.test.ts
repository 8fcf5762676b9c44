import { describe, expect, it } from 'vitest';
import { IN_BAND, updateBand } from './band.ts';
import type { BandRules } from './band.ts';
import type { BandState } from './types.ts';

const RULES: BandRules = { enterMargin: 2, exitMargin: 2, persistSec: 10, recueSec: 60, allowBelow: true };

function run(values: (t: number) => number, until: number, rules = RULES) {
  let b: BandState = IN_BAND;
  const events: { t: number; kind: string; side: string }[] = [];
  for (let t = 0; t <= until; t++) {
    const r = updateBand(b, values(t), 155, 162, t, rules);
    b = r.band;
    if (r.event) events.push({ t, ...r.event });
  }
  return events;
}

describe('updateBand', () => {
  it('enters only after the persistence window, then re-cues every recueSec', () => {
    expect(run(() => 170, 130)).toEqual([
      { t: 10, kind: 'cue', side: 'above' },
      { t: 70, kind: 'cue', side: 'above' },
      { t: 130, kind: 'cue', side: 'above' },
    ]);
  });

  it('needs the margin to enter and the exit margin to leave', () => {
    expect(run(() => 164, 100)).toEqual([]);
    expect(run((t) => (t < 20 ? 170 : 161), 40)).toEqual([{ t: 10, kind: 'cue', side: 'above' }]);
    expect(run((t) => (t < 20 ? 170 : 160), 40)).toEqual([
      { t: 10, kind: 'cue', side: 'above' },
      { t: 20, kind: 'back', side: 'above' },
    ]);
  });

  it('a surge shorter than the window never cues', () => {
    expect(run((t) => (t % 12 < 9 ? 170 : 158), 300)).toEqual([]);
  });

  it('does not re-cue a condition that came back within recueSec', () => {
    const events = run((t) => (t < 20 || t >= 25 ? 170 : 158), 100);
    expect(events).toEqual([
      { t: 10, kind: 'cue', side: 'above' },
      { t: 20, kind: 'back', side: 'above' },
      { t: 70, kind: 'cue', side: 'above' },
    ]);
  });

  it('ignores values under the band when below is not allowed', () => {
    expect(run(() => 120, 100, { ...RULES, allowBelow: false })).toEqual([]);
    expect(run(() => 120, 10)).toEqual([{ t: 10, kind: 'cue', side: 'below' }]);
  });

  it('keeps the exit point inside a narrow band', () => {
    let b: BandState = { ...IN_BAND, status: 'above', cued: true };
    b = updateBand(b, 160.6, 160, 161, 0, RULES).band;
    expect(b.status).toBe('above');
    expect(updateBand(b, 160.5, 160, 161, 1, RULES).event).toEqual({ kind: 'back', side: 'above' });
  });
});
