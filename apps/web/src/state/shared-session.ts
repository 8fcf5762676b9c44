import type { Session } from './session.ts';

/**
 * The session as the tabs hand it to each other across a token refresh. localStorage reaches another tab's
 * renderer process asynchronously, so a tab that takes the refresh lock right after another released it
 * could still read the refresh token the other just spent (a reuse: the server signs the device out).
 * IndexedDB has one store for all tabs: a read started after the writer's transaction completed sees it.
 */
const DB_NAME = 'rc-session';
const STORE = 'session';
const KEY = 'current';

let opened: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opened;
}

/** The shared session; undefined when none is kept here (signed out, or saved before this store existed). */
export async function readShared(): Promise<Session | undefined> {
  const tx = (await db()).transaction(STORE, 'readonly');
  const req = tx.objectStore(STORE).get(KEY);
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as Session | undefined);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves once the write is committed, so a tab reading after that sees it. */
export async function writeShared(session: Session | null): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  if (session) tx.objectStore(STORE).put(session, KEY);
  else tx.objectStore(STORE).delete(KEY);
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
