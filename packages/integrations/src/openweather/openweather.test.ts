import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWeatherClient } from './client.ts';
import { type OpenWeatherSimulator, startOpenWeatherSimulator } from './simulator.ts';

describe('OpenWeather client against the simulator', () => {
  let sim: OpenWeatherSimulator;
  let owm: OpenWeatherClient;
  beforeAll(async () => {
    sim = await startOpenWeatherSimulator({ today: '2027-07-05', apiKey: 'owm-key' });
    owm = new OpenWeatherClient({ baseUrl: sim.url, apiKey: 'owm-key', backoffMs: 0 });
  });
  afterAll(() => sim.close());

  it('maps One Call daily and current, and the air-quality index, to the engine types', async () => {
    sim.setWeather((date) =>
      date === '2027-07-08'
        ? { morn: 27, day: 34, eve: 31, night: 25, dewPoint: 22, humidity: 55, wind: 2 }
        : { morn: 12, day: 18, eve: 16, night: 10, dewPoint: 8 },
    );
    sim.setAqi(4);
    const f = await owm.forecast(52.52, 13.405);
    expect(f.days).toHaveLength(7);
    expect(f.days[0]!.date).toBe('2027-07-05');
    expect(f.days[3]).toEqual({
      date: '2027-07-08',
      tempC: { morn: 27, day: 34, eve: 31, night: 25 },
      dewPointC: 22,
      humidityPct: 55,
      windSpeedMs: 2,
      pop: 0,
    });
    expect(f.current).toMatchObject({ tempC: 18, dewPointC: 8, feelsLikeC: 18, aqi: 4 });
    // metric units asked, key in appid, minutely/hourly/alerts excluded.
    const call = sim.requests.find((r) => r.path === '/data/3.0/onecall')!;
    expect(call.query.get('units')).toBe('metric');
    expect(call.query.get('exclude')).toBe('minutely,hourly,alerts');
    expect(call.query.has('appid')).toBe(false); // the key is not logged
  });

  it('reads the conditions at an instant (timemachine)', async () => {
    const dt = Date.parse('2027-07-08T07:00:00Z') / 1000;
    expect(await owm.at(52.52, 13.405, dt)).toMatchObject({ tempC: 34, dewPointC: 22 });
  });

  it('a wrong key is rejected; an outage is unavailable', async () => {
    const wrong = new OpenWeatherClient({ baseUrl: sim.url, apiKey: 'x', backoffMs: 0 });
    await expect(wrong.forecast(1, 1)).rejects.toMatchObject({ kind: 'rejected', status: 401 });
    sim.failNext(4);
    await expect(owm.forecast(1, 1)).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
