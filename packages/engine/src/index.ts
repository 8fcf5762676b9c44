export { ENGINE_VERSION } from './version.ts';
export { EngineError } from './util/errors.ts';
export { addDays, dateFromDayNumber, dayNumber, daysBetween, startOfWeek, weekdayOf } from './util/dates.ts';
export * from './prediction/index.ts';
export * from './zones/index.ts';
export * from './load/index.ts';
export * from './readiness/index.ts';
export * from './plan/index.ts';
