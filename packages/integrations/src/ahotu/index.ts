export { AhotuClient, type AhotuClientOptions, type AhotuSearch } from './client.ts';
export { toRace, toRaces } from './mapping.ts';
export type * from './payload.ts';
