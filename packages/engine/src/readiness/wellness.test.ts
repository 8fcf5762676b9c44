import { describe, expect, it } from 'vitest';
import { assessWellness, assessWellnessItem, wellnessPenaltyFraction } from './wellness.ts';

describe('wellnessPenaltyFraction (McLean et al. 2010: 3 = normal)', () => {
  it('is 0 on the good side of normal, 0.5 one step worse, 1 at the worst answer', () => {
    expect([1, 2, 3, 4, 5].map((a) => wellnessPenaltyFraction(a, 'high'))).toEqual([0, 0, 0, 0.5, 1]);
    expect([1, 2, 3, 4, 5].map((a) => wellnessPenaltyFraction(a, 'low'))).toEqual([1, 0.5, 0, 0, 0]);
  });
});

describe('assessWellnessItem', () => {
  it('uses each item weight and rule code', () => {
    expect(assessWellnessItem('soreness', 4)).toMatchObject({ penalty: 15, blocksGreen: false });
    expect(assessWellnessItem('soreness', 4).reasons[0]).toEqual({
      code: 'SORENESS_HIGH',
      message: 'Muscle soreness 4/5 (more sore than normal).',
      data: { answer: 4, normal: 3, worseEnd: 'high', points: 15 },
    });
    expect(assessWellnessItem('stress', 5)).toMatchObject({ penalty: 25, blocksGreen: true });
    expect(assessWellnessItem('stress', 5).reasons[0]?.code).toBe('STRESS_HIGH');
    expect(assessWellnessItem('mood', 2).reasons[0]?.code).toBe('MOOD_LOW');
    expect(assessWellnessItem('morningReadiness', 1)).toMatchObject({ penalty: 30, blocksGreen: true });
    expect(assessWellnessItem('morningReadiness', 1).reasons[0]?.code).toBe('READINESS_LOW');
  });

  it('has no evidence when unanswered and no reason when normal', () => {
    expect(assessWellnessItem('mood', undefined)).toMatchObject({ evidence: 0, penalty: 0, reasons: [] });
    expect(assessWellnessItem('mood', 3)).toMatchObject({ evidence: 1, penalty: 0, reasons: [] });
  });

  it('scores the four answers in a fixed order', () => {
    const all = assessWellness({ date: '2026-05-20', soreness: 1, stress: 4, mood: 5 });
    expect(all.map((a) => [a.signal, a.evidence, a.penalty])).toEqual([
      ['soreness', 1, 0],
      ['stress', 1, 12.5],
      ['mood', 1, 0],
      ['morningReadiness', 0, 0],
    ]);
  });
});
