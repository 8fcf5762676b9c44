/**
 * Where raw uploads (imported FIT/GPX/TCX files) are kept: the data directory by default, any S3-compatible
 * store when S3_ENDPOINT is set. Keys are `<userId>/...`, so one prefix holds everything of a runner.
 */
export interface ObjectStore {
  readonly kind: 'data-dir' | 's3';
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Removes every object under `prefix` (account deletion). */
  deletePrefix(prefix: string): Promise<void>;
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<userId>/imports/<sha256>.<ext>`: the runner's id is checked, since a path or key is built from it. */
export function importKey(userId: string, sha256: string, ext: string): string {
  if (!UUID.test(userId) || !/^[0-9a-f]{64}$/.test(sha256) || !/^[a-z0-9]{1,8}$/.test(ext)) {
    throw new Error('object store: bad import key');
  }
  return `${userId}/imports/${sha256}.${ext}`;
}
