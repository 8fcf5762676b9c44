// Local provider simulators (tests, demos; never imported by production code paths): real HTTP on
// 127.0.0.1 speaking each provider's payloads, all on the SimServer base.
export { type Outage, SimOAuth, SimServer } from './core/simulator.ts';
export { startAhotuSimulator, type AhotuSimulatorOptions } from './ahotu/simulator.ts';
export {
  MILD,
  startOpenWeatherSimulator,
  type OpenWeatherSimulator,
  type SimDay,
  type SimWeather,
} from './openweather/simulator.ts';
export { startMyFitnessPalSimulator, type MyFitnessPalSimulator } from './myfitnesspal/simulator.ts';
export { garminRun, GarminSimulator } from './garmin/simulator.ts';
export { stravaRun, StravaSimulator } from './strava/simulator.ts';
