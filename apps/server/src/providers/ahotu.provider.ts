import type { Provider } from '@nestjs/common';
import { AhotuClient } from '@runningcoach/integrations';
import type { AppConfig } from '../config/config.ts';
import { ProviderBreakers } from '../integrations/provider-breakers.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

/** Inject with `@Inject(AHOTU_CLIENT) ahotu: AhotuClient | null` (null: AHOTU_URL unset). */
export const AHOTU_CLIENT = Symbol('AHOTU_CLIENT');

export const AHOTU_PROVIDER: Provider = {
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
};
