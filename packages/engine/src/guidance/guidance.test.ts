import type { WorkoutStep, WorkoutStructure } from '@runningcoach/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startGuidance, workoutGuidance } from './guidance.ts';
import { CUE_CODES } from './types.ts';
import type { Cue, Guidance, GuidanceOptions, GuidanceSample, GuidanceState } from './types.ts';

const step = (
  intent: WorkoutStep['intent'],
  duration: WorkoutStep['duration'],
  target?: WorkoutStep['target'],
) => ({ type: 'step', intent, duration, ...(target ? { target } : {}) }) as WorkoutStep;

/** Warm-up 10 min, 5 × (800 m at 4:05–4:15/km, 90 s recovery), cool-down 10 min. */
const INTERVALS: WorkoutStructure = {
  steps: [
    step('warmup', { kind: 'time', seconds: 600 }),
    {
      type: 'repeat',
      count: 5,
      steps: [
        step('active', { kind: 'distance', meters: 800 }, { paceSecPerKm: { min: 245, max: 255 } }),
        step('recovery', { kind: 'time', seconds: 90 }),
      ],
    },
    step('cooldown', { kind: 'time', seconds: 600 }),
  ],
};

/** Speed the synthetic runner holds in each second (t−1, t]: 3 m/s easy, 4 m/s (4:10/km) reps, 2.5 m/s jogs. */
function intervalSpeed(t: number): number {
  const s = t - 0.5;
  if (s < 600 || s >= 2050) return 3;
  return (s - 600) % 290 < 200 ? 4 : 2.5;
}

function intervalStream(until: number, hr: (t: number) => number = () => 140): GuidanceSample[] {
  const out: GuidanceSample[] = [];
  let d = 0;
  for (let t = 0; t <= until; t++) {
    const v = t === 0 ? 3 : intervalSpeed(t);
    if (t > 0) d += v;
    out.push({ t, distanceMeters: d, hr: hr(t), paceSecPerKm: 1000 / v });
  }
  return out;
}

interface Run {
  outputs: Guidance[];
  cues: (Cue & { t: number })[];
  final: GuidanceState;
}

function drive(state: GuidanceState, samples: readonly GuidanceSample[]): Run {
  const outputs: Guidance[] = [];
  const cues: (Cue & { t: number })[] = [];
  let s = state;
  for (const sample of samples) {
    const g = workoutGuidance(s, sample);
    outputs.push(g);
    for (const c of g.cues) cues.push({ ...c, t: sample.t });
    s = g.state;
  }
  return { outputs, cues, final: s };
}

/** One long active step with an HR band of 155–162 bpm, the runner at a steady 4 m/s. */
function hrRun(hr: (t: number) => number, until = 1200, options?: GuidanceOptions): Run {
  const structure = {
    steps: [step('active', { kind: 'time', seconds: 1800 }, { hrBpm: { min: 155, max: 162 } })],
  };
  const samples: GuidanceSample[] = [];
  for (let t = 0; t <= until; t++) samples.push({ t, distanceMeters: 4 * t, hr: hr(t), paceSecPerKm: 250 });
  return drive(startGuidance(structure, options), samples);
}

function paceRun(pace: (t: number) => number | undefined, until = 600, options?: GuidanceOptions): Run {
  const structure = {
    steps: [step('active', { kind: 'time', seconds: 1800 }, { paceSecPerKm: { min: 245, max: 255 } })],
  };
  const samples: GuidanceSample[] = [];
  let d = 0;
  for (let t = 0; t <= until; t++) {
    const p = pace(t);
    d += t > 0 ? 4 : 0;
    samples.push(p === undefined ? { t, distanceMeters: d } : { t, distanceMeters: d, paceSecPerKm: p });
  }
  return drive(startGuidance(structure, options), samples);
}

const codes = (r: Run, ...wanted: string[]) => r.cues.filter((c) => wanted.includes(c.code));

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('workoutGuidance: interval workout', () => {
  const run = drive(startGuidance(INTERVALS), intervalStream(2700));

  it('changes step at the right times and distances with the right k of n', () => {
    const changes = codes(run, 'step_change').map((c) => ({
      t: c.t,
      index: c.data.index,
      intent: c.data.intent,
      k: c.data.iteration,
      n: c.data.of,
    }));
    const expected: { t: number; index: number; intent: string; k: number | null; n: number | null }[] = [
      { t: 0, index: 0, intent: 'warmup', k: null, n: null },
    ];
    for (let i = 0; i < 5; i++) {
      expected.push({ t: 600 + 290 * i, index: 1 + 2 * i, intent: 'active', k: i + 1, n: 5 });
      expected.push({ t: 800 + 290 * i, index: 2 + 2 * i, intent: 'recovery', k: i + 1, n: 5 });
    }
    expected.push({ t: 2050, index: 11, intent: 'cooldown', k: null, n: null });
    expect(changes).toEqual(expected);
  });

  it('announces the step and its target', () => {
    expect(codes(run, 'step_change').find((c) => c.t === 1180)?.message).toBe(
      'Run 800 m at 4:05–4:15/km (3 of 5)',
    );
    expect(codes(run, 'step_change').find((c) => c.t === 1380)?.message).toBe('Recover 1:30 (3 of 5)');
  });

  it('finishes once, at the end of the cool-down', () => {
    expect(codes(run, 'workout_complete')).toEqual([
      {
        t: 2650,
        code: 'workout_complete',
        message: 'Workout complete: 8.73 km in 44:10',
        data: { seconds: 2650, meters: 8725 },
      },
    ]);
    expect(run.outputs[2649]?.finished).toBe(false);
    expect(run.outputs[2650]?.finished).toBe(true);
    expect(run.outputs[2700]?.step).toBeNull();
    expect(run.outputs[2700]?.cues).toEqual([]);
  });

  it('gives no pace cues to a runner on target', () => {
    expect(run.cues.filter((c) => c.code !== 'step_change' && c.code !== 'workout_complete')).toEqual([]);
  });

  it('reports elapsed and remaining within the step', () => {
    const g = run.outputs[700];
    expect(g?.step?.index).toBe(1);
    expect(g?.stepElapsedSec).toBe(100);
    expect(g?.stepElapsedMeters).toBe(400);
    expect(g?.stepRemaining).toEqual({ kind: 'distance', meters: 400 });
    expect(run.outputs[850]?.stepRemaining).toEqual({ kind: 'time', seconds: 40 });
    expect(run.outputs[700]?.paceSecPerKm).toBeCloseTo(250, 1);
  });

  it('gives identical output after a JSON round-trip of the state mid-workout', () => {
    const samples = intervalStream(2700, (t) => 150 + ((t * 7) % 13));
    const whole = drive(startGuidance(INTERVALS, { hrZones: [] }), samples);
    const first = drive(startGuidance(INTERVALS, { hrZones: [] }), samples.slice(0, 1000));
    const revived = JSON.parse(JSON.stringify(first.final)) as GuidanceState;
    const rest = drive(revived, samples.slice(1000));
    expect(JSON.stringify(rest.outputs)).toBe(JSON.stringify(whole.outputs.slice(1000)));
  });

  it('never mutates its input state', () => {
    let s = deepFreeze(startGuidance(INTERVALS));
    for (const sample of intervalStream(2700, (t) => 150 + (t % 30)))
      s = deepFreeze(workoutGuidance(s, sample).state);
    expect(s.finished).toBe(true);
  });
});

describe('workoutGuidance: heart-rate hysteresis', () => {
  it('HR oscillating ±1 bpm around the zone ceiling gives at most one cue', () => {
    const run = hrRun((t) => 162 + (t % 2 === 0 ? 1 : -1));
    expect(codes(run, 'hr_above_zone', 'back_in_range').length).toBeLessThanOrEqual(1);
  });

  it('HR oscillating around the entry threshold does not flap', () => {
    const run = hrRun((t) => 164 + (t % 2 === 0 ? 1 : -1));
    expect(codes(run, 'back_in_range')).toEqual([]);
    const times = codes(run, 'hr_above_zone').map((c) => c.t);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(60);
  });

  it('short surges above the zone are not cued', () => {
    expect(
      codes(
        hrRun((t) => (t % 16 < 8 ? 170 : 158)),
        'hr_above_zone',
      ),
    ).toEqual([]);
  });

  it('sustained high HR cues after grace + persistence, then once per re-cue interval', () => {
    const run = hrRun((t) => (t < 200 || t >= 300 ? 170 : 158), 400);
    const above = codes(run, 'hr_above_zone');
    // 20 s grace, then 10 s of persistence; reminders every 60 s; a new episode waits for the re-cue clock.
    expect(above.map((c) => c.t)).toEqual([30, 90, 150, 312, 372]);
    expect(above[0]?.message).toBe('Heart rate 170 above 155–162: slow down');
    expect(above[0]?.data).toEqual({ signal: 'hr', side: 'above', hr: 170, min: 155, max: 162 });
    const back = codes(run, 'back_in_range');
    expect(back).toHaveLength(1);
    expect(back[0]?.t).toBeGreaterThan(200);
    expect(back[0]?.t).toBeLessThan(210);
    expect(back[0]?.message).toBe('Heart rate back in 155–162');
  });

  it('cues a low HR only on active steps and only after the HR-lag grace', () => {
    const low = codes(
      hrRun(() => 140, 200),
      'hr_below_zone',
    );
    // Below-zone checks start 60 s in, then need the same 10 s of persistence.
    expect(low[0]?.t).toBe(70);
    expect(low[0]?.message).toBe('Heart rate 140 below 155–162: pick it up');
    expect(
      codes(
        hrRun(() => 140, 200, { hr: { belowCues: false } }),
        'hr_below_zone',
      ),
    ).toEqual([]);
    const recovery = {
      steps: [step('recovery', { kind: 'time', seconds: 900 }, { hrBpm: { min: 120, max: 140 } })],
    };
    const samples = Array.from({ length: 400 }, (_, t) => ({ t, distanceMeters: 2 * t, hr: 100 }));
    expect(drive(startGuidance(recovery), samples).cues.map((c) => c.code)).toEqual(['step_change']);
  });

  it('resolves a zone-only target from the runner zones', () => {
    const structure = { steps: [step('active', { kind: 'time', seconds: 900 }, { zone: 3 })] };
    const hrZones = [
      { min: 100, max: 130 },
      { min: 130, max: 145 },
      { min: 145, max: 158 },
      { min: 158, max: 170 },
      { min: 170, max: 190 },
    ];
    const samples = Array.from({ length: 100 }, (_, t) => ({ t, distanceMeters: 4 * t, hr: 168 }));
    expect(codes(drive(startGuidance(structure, { hrZones }), samples), 'hr_above_zone')[0]?.t).toBe(30);
    expect(codes(drive(startGuidance(structure), samples), 'hr_above_zone')).toEqual([]);
  });

  it('keeps quiet when HR is missing, and treats a dropout as a fresh start', () => {
    expect(
      codes(
        hrRun(() => NaN),
        'hr_above_zone',
        'hr_below_zone',
      ),
    ).toEqual([]);
    // HR only every 15 s: each reading follows a gap longer than maxGapSec, so nothing ever persists.
    const sparse = hrRun((t) => (t % 15 === 0 ? 175 : NaN), 600);
    expect(codes(sparse, 'hr_above_zone')).toEqual([]);
  });
});

describe('workoutGuidance: pace', () => {
  it('a single 2:00/km GPS spike gives no cue and does not move the smoothed pace', () => {
    const run = paceRun((t) => (t === 100 ? 120 : 250));
    expect(run.cues.map((c) => c.code)).toEqual(['step_change']);
    expect(run.outputs[100]?.paceSecPerKm).toBeCloseTo(250, 9);
  });

  it('isolated spikes every few seconds give no cue either', () => {
    const run = paceRun((t) => (t % 5 === 0 ? (t % 10 === 0 ? 120 : 600) : 250));
    expect(run.cues.map((c) => c.code)).toEqual(['step_change']);
  });

  it('cues a sustained slow pace, then says when it is back in range', () => {
    const run = paceRun((t) => (t < 180 ? 275 : 250), 300);
    const slow = codes(run, 'pace_too_slow');
    expect(slow.map((c) => c.t)).toEqual([30, 90, 150]);
    expect(slow[0]?.message).toBe('Pace 4:35/km slower than 4:05–4:15/km: speed up');
    const back = codes(run, 'back_in_range');
    expect(back).toHaveLength(1);
    expect(back[0]?.message).toBe('Pace back in 4:05–4:15/km');
  });

  it('cues a sustained fast pace', () => {
    const fast = codes(
      paceRun(() => 225),
      'pace_too_fast',
    );
    expect(fast[0]?.t).toBe(30);
    expect(fast[0]?.message).toBe('Pace 3:45/km faster than 4:05–4:15/km: ease off');
  });

  it('without a pace field, derives pace from distance unless told not to', () => {
    // paceRun covers 4 m/s = 250 s/km by distance: on target, so only the announcement.
    expect(paceRun(() => undefined).cues.map((c) => c.code)).toEqual(['step_change']);
    const structure = {
      steps: [step('active', { kind: 'time', seconds: 1800 }, { paceSecPerKm: { min: 245, max: 255 } })],
    };
    const slow = Array.from({ length: 120 }, (_, t) => ({ t, distanceMeters: 3 * t }));
    expect(codes(drive(startGuidance(structure), slow), 'pace_too_slow')[0]?.t).toBe(30);
    expect(drive(startGuidance(structure, { paceFromDistance: false }), slow).cues).toHaveLength(1);
  });

  it('a hard acceleration from a walk into a fast rep gives no false cue', () => {
    const structure = {
      steps: [
        step('rest', { kind: 'time', seconds: 120 }),
        step('active', { kind: 'time', seconds: 300 }, { paceSecPerKm: { min: 190, max: 200 } }),
      ],
    };
    // 10:00/km walk, then a 10 s linear ramp to 3:15/km, GPS pace jittering up to ±12 s/km.
    const jitter = [12, -6, 3, -10, 5, -12, 8];
    const fast = 1000 / 195;
    const samples: GuidanceSample[] = [];
    let d = 0;
    for (let t = 0; t <= 420; t++) {
      const v = t <= 120 ? 1000 / 600 : Math.min(fast, 1000 / 600 + ((fast - 1000 / 600) * (t - 120)) / 10);
      d += t > 0 ? v : 0;
      samples.push({ t, distanceMeters: d, paceSecPerKm: 1000 / v + (t > 130 ? (jitter[t % 7] ?? 0) : 0) });
    }
    expect(drive(startGuidance(structure), samples).cues.map((c) => c.code)).toEqual([
      'step_change',
      'step_change',
      'workout_complete',
    ]);
  });

  it('does not carry the recovery pace into the next rep', () => {
    const run = drive(
      startGuidance(INTERVALS, { pace: { graceSec: 20 } }),
      intervalStream(2700).map((s) => ({ ...s, paceSecPerKm: undefined })),
    );
    expect(codes(run, 'pace_too_slow', 'pace_too_fast')).toEqual([]);
  });
});

describe('workoutGuidance: stream handling', () => {
  it('ignores samples whose time does not move forward', () => {
    const g1 = workoutGuidance(startGuidance(INTERVALS), { t: 50, distanceMeters: 150 });
    const g2 = workoutGuidance(g1.state, { t: 50, distanceMeters: 160 });
    const g3 = workoutGuidance(g1.state, { t: 40, distanceMeters: 160, lap: true });
    const g4 = workoutGuidance(g1.state, { t: NaN, distanceMeters: 160 });
    for (const g of [g2, g3, g4]) {
      expect(g.state).toBe(g1.state);
      expect(g.cues).toEqual([]);
      expect(g.stepElapsedSec).toBe(50);
    }
  });

  it('holds distance when GPS goes backwards', () => {
    const g1 = workoutGuidance(startGuidance(INTERVALS), { t: 50, distanceMeters: 150 });
    const g2 = workoutGuidance(g1.state, { t: 51, distanceMeters: 140 });
    expect(g2.stepElapsedMeters).toBe(150);
  });

  it('jumps through several short steps at once and announces where it landed', () => {
    const g0 = workoutGuidance(startGuidance(INTERVALS), { t: 0, distanceMeters: 0 });
    // At 3 m/s: warm-up ends at 600 s / 1800 m, rep 1 at 2600 m (866.7 s), recovery 1 at 956.7 s.
    const g = workoutGuidance(g0.state, { t: 1000, distanceMeters: 3000 });
    expect(g.step?.index).toBe(3);
    expect(g.step?.repeat).toEqual({ iteration: 2, of: 5 });
    expect(g.stepElapsedSec).toBeCloseTo(1000 - (600 + 800 / 3 + 90), 9);
    expect(g.stepElapsedMeters).toBeCloseTo(130, 9);
    expect(g.cues).toHaveLength(1);
    expect(g.cues[0]?.code).toBe('step_change');
    expect(g.cues[0]?.data).toMatchObject({ index: 3, iteration: 2, of: 5, skipped: 2 });
  });

  it('jumps past the end straight to completion', () => {
    const g = workoutGuidance(startGuidance(INTERVALS), { t: 5000, distanceMeters: 20000 });
    expect(g.finished).toBe(true);
    expect(g.cues.map((c) => c.code)).toEqual(['workout_complete']);
  });

  it('open steps advance only on lap; a lap also ends a timed step', () => {
    const structure = {
      steps: [
        step('warmup', { kind: 'open' }),
        step('active', { kind: 'time', seconds: 60 }),
        step('cooldown', { kind: 'time', seconds: 300 }),
      ],
    };
    let s = startGuidance(structure);
    for (let t = 0; t <= 1000; t++) s = workoutGuidance(s, { t, distanceMeters: 3 * t }).state;
    expect(s.index).toBe(0);
    const lap = workoutGuidance(s, { t: 1001, distanceMeters: 3003, lap: true });
    expect(lap.step?.index).toBe(1);
    expect(lap.stepElapsedSec).toBe(0);
    expect(lap.stepRemaining).toEqual({ kind: 'time', seconds: 60 });
    expect(lap.cues.map((c) => c.message)).toEqual(['Run 1 min']);
    const timed = workoutGuidance(lap.state, { t: 1061, distanceMeters: 3300, lap: true });
    // The 60 s step ended on its own at this sample, so the lap press is not counted twice.
    expect(timed.step?.index).toBe(2);
    const skip = workoutGuidance(timed.state, { t: 1070, distanceMeters: 3330, lap: true });
    expect(skip.finished).toBe(true);
    expect(skip.cues.map((c) => c.code)).toEqual(['workout_complete']);
  });

  it('finishes an empty workout on the first sample', () => {
    const g = workoutGuidance(startGuidance({ steps: [] }), { t: 0, distanceMeters: 0 });
    expect(g.finished).toBe(true);
    expect(g.step).toBeNull();
    expect(g.cues.map((c) => c.code)).toEqual(['workout_complete']);
  });
});

describe('workoutGuidance: properties', () => {
  const sampleArb = fc.record({
    dt: fc.oneof(fc.double({ min: -2, max: 8, noNaN: true }), fc.constantFrom(0, 1, 1, 1, 60)),
    speed: fc.double({ min: 0, max: 7, noNaN: true }),
    hr: fc.option(fc.integer({ min: 90, max: 200 }), { nil: undefined }),
    pace: fc.option(fc.double({ min: 100, max: 600, noNaN: true }), { nil: undefined }),
    lapPress: fc.integer({ min: 0, max: 30 }),
  });
  const streamArb = fc.array(sampleArb, { maxLength: 400 }).map((raw) => {
    let t = 0;
    let d = 0;
    return raw.map((r): GuidanceSample => {
      t += r.dt;
      d += Math.max(0, r.dt) * r.speed;
      return { t, distanceMeters: d, hr: r.hr, paceSecPerKm: r.pace, lap: r.lapPress === 0 };
    });
  });

  it('same stream gives the same cues and states (and survives a JSON round-trip anywhere)', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), (samples, cut) => {
        const a = drive(startGuidance(INTERVALS), samples);
        const b = drive(startGuidance(INTERVALS), samples);
        expect(JSON.stringify(b.outputs)).toBe(JSON.stringify(a.outputs));
        const k = samples.length === 0 ? 0 : cut % samples.length;
        const head = drive(startGuidance(INTERVALS), samples.slice(0, k));
        const tail = drive(JSON.parse(JSON.stringify(head.final)) as GuidanceState, samples.slice(k));
        expect(JSON.stringify(tail.outputs)).toBe(JSON.stringify(a.outputs.slice(k)));
      }),
      { numRuns: 150 },
    );
  });

  it('only moves forward, uses known codes, and keeps its state JSON-exact', () => {
    fc.assert(
      fc.property(streamArb, (samples) => {
        let s = startGuidance(INTERVALS);
        for (const sample of samples) {
          const g = workoutGuidance(s, sample);
          expect(g.state.index).toBeGreaterThanOrEqual(s.index);
          expect(g.stepElapsedSec).toBeGreaterThanOrEqual(0);
          for (const c of g.cues) expect(CUE_CODES).toContain(c.code);
          expect(g.cues.filter((c) => c.code === 'step_change').length).toBeLessThanOrEqual(1);
          s = g.state;
        }
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });
});
