import { describe, expect, it } from 'vitest';
import { classifyResponder } from './responder.ts';

const ln = (xs: number[]) => xs.map(Math.log);
const baseline = ln([60, 62, 58, 61, 59, 63, 60, 61, 62, 58, 60, 59, 61, 60]);

describe('classifyResponder (Plews et al. 2013)', () => {
  it('needs enough mornings', () => {
    const r = classifyResponder({ week: ln([60, 61]), baseline, weekLoad: 1000, baselineWeeklyLoad: 900 });
    expect(r.status).toBe('unknown');
  });

  it('suppressed HRV is maladapting, raised HRV is responding', () => {
    const down = classifyResponder({
      week: ln([50, 52, 49, 51]),
      baseline,
      weekLoad: 1500,
      baselineWeeklyLoad: 1000,
    });
    expect(down.status).toBe('maladapting');
    expect(down.data.change).toBeLessThan(0);
    const up = classifyResponder({
      week: ln([68, 70, 69, 71]),
      baseline,
      weekLoad: 900,
      baselineWeeklyLoad: 1000,
    });
    expect(up.status).toBe('responding');
  });

  it('steady HRV: responding when the load rose, else stable', () => {
    const steady = ln([60, 61, 60, 59]);
    expect(
      classifyResponder({ week: steady, baseline, weekLoad: 1300, baselineWeeklyLoad: 1000 }).status,
    ).toBe('responding');
    expect(
      classifyResponder({ week: steady, baseline, weekLoad: 1000, baselineWeeklyLoad: 1000 }).status,
    ).toBe('stable');
  });
});
