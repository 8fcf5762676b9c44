import type { Provider } from '@nestjs/common';
import type { Race } from '@runningcoach/contracts';
import { AhotuClient } from '@runningcoach/integrations';
import type { AppConfig } from '../config/config.ts';
import { ProviderBreakers } from '../integrations/provider-breakers.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { StaleCache } from './stale-cache.ts';

/** Inject with `@Inject(AHOTU_CLIENT) ahotu: AhotuClient | null` (null: AHOTU_URL unset). */
export const AHOTU_CLIENT = Symbol('AHOTU_CLIENT');
/** `StaleCache<Race[]>` of race searches. */
export const RACE_SEARCH_CACHE = Symbol('RACE_SEARCH_CACHE');

/** How old a search's results may be to stand in while Ahotu is down: a race calendar changes slowly. */
export const STALE_SEARCH_MAX_MS = 24 * 3600_000;

export const AHOTU_PROVIDERS: Provider[] = [
  {
    provide: AHOTU_CLIENT,
    inject: [APP_CONFIG, ProviderBreakers],
    useFactory: (config: AppConfig, breakers: ProviderBreakers) => {
      const a = config.providers.ahotu;
      if (!a) return null;
      return new AhotuClient({
        baseUrl: a.url,
        ...(a.apiKey && { apiKey: a.apiKey }),
        timeoutMs: config.integrations.timeoutMs,
        breaker: breakers.get('ahotu'),
      });
    },
  },
  {
    provide: RACE_SEARCH_CACHE,
    // Searches always ask Ahotu (ttl 0); the last answer only stands in while it is down.
    useFactory: () => new StaleCache<Race[]>({ ttlMs: 0, maxStaleMs: STALE_SEARCH_MAX_MS, maxEntries: 2000 }),
  },
];
