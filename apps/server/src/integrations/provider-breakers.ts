import { Injectable } from '@nestjs/common';
import { CircuitBreaker } from '@runningcoach/integrations';

/**
 * One circuit breaker per provider for this process (open after 5 consecutive outages, half-open after
 * 30 s), handed to every provider client: Garmin, Strava, Ahotu, OpenWeather, MyFitnessPal. A 4xx answer is
 * not an outage. `now` is the clock the breakers read: tests replace it.
 */
@Injectable()
export class ProviderBreakers {
  now: () => number = Date.now;
  private readonly breakers = new Map<string, CircuitBreaker>();

  get(provider: string): CircuitBreaker {
    let b = this.breakers.get(provider);
    if (!b) {
      b = new CircuitBreaker(provider, { now: () => this.now() });
      this.breakers.set(provider, b);
    }
    return b;
  }
}
