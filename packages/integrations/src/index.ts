// One folder per integration under src/ (files/ now; garmin/, strava/, ... each a folder of its own).
export * from './files/index.ts';
