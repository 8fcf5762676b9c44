// Code run inside the page, kept as JavaScript source: the bench is compiled for Node (no DOM types), and
// tsx's helpers (`__name`) must not leak into what Chromium evaluates.

/** Puts raw synced rows into the app's IndexedDB database (Dexie's object stores), in one transaction. */
export const SEED_IDB = `async ({ name, rows }) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction(Object.keys(rows), 'readwrite');
    for (const [store, list] of Object.entries(rows)) for (const r of list) tx.objectStore(store).put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}`;

/** How many rows the given stores hold. */
export const COUNT_IDB = `async ({ name, stores }) => {
  const db = await new Promise((resolve) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); });
  const counts = await Promise.all(stores.map((s) => new Promise((resolve) => {
    const c = db.transaction(s).objectStore(s).count();
    c.onsuccess = () => resolve(c.result);
  })));
  db.close();
  return counts.reduce((a, b) => a + b, 0);
}`;

/** Clicks a sidebar link; resolves with the ms until `count` elements match `selector` and the next frame is drawn. */
export const NAV_RENDER_MS = `async ({ link, selector, count }) => {
  const a = [...document.querySelectorAll('aside nav a')].find((x) => x.textContent.trim() === link);
  const t0 = performance.now();
  a.click();
  await new Promise((resolve) => {
    const check = () => (document.querySelectorAll(selector).length >= count ? resolve() : requestAnimationFrame(check));
    check();
  });
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}`;

/** `fn` (one of the sources above) applied to `arg`, as an expression for page.evaluate. */
export function call(fn: string, arg: unknown): string {
  return `(${fn})(${JSON.stringify(arg)})`;
}
