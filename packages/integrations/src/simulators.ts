// Local provider simulators (tests, demos): real HTTP speaking each provider's payloads.
export { type Outage, SimOAuth, SimServer } from './core/simulator.ts';
export { garminRun, GarminSimulator } from './garmin/simulator.ts';
export { stravaRun, StravaSimulator } from './strava/simulator.ts';
