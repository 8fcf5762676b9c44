import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NutritionService } from '../src/services/nutrition.service.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, onboard, onboardingBody, todayUtc } from './helpers/domain.ts';
import { register, snapshot, useServer } from './helpers/suite.ts';

interface Alert {
  kind: string;
  severity: string;
  date: string;
  body: string;
}

describe.each(BACKENDS)('nutrition over HTTP on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);
  const days = [-3, -2, -1].map((k) => addDays(todayUtc(), k));

  /** A 60 kg, 168 cm runner (fat-free mass ~46 kg by Boer) who runs 15 km in 90 min on each of `days`. */
  async function runner() {
    const { accessToken: token } = await register(s.api);
    await onboard(s.api, token, onboardingBody());
    for (const date of days) {
      const res = await s.api.post(
        '/activities',
        { date, type: 'run', durationSec: 90 * 60, distanceMeters: 15_000, rpe: 6 },
        token,
      );
      expect(res.status).toBe(201);
    }
    return token;
  }
  const openAlerts = async (token: string) =>
    ((await s.api.get('/alerts?active=true', token)).body.alerts as Alert[]).filter((a) =>
      a.kind.startsWith('nutrition_'),
    );

  it('manual entries low against training raise a RED-S alert; eating enough clears it', async () => {
    const token = await runner();
    let last;
    for (const date of days) {
      last = await s.api.request('PUT', `/nutrition/days/${date}`, {
        json: { intakeKcal: 1800, carbsGrams: 250, proteinGrams: 90, fatGrams: 60 },
        token,
      });
      expect(last.status).toBe(200);
    }
    // (1800 − 15 km × 60 kg × 1 kcal/kg/km) / ~46 kg FFM ≈ 19 kcal/kg FFM: below Loucks' 30.
    expect(last!.body.alerts[0]).toMatchObject({ code: 'RED_S_RISK', severity: 'critical' });
    expect(last!.body.alerts[0].data.meanKcalPerKgFfm).toBeLessThan(30);
    const raised = await openAlerts(token);
    expect(raised).toContainEqual(
      expect.objectContaining({ kind: 'nutrition_red_s_risk', severity: 'critical', date: days[2] }),
    );
    for (const date of days) {
      await s.api.request('PUT', `/nutrition/days/${date}`, {
        json: { intakeKcal: 3300, carbsGrams: 450, proteinGrams: 100 },
        token,
      });
    }
    expect((await openAlerts(token)).map((a) => a.kind)).not.toContain('nutrition_red_s_risk');
    const listed = await s.api.get(`/nutrition/days?from=${days[0]}&to=${days[2]}`, token);
    expect(listed.body.days).toEqual(
      days.map((date) => ({ date, source: 'manual', intakeKcal: 3300, carbsGrams: 450, proteinGrams: 100 })),
    );
  });

  it('a MyFitnessPal CSV export imports per day; heavy days short of carbohydrate and protein are flagged', async () => {
    const token = await runner();
    const csv = [
      'Date,Meal,Calories,Fat (g),Carbohydrates (g),Protein (g),Sodium (mg)',
      ...days.flatMap((d) => [`${d},Breakfast,900,20,100,20,300`, `${d},Dinner,"1,900",60,100,30,900`]),
    ].join('\n');
    const res = await s.api.post('/nutrition/import', { csv }, token);
    expect(res.status).toBe(201);
    expect(res.body.days).toHaveLength(3);
    expect(res.body.days[0]).toEqual({
      date: days[0],
      source: 'csv',
      intakeKcal: 2800,
      fatGrams: 80,
      carbsGrams: 200,
      proteinGrams: 50,
    });
    // 200 g / 60 kg = 3.3 g/kg on 90-minute days (Burke 2011: 6-10 g/kg); 50 g = 0.83 g/kg protein (< 1.2).
    const kinds = (await openAlerts(token)).map((a) => a.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['nutrition_carb_shortfall', 'nutrition_protein_shortfall']),
    );
  });

  it('the runner’s own entries replace MyFitnessPal days; a MyFitnessPal store never replaces theirs', async () => {
    const { accessToken: token, user } = await register(s.api);
    await s.server.db.execute(
      sql`insert into nutrition_days (user_id, date, source, intake_kcal) values
          (${user.id}, ${days[0]}, 'myfitnesspal', 2100), (${user.id}, ${days[1]}, 'myfitnesspal', 2100)`,
    );
    const put = await s.api.request('PUT', `/nutrition/days/${days[0]}`, {
      json: { intakeKcal: 2500 },
      token,
    });
    expect(put.body.days).toEqual([{ date: days[0], source: 'manual', intakeKcal: 2500 }]);
    const csv = await s.api.post('/nutrition/import', { csv: `date,calories\n${days[1]},2400` }, token);
    expect(csv.body.days).toEqual([{ date: days[1], source: 'csv', intakeKcal: 2400 }]);
    const stored = await s.server.app.get(NutritionService).store(
      user.id,
      days.map((date) => ({ date, intakeKcal: 1900 })),
      'myfitnesspal',
    );
    expect(stored.kept).toEqual([days[0], days[1]]);
    expect(stored.days).toEqual([{ date: days[2], source: 'myfitnesspal', intakeKcal: 1900 }]);
    expect((await s.api.get(`/nutrition/days?from=${days[0]}&to=${days[2]}`, token)).body.days).toEqual([
      { date: days[0], source: 'manual', intakeKcal: 2500 },
      { date: days[1], source: 'csv', intakeKcal: 2400 },
      { date: days[2], source: 'myfitnesspal', intakeKcal: 1900 },
    ]);
  });

  it('a bad CSV is a 400 naming the line, and nothing is written', async () => {
    const { accessToken: token } = await register(s.api);
    const before = await snapshot(s.server.db);
    const res = await s.api.post('/nutrition/import', { csv: 'Date,Calories\n2027-01-01,lots\n' }, token);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('csv: line 2: kcal "lots" is not a number');
    expect(await snapshot(s.server.db)).toEqual(before);
  });
});
