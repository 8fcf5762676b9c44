import { randomUUID } from 'node:crypto';
import { Database, type Model } from '@nozbe/watermelondb';
import LokiJSAdapter from '@nozbe/watermelondb/adapters/lokijs';
import SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';
import { type SyncDatabaseChangeSet, synchronize } from '@nozbe/watermelondb/sync';
import { logger } from '@nozbe/watermelondb/utils/common';
import { modelClasses, schema, SYNCED_TABLES, type SyncedTable } from './watermelon-schema.ts';

// Its set-up chatter ("[Loki] Database loaded") would bury the test output.
logger.silence();

export type AdapterName = 'lokijs' | 'sqlite';
type Raw = Record<string, unknown>;

/**
 * One WatermelonDB client (a runner's phone or browser) under Node, with the real `synchronize()` and the
 * real adapter: LokiJS in memory (no IndexedDB in Node), SQLite through better-sqlite3 (in memory). The only
 * code of ours is the glue every app writes: pullChanges/pushChanges over HTTP.
 */
export class WatermelonDevice {
  readonly database: Database;
  /** What each sync sent and received, for assertions about the wire. */
  readonly pushed: Raw[] = [];
  readonly pulled: Raw[] = [];

  constructor(
    adapter: AdapterName,
    private readonly baseUrl: string,
    private readonly token: string,
    readonly deviceId = randomUUID(),
  ) {
    this.database = new Database({
      adapter:
        adapter === 'lokijs'
          ? new LokiJSAdapter({
              schema,
              useWebWorker: false,
              useIncrementalIndexedDB: false,
              dbName: deviceId,
            })
          : new SQLiteAdapter({ schema, dbName: ':memory:' }),
      modelClasses,
    });
  }

  async sync(): Promise<void> {
    await synchronize({
      database: this.database,
      sendCreatedAsUpdated: true,
      pullChanges: async ({ lastPulledAt, schemaVersion, migration }) => {
        const q = new URLSearchParams({ schema_version: String(schemaVersion) });
        if (lastPulledAt) q.set('last_pulled_at', String(lastPulledAt));
        if (migration) q.set('migration', JSON.stringify(migration));
        const body = await this.call('GET', `/sync?${q}`);
        this.pulled.push(body);
        if (body.hasMore) throw new Error('the harness pulls unpaged (no limit): hasMore must be false');
        return { changes: body.changes as SyncDatabaseChangeSet, timestamp: body.timestamp as number };
      },
      pushChanges: async ({ changes, lastPulledAt }) => {
        this.pushed.push(changes as Raw);
        const body = await this.call(
          'POST',
          `/sync?last_pulled_at=${lastPulledAt}`,
          { changes },
          {
            'idempotency-key': randomUUID(),
            'x-device-id': this.deviceId,
          },
        );
        if (body.ok !== true) throw new Error(`push refused: ${JSON.stringify(body)}`);
      },
    });
  }

  private async call(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(json !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as Raw;
  }

  collection(table: SyncedTable) {
    return this.database.get<Model>(table);
  }

  async create(table: SyncedTable, values: Raw): Promise<string> {
    let id = '';
    await this.database.write(async () => {
      const record = await this.collection(table).create((r) => {
        for (const [k, v] of Object.entries(values)) r._setRaw(k, v as never);
      });
      id = record.id;
    });
    return id;
  }

  async update(table: SyncedTable, id: string, values: Raw): Promise<void> {
    await this.database.write(async () => {
      const record = await this.collection(table).find(id);
      await record.update((r) => {
        for (const [k, v] of Object.entries(values)) r._setRaw(k, v as never);
      });
    });
  }

  /** A synced delete (a tombstone for the next push), as apps do it. */
  async remove(table: SyncedTable, id: string): Promise<void> {
    await this.database.write(async () => {
      await (await this.collection(table).find(id)).markAsDeleted();
    });
  }

  async find(table: SyncedTable, id: string): Promise<Raw | null> {
    try {
      return { ...(await this.collection(table).find(id))._raw } as Raw;
    } catch {
      return null;
    }
  }

  /** Every live record per table, without WatermelonDB's own bookkeeping columns, ordered by id. */
  async dump(): Promise<Record<SyncedTable, Raw[]>> {
    const out = {} as Record<SyncedTable, Raw[]>;
    for (const table of SYNCED_TABLES) {
      const rows = await this.collection(table).query().fetch();
      out[table] = rows
        .map((r) => {
          const { _status: _s, _changed: _c, ...raw } = r._raw as unknown as Raw;
          return raw;
        })
        .sort((x, y) => String(x.id).localeCompare(String(y.id)));
    }
    return out;
  }
}
