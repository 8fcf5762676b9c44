import { Decoder, Stream } from '@garmin/fitsdk';
import type { StepTarget, Workout, WorkoutStructure } from '@runningcoach/contracts';
import { generatePlan } from '@runningcoach/engine';
import { describe, expect, it } from 'vitest';
import { decodeFitWorkout, encodeFitWorkout } from './workout.ts';

const intervals: Workout = {
  id: 'plan:2026-03-03',
  date: '2026-03-03',
  type: 'intervals',
  description: '5 x 800 m',
  structure: {
    steps: [
      { type: 'step', intent: 'warmup', duration: { kind: 'time', seconds: 900 }, target: { zone: 1 } },
      {
        type: 'repeat',
        count: 5,
        steps: [
          {
            type: 'step',
            intent: 'active',
            duration: { kind: 'distance', meters: 800 },
            target: { paceSecPerKm: { min: 225, max: 235 }, hrBpm: { min: 165, max: 178 } },
            note: 'controlled',
          },
          {
            type: 'step',
            intent: 'recovery',
            duration: { kind: 'time', seconds: 90 },
            target: { hrBpm: { min: 120, max: 140 } },
          },
        ],
      },
      { type: 'step', intent: 'cooldown', duration: { kind: 'open' } },
    ],
  },
};

const timeCreated = new Date('2026-03-01T00:00:00Z');

/** What FIT keeps of a target: pace to 1 mm/s, HR ranges exactly, the zone only where no range stands for it. */
function expectSameTarget(actual: StepTarget | undefined, expected: StepTarget | undefined) {
  if (!expected) return expect(actual).toBeUndefined();
  if (expected.paceSecPerKm) {
    expect(actual?.paceSecPerKm?.min).toBeCloseTo(expected.paceSecPerKm.min, 1);
    expect(actual?.paceSecPerKm?.max).toBeCloseTo(expected.paceSecPerKm.max, 1);
  } else expect(actual?.paceSecPerKm).toBeUndefined();
  expect(actual?.hrBpm).toEqual(expected.hrBpm);
  if (!expected.hrBpm) expect(actual?.zone).toBe(expected.zone);
}

function expectSameStructure(actual: WorkoutStructure, expected: WorkoutStructure) {
  expect(actual.steps).toHaveLength(expected.steps.length);
  expected.steps.forEach((e, i) => {
    const a = actual.steps[i]!;
    expect(a.type).toBe(e.type);
    if (e.type === 'repeat' && a.type === 'repeat') {
      expect(a.count).toBe(e.count);
      expectSameStructure({ steps: a.steps }, { steps: e.steps });
    } else if (e.type === 'step' && a.type === 'step') {
      expect(a.intent).toBe(e.intent);
      expect(a.duration).toEqual(e.duration);
      expectSameTarget(a.target, e.target);
    }
  });
}

describe('plan workouts as FIT workout files', () => {
  it('writes workout and workout_step messages the FIT SDK decodes: repeats, durations, targets', () => {
    const { messages, errors } = new Decoder(
      Stream.fromByteArray(encodeFitWorkout(intervals, { timeCreated })),
    ).read();
    expect(errors).toEqual([]);
    expect(messages.fileIdMesgs?.[0]?.type).toBe('workout');
    expect(messages.workoutMesgs?.[0]).toMatchObject({ sport: 'running', numValidSteps: 5 });
    const steps = messages.workoutStepMesgs!;
    expect(steps.map((s) => s.durationType)).toEqual([
      'time',
      'distance',
      'time',
      'repeatUntilStepsCmplt',
      'open',
    ]);
    expect(steps[0]).toMatchObject({
      intensity: 'warmup',
      durationTime: 900,
      targetType: 'heartRate',
      targetHrZone: 1,
    });
    expect(steps[1]).toMatchObject({
      intensity: 'active',
      durationDistance: 800,
      targetType: 'speed',
      customTargetSpeedLow: 4.255, // 1000 m / 235 s
      customTargetSpeedHigh: 4.444, // 1000 m / 225 s
      secondaryTargetType: 'heartRate',
      notes: 'controlled',
    });
    expect(steps[2]).toMatchObject({
      intensity: 'recovery',
      customTargetHeartRateLow: 220,
      customTargetHeartRateHigh: 240,
    });
    expect(steps[3]).toMatchObject({ durationStep: 1, repeatSteps: 5 });
    expect(steps[4]).toMatchObject({ intensity: 'cooldown', targetType: 'open' });
  });

  it('decodes back to the same steps, durations, repeats and targets', () => {
    const back = decodeFitWorkout(encodeFitWorkout(intervals, { timeCreated }));
    expectSameStructure(back.structure, intervals.structure);
    expect(back.name).toBe('2026-03-03 intervals');
  });

  it('round-trips every structured workout of an engine plan', () => {
    const plan = generatePlan({
      profile: {
        birthDate: '1990-01-01',
        sex: 'female',
        weightKg: 60,
        heightCm: 168,
        restingHr: 50,
        maxHr: 190,
      },
      goal: { raceDate: '2026-06-14', distanceMeters: 21_097.5 },
      fitness: { recentRace: { distanceMeters: 10_000, timeSec: 2700, date: '2026-02-01' } },
      availability: { runDays: ['tue', 'thu', 'sat', 'sun'], longRunDay: 'sun' },
      startDate: '2026-03-02',
    });
    const structured = plan.workouts.filter((w) => w.structure.steps.length > 0);
    expect(structured.some((w) => w.structure.steps.some((s) => s.type === 'repeat'))).toBe(true);
    for (const w of structured) {
      expectSameStructure(decodeFitWorkout(encodeFitWorkout(w, { timeCreated })).structure, w.structure);
    }
  });
});
