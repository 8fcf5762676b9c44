import type { LocalStore, LocalStoreTx } from './local-store.ts';
import type { LocalRecord } from './types.ts';

const DELETE = Symbol('delete');
type Slot<T> = T | typeof DELETE;

/**
 * The in-memory LocalStore (tests, Node tools, and a fallback where IndexedDB is missing). Transactions are
 * serialized with a promise chain and write to an overlay that is merged only when `fn` resolves, so a
 * throw anywhere (a simulated crash) leaves the store exactly as it was.
 */
export class MemoryStore implements LocalStore {
  private readonly data = new Map<string, Map<string, LocalRecord>>();
  private readonly meta = new Map<string, unknown>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly tables: readonly string[]) {
    for (const t of tables) this.data.set(t, new Map());
  }

  transaction<T>(fn: (tx: LocalStoreTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.run(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run<T>(fn: (tx: LocalStoreTx) => Promise<T>): Promise<T> {
    const records = new Map<string, Map<string, Slot<LocalRecord>>>();
    const meta = new Map<string, Slot<unknown>>();
    const table = (name: string) => {
      const t = this.data.get(name);
      if (!t) throw new Error(`unknown local table ${name}`);
      let overlay = records.get(name);
      if (!overlay) records.set(name, (overlay = new Map()));
      return { t, overlay };
    };
    const read = (name: string, id: string): LocalRecord | undefined => {
      const { t, overlay } = table(name);
      const slot = overlay.has(id) ? overlay.get(id) : t.get(id);
      return slot === undefined || slot === DELETE ? undefined : structuredClone(slot);
    };
    const all = (name: string): LocalRecord[] => {
      const { t, overlay } = table(name);
      const ids = new Set([...t.keys(), ...overlay.keys()]);
      return [...ids].map((id) => read(name, id)).filter((r): r is LocalRecord => r !== undefined);
    };
    const tx: LocalStoreTx = {
      get: async (name, id) => read(name, id),
      all: async (name) => all(name),
      changed: async (name) => all(name).filter((r) => r._status !== 'synced'),
      put: async (name, record) => void table(name).overlay.set(record.id, structuredClone(record)),
      remove: async (name, id) => void table(name).overlay.set(id, DELETE),
      getMeta: async <V>(key: string) => {
        const slot = meta.has(key) ? meta.get(key) : this.meta.get(key);
        return (slot === DELETE ? undefined : structuredClone(slot)) as V | undefined;
      },
      setMeta: async (key, value) =>
        void meta.set(key, value === undefined ? DELETE : structuredClone(value)),
    };
    const result = await fn(tx);
    for (const [name, overlay] of records) {
      const t = this.data.get(name)!;
      for (const [id, slot] of overlay) {
        if (slot === DELETE) t.delete(id);
        else t.set(id, slot);
      }
    }
    for (const [key, slot] of meta) {
      if (slot === DELETE) this.meta.delete(key);
      else this.meta.set(key, slot);
    }
    return result;
  }
}
