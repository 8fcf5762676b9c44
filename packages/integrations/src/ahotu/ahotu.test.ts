import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../core/circuit-breaker.ts';
import { ProviderHttpError } from '../core/http.ts';
import type { SimServer } from '../core/simulator.ts';
import { AhotuClient } from './client.ts';
import { startAhotuSimulator } from './simulator.ts';

describe('Ahotu client against the simulator', () => {
  let sim: SimServer;
  let ahotu: AhotuClient;
  beforeAll(async () => {
    sim = await startAhotuSimulator({ today: '2027-01-04', apiKey: 'k-1' });
    ahotu = new AhotuClient({ baseUrl: sim.url, apiKey: 'k-1', backoffMs: 0 });
  });
  afterAll(() => sim.close());

  it('finds marathons by distance and maps them to SI with their course', async () => {
    const races = await ahotu.search({ distanceMeters: 42_195 });
    expect(races.map((r) => r.id)).toEqual(['lakeside-42k', 'ridge-42k']);
    const ridge = races[1]!;
    expect(ridge).toMatchObject({
      source: 'ahotu',
      name: 'Ridge Valley Mountain Marathon – Marathon',
      date: '2027-05-10',
      place: { city: 'Boulder', region: 'Colorado', country: 'US', lat: 40.015, lon: -105.27 },
      distanceMeters: 42_195,
    });
    // Four 240 m climbs, sampled per km.
    expect(ridge.elevationGainMeters).toBeGreaterThan(900);
    expect(ridge.elevationLossMeters).toBe(ridge.elevationGainMeters);
    expect(ridge.courseProfile[0]).toEqual({ distanceMeters: 0, elevationMeters: 1650 });
    expect(ridge.courseProfile.at(-1)!.distanceMeters).toBe(42_195);
  });

  it('searches by text, date window and distance from a point', async () => {
    expect((await ahotu.search({ text: 'harbour' })).map((r) => r.id)).toEqual(['harbour-21k']);
    const berlin = await ahotu.search({ near: { lat: 52.5, lon: 13.4, radiusKm: 50 } });
    expect(berlin.map((r) => r.id)).toEqual(['spring-5k', 'lakeside-10k', 'lakeside-42k']);
    const window = await ahotu.search({ from: '2027-03-01', to: '2027-04-20' });
    expect(window.map((r) => r.id)).toEqual(['canyon-21k', 'harbour-21k']);
  });

  it('reads one race by id; an unknown id is not_found', async () => {
    expect((await ahotu.race('canyon-21k')).elevationLossMeters).toBeGreaterThanOrEqual(600);
    await expect(ahotu.race('nope')).rejects.toMatchObject({ kind: 'not_found', provider: 'ahotu' });
  });

  it('retries one 503, and reports an outage as unavailable', async () => {
    sim.failNext(1);
    expect(await ahotu.search({ text: 'spring' })).toHaveLength(1);
    sim.failNext(2);
    const err = await ahotu.search({ text: 'spring' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderHttpError);
    expect(err).toMatchObject({ kind: 'unavailable', status: 503 });
  });

  it('backs off between retries and, through its breaker, stops calling a provider that is down', async () => {
    let now = 0;
    const breaker = new CircuitBreaker('ahotu', { now: () => now });
    const guarded = new AhotuClient({ baseUrl: sim.url, apiKey: 'k-1', retries: 2, backoffMs: 40, breaker });
    sim.outage = '503';
    try {
      const before = sim.requests.length;
      const t = performance.now();
      await expect(guarded.search({})).rejects.toMatchObject({ kind: 'unavailable' });
      // Three attempts, 40 ms then 80 ms apart.
      expect(sim.requests.length - before).toBe(3);
      expect(performance.now() - t).toBeGreaterThanOrEqual(115);
      // Two more failed attempts make five in a row: the circuit opens and the third is never sent.
      await expect(guarded.search({})).rejects.toBeInstanceOf(CircuitOpenError);
      expect(sim.requests.length - before).toBe(5);
      expect(breaker.state).toBe('open');
      // A 404 is an answer, not an outage: it does not count. After 30 s one trial call closes it.
      sim.outage = 'none';
      now += 30_000;
      await expect(guarded.race('nope')).rejects.toMatchObject({ kind: 'not_found' });
      expect(breaker.state).toBe('closed');
    } finally {
      sim.outage = 'none';
    }
  });

  it('a wrong key is rejected', async () => {
    const wrong = new AhotuClient({ baseUrl: sim.url, apiKey: 'nope', backoffMs: 0 });
    await expect(wrong.search({})).rejects.toMatchObject({ kind: 'rejected', status: 401 });
  });
});
