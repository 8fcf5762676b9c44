import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/db/connection.ts';

/** Every table of the public schema with a `user_id` column (plus `users` itself), read from the catalog. */
export async function runnerTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'user_id' and t.table_type = 'BASE TABLE'
        order by c.table_name`,
  );
  return ['users', ...rows.map((r) => r.table_name)];
}

/**
 * A fingerprint (count and hash) of one runner's rows in every runner table, read as the superuser past RLS:
 * equal fingerprints mean nothing of theirs was written, changed or deleted.
 */
export async function runnerRows(db: Db, userId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await runnerTables(db)) {
    const owner = table === 'users' ? 'id' : 'user_id';
    const [row] = await queryRows<{ f: string }>(
      db,
      sql.raw(
        `select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as f
         from "${table}" x where "${owner}" = '${userId.replace(/[^0-9a-f-]/gi, '')}'`,
      ),
    );
    out[table] = row!.f;
  }
  return out;
}
