export { MyFitnessPalProvider, type MyFitnessPalOptions } from './client.ts';
export { dailyTotals } from './mapping.ts';
export type * from './payload.ts';
