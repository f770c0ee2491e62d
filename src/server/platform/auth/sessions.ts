import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../domain/access/roles';
import type { Db } from '../../db/connection';
import { notifySessionsChanged } from '../events';
import type { Grant } from '../scope';

// Sessions live in PostgreSQL; the cookie holds a random token of which only the SHA-256 is kept.
export const SESSION_COOKIE = 'wangge_session';
export const SESSION_HOURS = 12; // a session idle longer than this ends
const SESSION_MAX_DAYS = 7;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  locale: string;
  homeUnitPath: string;
  grants: Grant[];
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest();

export async function createSession(db: Db, userId: string, ip: string, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  // Sessions that can no longer be used are of no further interest: the audit log keeps the logins.
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', new Date()),
        eb('revoked_at', '<', new Date(Date.now() - 86_400_000)),
        eb('last_seen_at', '<', new Date(Date.now() - SESSION_HOURS * 3_600_000)),
      ]),
    )
    .execute();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      expires_at: new Date(Date.now() + SESSION_MAX_DAYS * 86_400_000),
      revoked_at: null,
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

/** The user behind a session token, with their active grants; undefined when it is unknown, ended or revoked. */
export async function userOfSession(db: Db, token: string): Promise<SessionUser | undefined> {
  const hash = tokenHash(token);
  const row = await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date() })
    .from('users')
    .whereRef('users.id', '=', 'sessions.user_id')
    .where('sessions.token_hash', '=', hash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', new Date())
    .where('sessions.last_seen_at', '>', new Date(Date.now() - SESSION_HOURS * 3_600_000))
    .where('users.disabled', '=', false)
    .returning(['users.id', 'users.username', 'users.display_name', 'users.locale', 'users.home_unit_path'])
    .executeTakeFirst();
  if (!row) return undefined;
  const grants = await db
    .selectFrom('role_grants')
    .select(['id', 'role', 'unit_id', 'unit_path'])
    .where('user_id', '=', row.id)
    .where('revoked_at', 'is', null)
    .execute();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    homeUnitPath: row.home_unit_path,
    grants: grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitPath: g.unit_path })),
  };
}

/**
 * Which of these sessions (by token hash) can still be used, with their user's active grants now.
 * Read-only: an open event stream checks its session without keeping it alive.
 */
export async function sessionsStillValid(
  db: Db,
  hashes: Buffer[],
): Promise<Map<string, { userId: string; grants: string[] }>> {
  const out = new Map<string, { userId: string; grants: string[] }>();
  if (!hashes.length) return out;
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.user_id'])
    .where('sessions.token_hash', 'in', hashes)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', new Date())
    .where('sessions.last_seen_at', '>', new Date(Date.now() - SESSION_HOURS * 3_600_000))
    .where('users.disabled', '=', false)
    .execute();
  const userIds = [...new Set(rows.map((r) => r.user_id))];
  const grants = userIds.length
    ? await db
        .selectFrom('role_grants')
        .select(['id', 'user_id'])
        .where('user_id', 'in', userIds)
        .where('revoked_at', 'is', null)
        .execute()
    : [];
  for (const r of rows) {
    out.set(r.token_hash.toString('hex'), {
      userId: r.user_id,
      grants: grants
        .filter((g) => g.user_id === r.user_id)
        .map((g) => g.id)
        .sort(),
    });
  }
  return out;
}

export async function revokeSession(db: Db, token: string) {
  const row = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', tokenHash(token))
    .returning('user_id')
    .executeTakeFirst();
  if (row) await notifySessionsChanged(db, row.user_id);
}

/** Ends every session of a user (except, optionally, the one in use). */
export async function revokeUserSessions(db: Db, userId: string, exceptToken?: string) {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptToken) q = q.where('token_hash', '!=', tokenHash(exceptToken));
  const r = await q.executeTakeFirst();
  await notifySessionsChanged(db, userId);
  return Number(r.numUpdatedRows);
}
