// One folder per integration under src/ (files/, ahotu/, ...), each a folder of its own.
export * from './files/index.ts';
export * from './ahotu/index.ts';
export * from './openweather/index.ts';
export * from './myfitnesspal/index.ts';
export { NutritionCsvError, parseNutritionCsv } from './nutrition/csv.ts';
export type { DailyNutrition, NutritionProvider } from './nutrition/provider.ts';
export { ProviderError, type ProviderErrorKind } from './provider-fetch.ts';
