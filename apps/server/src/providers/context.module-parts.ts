import type { Provider } from '@nestjs/common';
import { RaceController } from '../controllers/race.controller.ts';
import { RaceService } from '../services/race.service.ts';
import { AHOTU_PROVIDER } from './ahotu.provider.ts';

/** The context integrations' controllers and providers, registered by AppModule. */
export const CONTEXT_CONTROLLERS = [RaceController];
export const CONTEXT_PROVIDERS: Provider[] = [AHOTU_PROVIDER, RaceService];
