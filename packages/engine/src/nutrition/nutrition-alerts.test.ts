import { describe, expect, it } from 'vitest';
import { nutritionAlerts } from './nutrition-alerts.ts';
import type { NutritionDay } from './nutrition-alerts.ts';

const dates = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
const days = (f: (date: string, k: number) => Omit<NutritionDay, 'date'>): NutritionDay[] =>
  dates.map((date, k) => ({ date, ...f(date, k) }));

describe('nutritionAlerts', () => {
  it('flags RED-S risk when EA averages < 30 kcal/kg FFM over several days (Mountjoy et al. 2018)', () => {
    // (1800 - 800) / 50 = 20 kcal/kg FFM every day.
    const alerts = nutritionAlerts({
      days: days(() => ({ intakeKcal: 1800, exerciseKcal: 800 })),
      weightKg: 60,
      fatFreeMassKg: 50,
    });
    expect(alerts[0]?.code).toBe('RED_S_RISK');
    expect(alerts[0]?.severity).toBe('critical');
    expect(alerts[0]?.data.meanKcalPerKgFfm).toBe(20);
    expect(alerts[0]?.data.lowDays).toBe(5);
  });

  it('does not flag a single low day', () => {
    const alerts = nutritionAlerts({
      days: days((_, k) => ({ intakeKcal: k === 2 ? 1200 : 3500, exerciseKcal: 700 })),
      weightKg: 60,
      fatFreeMassKg: 50,
    });
    expect(alerts).toEqual([]);
    const oneDay = nutritionAlerts({
      days: [{ date: '2026-03-01', intakeKcal: 1000, exerciseKcal: 900 }],
      weightKg: 60,
      fatFreeMassKg: 50,
    });
    expect(oneDay).toEqual([]);
  });

  it('warns about reduced EA (30-45) and labels an estimated fat-free mass', () => {
    // Boer: 0.252 x 58 + 0.473 x 168 - 48.3 = 45.8 kg FFM; (2400 - 700) / 45.8 = 37.
    const alerts = nutritionAlerts({
      days: days(() => ({ intakeKcal: 2400, exerciseKcal: 700 })),
      weightKg: 58,
      heightCm: 168,
      sex: 'female',
    });
    expect(alerts.map((a) => a.code)).toEqual(['LOW_ENERGY_AVAILABILITY']);
    expect(alerts[0]?.data.fatFreeMassEstimated).toBe(true);
    expect(alerts[0]?.message).toMatch(/estimated/);
  });

  it('says when EA cannot be checked', () => {
    const alerts = nutritionAlerts({
      days: days(() => ({ intakeKcal: 2000, exerciseKcal: 500 })),
      weightKg: 60,
    });
    expect(alerts.map((a) => [a.code, a.severity])).toEqual([['ENERGY_AVAILABILITY_UNKNOWN', 'info']]);
  });

  it('flags carbohydrate and protein shortfalls in a heavy block (Burke 2011; Thomas 2016)', () => {
    // 120 min/day is a high-load day: >= 6 g/kg carbs. 4 g/kg and 1.0 g/kg protein fall short.
    const alerts = nutritionAlerts({
      days: days(() => ({ exerciseKcal: 1200, trainingMinutes: 120, carbsGrams: 280, proteinGrams: 70 })),
      weightKg: 70,
    });
    const byCode = Object.fromEntries(alerts.map((a) => [a.code, a]));
    expect(byCode.CARB_SHORTFALL?.data.carbsGPerKg).toBe(4);
    expect(byCode.CARB_SHORTFALL?.data.targetMinGPerKg).toBe(6);
    expect(byCode.PROTEIN_SHORTFALL?.severity).toBe('warning');
    expect(byCode.PROTEIN_SHORTFALL?.data.proteinGPerKg).toBe(1);
  });

  it('does not flag carbohydrate on light days, and keeps protein as info outside heavy blocks', () => {
    const alerts = nutritionAlerts({
      days: days(() => ({ exerciseKcal: 300, trainingMinutes: 30, carbsGrams: 250, proteinGrams: 70 })),
      weightKg: 70,
    });
    expect(alerts.map((a) => [a.code, a.severity])).toEqual([['PROTEIN_SHORTFALL', 'info']]);
  });

  it('only looks at the window ending on the latest day', () => {
    const old = ['2026-01-01', '2026-01-02', '2026-01-03'].map((date) => ({
      date,
      intakeKcal: 1000,
      exerciseKcal: 800,
    }));
    const recent = days(() => ({ intakeKcal: 3500, exerciseKcal: 800 }));
    expect(nutritionAlerts({ days: [...recent, ...old], weightKg: 60, fatFreeMassKg: 50 })).toEqual([]);
  });

  it('rejects bad input naming the field', () => {
    expect(() =>
      nutritionAlerts({
        days: [
          { date: '2026-03-01', exerciseKcal: 0 },
          { date: '2026-03-01', exerciseKcal: 0 },
        ],
        weightKg: 60,
      }),
    ).toThrow(/days\[1\]\.date/);
    expect(() => nutritionAlerts({ days: [{ date: '2026-02-30', exerciseKcal: 0 }], weightKg: 60 })).toThrow(
      /days\[0\]\.date/,
    );
    expect(() => nutritionAlerts({ days: [{ date: '2026-03-01', exerciseKcal: -1 }], weightKg: 60 })).toThrow(
      /days\[0\]\.exerciseKcal/,
    );
    expect(() => nutritionAlerts({ days: [], weightKg: 0 })).toThrow(/weightKg/);
  });
});
