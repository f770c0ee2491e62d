import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../../domain/access/roles';
import { type Db, runPrepared } from '../../db/connection';
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

/** How stale `last_seen_at` may grow before a request writes it again: most requests then only read. */
export const SESSION_TOUCH_SECONDS = 60;

/**
 * The user behind a session token, with their active grants; undefined when it is unknown, ended or revoked.
 * One statement: the session, its user and grants are read, and the session's `last_seen_at` is written
 * only when it is older than SESSION_TOUCH_SECONDS, so a phone posting passages does not pay a commit
 * (and a WAL flush) per request for it. The idle limit (12 hours) is unaffected by a minute's lag.
 */
export async function userOfSession(db: Db, token: string): Promise<SessionUser | undefined> {
  const hash = tokenHash(token);
  const idleSince = new Date(Date.now() - SESSION_HOURS * 3_600_000);
  const rows = await runPrepared(
    db,
    sql<{
      id: string;
      username: string;
      display_name: string;
      locale: string;
      home_unit_path: string;
      grants: { id: string; role: string; unit_id: string; unit_path: string }[];
    }>`
    WITH s AS (
      SELECT s.token_hash, s.last_seen_at, u.id, u.username, u.display_name, u.locale, u.home_unit_path
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ${hash} AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > ${idleSince} AND NOT u.disabled
    ), touched AS (
      UPDATE sessions SET last_seen_at = now()
      FROM s WHERE sessions.token_hash = s.token_hash
        AND s.last_seen_at < now() - make_interval(secs => ${SESSION_TOUCH_SECONDS})
    )
    SELECT s.id::text AS id, s.username, s.display_name, s.locale, s.home_unit_path,
      coalesce((SELECT json_agg(json_build_object('id', g.id::text, 'role', g.role, 'unit_id', g.unit_id::text,
        'unit_path', g.unit_path) ORDER BY g.id)
        FROM role_grants g WHERE g.user_id = s.id AND g.revoked_at IS NULL), '[]'::json) AS grants
    FROM s`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    homeUnitPath: row.home_unit_path,
    grants: row.grants.map((g) => ({
      id: g.id,
      role: g.role as Role,
      unitId: g.unit_id,
      unitPath: g.unit_path,
    })),
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
