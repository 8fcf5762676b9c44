import { Inject, Injectable } from '@nestjs/common';
import {
  type Goal,
  RACE_DISTANCE_NAMES,
  type Race,
  type RaceList,
  type RaceSearchQuery,
  type RaceSelect,
} from '@runningcoach/contracts';
import type { AhotuClient } from '@runningcoach/integrations';
import { AHOTU_CLIENT, RACE_SEARCH_CACHE } from '../providers/ahotu.provider.ts';
import type { StaleCache } from '../providers/stale-cache.ts';
import { notConfigured, providerError } from '../providers/provider-error.ts';
import { AppError } from '../utils/errors.ts';
import { type PlanDto, PlanService } from './plan.service.ts';

const raceNotFound = () => new AppError(404, 'RACE_NOT_FOUND', 'race not found');
const DEFAULT_RADIUS_KM = 100;

/**
 * Race search (Ahotu) and choosing a race as the goal: the plan is rebuilt backward from its race day. While
 * Ahotu is down a search answers with its last results (`stale: true`); choosing a race still needs Ahotu, so
 * the plan is never built on a copy of a race that may have moved or been cancelled.
 */
@Injectable()
export class RaceService {
  constructor(
    @Inject(AHOTU_CLIENT) private readonly ahotu: AhotuClient | null,
    @Inject(PlanService) private readonly plans: PlanService,
    @Inject(RACE_SEARCH_CACHE) private readonly searches: StaleCache<Race[]>,
  ) {}

  async search(query: RaceSearchQuery): Promise<RaceList> {
    const text = query.query ?? query.q;
    const distance =
      typeof query.distance === 'string' ? RACE_DISTANCE_NAMES[query.distance] : query.distance;
    const [lat, lon] = query.near?.split(',').map(Number) ?? [];
    const client = this.client();
    const search = {
      ...(text && { text }),
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
      ...(distance !== undefined && { distanceMeters: distance }),
      ...(lat !== undefined && { near: { lat, lon: lon!, radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM } }),
      limit: query.limit,
    };
    try {
      const { value, stale } = await this.searches.get(JSON.stringify(search), () => client.search(search));
      return { races: value, stale };
    } catch (err) {
      throw providerError(err, raceNotFound);
    }
  }

  /** The race becomes the goal (date, distance, name, climb and descent) and the plan is rebuilt from today. */
  async select(userId: string, raceId: string, body: RaceSelect): Promise<{ plan: PlanDto; race: Race }> {
    let race: Race;
    try {
      race = await this.client().race(raceId);
    } catch (err) {
      throw providerError(err, raceNotFound);
    }
    const goal: Goal = {
      raceDate: race.date,
      distanceMeters: race.distanceMeters,
      name: race.name.slice(0, 200),
      raceId: race.id,
      ...(race.elevationGainMeters !== null && { elevationGainMeters: race.elevationGainMeters }),
      ...(race.elevationLossMeters !== null && { elevationLossMeters: race.elevationLossMeters }),
      ...(body.targetTimeSec !== undefined && { targetTimeSec: body.targetTimeSec }),
    };
    const { plan } = await this.plans.regenerate(userId, { goal, audit: 'race.select' });
    return { plan, race };
  }

  private client(): AhotuClient {
    if (!this.ahotu) throw notConfigured('race search', 'AHOTU_URL');
    return this.ahotu;
  }
}
