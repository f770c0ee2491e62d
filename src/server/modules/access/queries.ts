import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { inSubtree, type Scope } from '../../platform/scope';

// SQL of users, role grants and sessions.

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Users with the code and name of their home unit. */
function selectUsers(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('units as h', 'h.id', 'u.home_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.home_unit_path',
      'u.phone_enc',
      'u.phone_masked',
      'u.disabled',
      'u.locale',
      'u.password_hash',
      'u.created_at',
      'h.code as home_code',
      'h.name as home_name',
    ]);
}

export function findUser(db: Db, id: string) {
  return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** Display names of users by id, those whose home unit lies in the scope only. */
export function userNamesIn(db: Db, scope: Scope, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', ids)
    .where(scope.where('home_unit_path', 'user.read'))
    .execute();
}

/** Users whose home unit lies in the scope, newest first (the one just added is on top), one keyset page by id. */
export function listUsers(
  db: Db,
  scope: Scope,
  filter: { text?: string; underPath?: string; after?: string; limit: number },
): Promise<UserRow[]> {
  let q = selectUsers(db).where(scope.where('u.home_unit_path', 'user.read'));
  if (filter.underPath) {
    q = q.where(inSubtree('u.home_unit_path', filter.underPath));
  }
  if (filter.text) {
    const t = `%${filter.text.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', t), eb('u.display_name', 'ilike', t)]));
  }
  if (filter.after) q = q.where('u.id', '<', filter.after);
  return q.orderBy('u.id', 'desc').limit(filter.limit).execute();
}

export function activeGrantsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.unit_path', 'un.code', 'un.name', 'un.kind'])
    .where('g.user_id', 'in', userIds)
    .where('g.revoked_at', 'is', null)
    .orderBy('g.id')
    .execute();
}

export function insertUser(
  db: Db,
  u: {
    username: string;
    display_name: string;
    password_hash: string;
    home_unit_id: string;
    home_unit_path: string;
    phone_enc: Buffer | null;
    phone_hmac: Buffer | null;
    phone_masked: string | null;
  },
) {
  return db
    .insertInto('users')
    .values(u)
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function updateUser(
  db: Db,
  id: string,
  patch: Partial<{
    display_name: string;
    disabled: boolean;
    phone_enc: Buffer | null;
    phone_hmac: Buffer | null;
    phone_masked: string | null;
    password_hash: string;
    password_changed_at: Date;
  }>,
) {
  return db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export function insertGrant(
  db: Db,
  g: { user_id: string; role: string; unit_id: string; unit_path: string; granted_by: string | null },
) {
  return db
    .insertInto('role_grants')
    .values({ ...g, revoked_by: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findActiveGrant(db: Db, id: string) {
  return db
    .selectFrom('role_grants')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function revokeGrant(db: Db, id: string, by: string | null) {
  return db
    .updateTable('role_grants')
    .set({ revoked_at: new Date(), revoked_by: by })
    .where('id', '=', id)
    .execute();
}

export type FailureKind = 'login' | 'password';

/** The lock on a login (username, address) or on a user's password change, when there is one now. */
export async function activeLock(db: Db, kind: FailureKind, subject: string, address: string) {
  const row = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .where('address', '=', address)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * A failure: counted in a row (a day without one starts again), and locked for as long as `lockMinutes`
 * says for the new count. Answers the lock, if any. Rows a day old are forgotten on the way.
 */
export async function recordFailure(
  db: Db,
  kind: FailureKind,
  subject: string,
  address: string,
  lockMinutes: (failures: number) => number,
  forgetHours: number,
): Promise<Date | null> {
  const forget = sql<Date>`now() - make_interval(hours => ${forgetHours})`;
  await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', forget)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
    .execute();
  const { failures } = await db
    .insertInto('login_failures')
    .values({ kind, subject, address, failures: 1, locked_until: null })
    .onConflict((oc) =>
      oc.columns(['kind', 'subject', 'address']).doUpdateSet({
        failures: sql`CASE WHEN login_failures.last_failed_at < ${forget} THEN 1 ELSE login_failures.failures + 1 END`,
        last_failed_at: sql`now()`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const minutes = lockMinutes(failures);
  if (!minutes) return null;
  const row = await db
    .updateTable('login_failures')
    .set({ locked_until: sql`now() + make_interval(mins => ${minutes})` })
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .where('address', '=', address)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/** A success clears the count. */
export function clearFailures(db: Db, kind: FailureKind, subject: string, address: string) {
  return db
    .deleteFrom('login_failures')
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .where('address', '=', address)
    .execute();
}

/**
 * The active users holding one of `roles` on a unit at or above `path` (the place itself or one of its
 * ancestors), the nearest grant first; only `userId` when given.
 */
export async function holdersAbove(db: Db, path: string, roles: readonly string[], userId?: string) {
  const { rows } = await sql<{ id: string; display_name: string; role: string; unit_path: string }>`
    SELECT DISTINCT ON (u.id) u.id::text AS id, u.display_name, g.role, g.unit_path
    FROM role_grants g JOIN users u ON u.id = g.user_id
    WHERE g.revoked_at IS NULL AND NOT u.disabled AND g.role = ANY(${roles}::text[])
      AND (${path} = g.unit_path OR left(${path}, length(g.unit_path) + 1) = g.unit_path || '.')
      ${userId === undefined ? sql`` : sql`AND g.user_id = ${userId}`}
    ORDER BY u.id, length(g.unit_path) DESC
    LIMIT 200`.execute(db);
  return rows;
}
