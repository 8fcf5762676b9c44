import type { Provider } from '@nestjs/common';
import { RaceController } from '../controllers/race.controller.ts';
import { NutritionController } from '../controllers/nutrition.controller.ts';
import { WeatherController } from '../controllers/weather.controller.ts';
import { RaceService } from '../services/race.service.ts';
import { WeatherService } from '../services/weather.service.ts';
import { AHOTU_PROVIDERS } from './ahotu.provider.ts';
import { OPENWEATHER_PROVIDERS } from './openweather.provider.ts';

/**
 * The context integrations' controllers and providers, registered by AppModule (NutritionService and its
 * repository come with the integration providers: MyFitnessPal imports and disconnects go through them).
 */
export const CONTEXT_CONTROLLERS = [RaceController, WeatherController, NutritionController];
export const CONTEXT_PROVIDERS: Provider[] = [
  ...AHOTU_PROVIDERS,
  RaceService,
  ...OPENWEATHER_PROVIDERS,
  WeatherService,
];
