import { describe, expect, it } from 'vitest';
import { fatFreeMass, leanBodyMassBoer } from './body-composition.ts';

describe('leanBodyMassBoer (Boer 1984)', () => {
  it('matches the published formulas', () => {
    // Boer 1984, men: 0.407 x 80 + 0.267 x 180 - 19.2 = 61.42 kg.
    expect(leanBodyMassBoer(80, 180, 'male')).toBeCloseTo(61.42, 2);
    // Boer 1984, women: 0.252 x 60 + 0.473 x 165 - 48.3 = 44.865 kg.
    expect(leanBodyMassBoer(60, 165, 'female')).toBeCloseTo(44.865, 3);
  });

  it('rejects bad input naming the field', () => {
    expect(() => leanBodyMassBoer(80, 50, 'male')).toThrow(/heightCm/);
    expect(() => leanBodyMassBoer(80, 180, 'other' as 'male')).toThrow(/sex/);
  });
});

describe('fatFreeMass', () => {
  it('prefers measured body fat', () => {
    expect(fatFreeMass({ weightKg: 70, bodyFatPct: 15, heightCm: 175, sex: 'male' })).toEqual({
      kg: 59.5,
      method: 'body_fat',
      isEstimate: false,
    });
  });

  it('labels the Boer value as an estimate', () => {
    const r = fatFreeMass({ weightKg: 80, heightCm: 180, sex: 'male' });
    expect(r?.method).toBe('boer_1984');
    expect(r?.isEstimate).toBe(true);
    expect(r?.kg).toBeCloseTo(61.42, 2);
  });

  it('returns null when it cannot estimate', () => {
    expect(fatFreeMass({ weightKg: 70 })).toBeNull();
    expect(() => fatFreeMass({ weightKg: 70, bodyFatPct: 90 })).toThrow(/bodyFatPct/);
  });
});
