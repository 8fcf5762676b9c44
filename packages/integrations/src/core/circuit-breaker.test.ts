import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.ts';

describe('circuit breaker', () => {
  const failing = () => Promise.reject(new Error('503'));

  it('opens after 5 consecutive failures, fails fast, half-opens after 30 s, closes on a good trial', async () => {
    let now = 1_000_000;
    let calls = 0;
    const cb = new CircuitBreaker('strava', { now: () => now });
    for (let i = 0; i < 4; i++) await expect(cb.call(failing)).rejects.toThrow('503');
    expect(cb.state).toBe('closed');
    await expect(cb.call(failing)).rejects.toThrow('503');
    expect(cb.state).toBe('open');
    const counted = () => {
      calls++;
      return Promise.resolve('ok');
    };
    await expect(cb.call(counted)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(0); // the provider is not called while open
    now += 29_999;
    expect(cb.state).toBe('open');
    now += 1;
    expect(cb.state).toBe('half-open');
    await expect(cb.call(counted)).resolves.toBe('ok');
    expect(cb.state).toBe('closed');
    expect(calls).toBe(1);
  });

  it('a failed trial opens it again for another 30 s; a success in between resets the count', async () => {
    let now = 0;
    const cb = new CircuitBreaker('garmin', { now: () => now });
    for (let i = 0; i < 4; i++) await expect(cb.call(failing)).rejects.toThrow();
    await cb.call(() => Promise.resolve(1));
    for (let i = 0; i < 4; i++) await expect(cb.call(failing)).rejects.toThrow();
    expect(cb.state).toBe('closed');
    await expect(cb.call(failing)).rejects.toThrow();
    now += 30_000;
    await expect(cb.call(failing)).rejects.toThrow('503');
    expect(cb.state).toBe('open');
    now += 30_000;
    expect(cb.state).toBe('half-open');
  });

  it('errors that are answers (isFailure false) do not count', async () => {
    const cb = new CircuitBreaker('strava', { isFailure: (e) => (e as Error).message !== '404' });
    for (let i = 0; i < 10; i++)
      await expect(cb.call(() => Promise.reject(new Error('404')))).rejects.toThrow();
    expect(cb.state).toBe('closed');
  });
});
