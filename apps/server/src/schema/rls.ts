import { type AnyPgColumn, pgPolicy, pgRole } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** The non-superuser role every request runs as; created (if missing) by the first migration. */
export const APP_ROLE = 'rc_app';
export const appRole = pgRole(APP_ROLE).existing();

/**
 * A runner sees and writes only rows whose owner column equals the transaction's `app.user_id`.
 * `nullif` because an unset custom setting reads as '' once the session has seen it.
 */
export function ownerPolicy(name: string, owner: AnyPgColumn) {
  const isOwner = sql`${owner} = nullif(current_setting('app.user_id', true), '')::uuid`;
  return pgPolicy(name, { as: 'permissive', for: 'all', to: appRole, using: isOwner, withCheck: isOwner });
}
