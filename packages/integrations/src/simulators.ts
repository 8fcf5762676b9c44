// Local provider simulators for development and tests (never imported by production code paths).
export { startAhotuSimulator, type AhotuSimulatorOptions } from './ahotu/simulator.ts';
export type { JsonServer } from './testing-http/json-server.ts';
export {
  MILD,
  startOpenWeatherSimulator,
  type OpenWeatherSimulator,
  type SimDay,
  type SimWeather,
} from './openweather/simulator.ts';
export { startMyFitnessPalSimulator, type MyFitnessPalSimulator } from './myfitnesspal/simulator.ts';
// Local provider simulators (tests, demos): real HTTP speaking each provider's payloads.
export { type Outage, SimOAuth, SimServer } from './core/simulator.ts';
export { garminRun, GarminSimulator } from './garmin/simulator.ts';
export { stravaRun, StravaSimulator } from './strava/simulator.ts';
