import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyFitnessPalProvider } from './client.ts';
import { type MyFitnessPalSimulator, startMyFitnessPalSimulator } from './simulator.ts';

const meal = (
  date: string,
  diary_meal: string,
  energy: number,
  carbohydrates: number,
  protein: number,
  fat: number,
  unit: 'calories' | 'kilojoules' = 'calories',
) => ({
  type: 'diary_meal' as const,
  date,
  diary_meal,
  nutritional_contents: { energy: { unit, value: energy }, carbohydrates, protein, fat, sugar: 8 },
});

describe('MyFitnessPal adapter against the simulator', () => {
  let sim: MyFitnessPalSimulator;
  const opts = { clientId: 'runningcoach', userId: '2320694511409', accessToken: 'tok-1', backoffMs: 0 };
  beforeAll(async () => {
    sim = await startMyFitnessPalSimulator({ clientId: 'runningcoach', users: { '2320694511409': 'tok-1' } });
  });
  afterAll(() => sim.close());

  it('sums each day’s diary meals (kilojoules converted), skips exercise and empty days', async () => {
    sim.setDiary('2027-03-01', [
      meal('2027-03-01', 'Breakfast', 350, 38, 19, 6.8),
      meal('2027-03-01', 'Lunch', 2222, 75, 25, 12, 'kilojoules'),
      {
        type: 'exercise',
        id: 'x',
        date: '2027-03-01',
        duration: 1800,
        energy: { unit: 'calories', value: 500 },
      },
    ]);
    sim.setDiary('2027-03-03', [meal('2027-03-03', 'Dinner', 900, 100, 50, 30)]);
    const mfp = new MyFitnessPalProvider({ ...opts, baseUrl: sim.url });
    expect(await mfp.days('2027-03-01', '2027-03-03')).toEqual([
      // 2222 kJ / 4.184 = 531.1 kcal.
      { date: '2027-03-01', intakeKcal: 881.1, carbsGrams: 113, proteinGrams: 44, fatGrams: 18.8 },
      { date: '2027-03-03', intakeKcal: 900, carbsGrams: 100, proteinGrams: 50, fatGrams: 30 },
    ]);
    const asked = sim.requests.at(-1)!;
    expect(asked.query.get('types')).toBe('diary_meal');
    expect(asked.query.getAll('fields[]')).toEqual(['nutritional_contents']);
  });

  it('a revoked token is rejected; a too-long range is refused before any request', async () => {
    const revoked = new MyFitnessPalProvider({ ...opts, accessToken: 'old', baseUrl: sim.url });
    await expect(revoked.days('2027-03-01', '2027-03-01')).rejects.toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    const before = sim.requests.length;
    const mfp = new MyFitnessPalProvider({ ...opts, baseUrl: sim.url });
    await expect(mfp.days('2027-01-01', '2027-12-31')).rejects.toThrow(RangeError);
    expect(sim.requests.length).toBe(before);
  });
});
