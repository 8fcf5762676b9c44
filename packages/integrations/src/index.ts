// One folder per integration under src/ (files/, ahotu/, ...), each a folder of its own.
export * from './files/index.ts';
export * from './ahotu/index.ts';
export * from './openweather/index.ts';
export { ProviderError, type ProviderErrorKind } from './provider-fetch.ts';
