export * from './types.ts';
export * from './local-store.ts';
export { MemoryStore } from './memory-store.ts';
export { DexieStore, type DexieStoreOptions } from './dexie-store.ts';
export { createRecord, updateRecord, deleteRecord } from './mutations.ts';
export { applyRemoteChanges, resolveConflict } from './apply-remote.ts';
export { fetchLocalChanges, markLocalChangesAsSynced, countLocalChanges } from './local-changes.ts';
export { synchronize, type SynchronizeOptions, type SynchronizeResult } from './synchronize.ts';
export {
  SyncEngine,
  type SyncEngineOptions,
  type SyncState,
  type SyncStatus,
  type SyncTrigger,
} from './sync-engine.ts';
export {
  createHttpTransport,
  realTimers,
  type HttpTransportOptions,
  type SyncTransport,
  type Timers,
} from './http-transport.ts';
export { SyncError, type RecordError } from './errors.ts';
export { backoffDelay, type BackoffOptions } from './backoff.ts';
export { mulberry32, randomId } from './random.ts';
export { jsonEqual } from './equal.ts';
export {
  applyEdit,
  DUPLICATE_WINDOW_MS,
  isDuplicate,
  mergeDuplicates,
  OBJECTIVE,
  SUBJECTIVE,
  type RuleValues,
} from './conflict-rules.ts';
