import { FAILURES_FORGOTTEN_HOURS, lockMinutesAfter } from '../../../domain/access/lockout';
import { passwordProblem } from '../../../domain/access/passwordStrength';
import { type Permission, permissionsOf, ROLE_DEFINITIONS, type Role } from '../../../domain/access/roles';
import { type Locale, translate } from '../../../domain/i18n/messages';
import { maskPhone, validatePhone } from '../../../domain/validators/phone';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { auditAs, writeAudit } from '../../platform/audit';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import { createSession, revokeUserSessions, type SessionUser } from '../../platform/auth/sessions';
import { AppError, notFound } from '../../platform/errors';
import { notifySessionsChanged } from '../../platform/events';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { toUnit, unitInScope, unitsAtPaths } from '../org/service';
import * as q from './queries';

registerPlaceColumn({ table: 'users', column: 'home_unit_path', what: 'what.users' });
registerPlaceColumn({ table: 'role_grants', column: 'unit_path', what: 'what.users' });

// A dummy hash to spend the same time on unknown usernames as on wrong passwords.
let dummyHash: Promise<string> | undefined;

export type LoginResult = { ok: true; token: string; userId: string } | { ok: false; error: AppError };

const minutesUntil = (t: Date) => Math.max(1, Math.ceil((t.getTime() - Date.now()) / 60_000));

/**
 * Checks a password. Failures are counted per (username, address), for unknown usernames exactly as for
 * known ones, and lock that pair with back-off (domain/access/lockout.ts): nobody can lock a user out
 * from another address, and the answers never tell whether a username exists. Audited.
 */
export async function login(
  services: Services,
  input: { username: string; password: string; ip: string; userAgent?: string; requestId?: string },
): Promise<LoginResult> {
  const { db } = services;
  const username = input.username.trim();
  const subject = username.toLowerCase();
  const user = await q.findUserByUsername(db, username);
  const fail = async (error: AppError) => {
    await writeAudit(db, {
      action: 'auth.login_failed',
      userId: user?.id ?? null,
      username: input.username.slice(0, 60),
      unitPath: user?.home_unit_path ?? null,
      detail: { reason: error.key },
      ip: input.ip,
      requestId: input.requestId,
    });
    return { ok: false as const, error };
  };
  const lockedUntil = await q.activeLock(db, 'login', subject, input.ip);
  if (lockedUntil) {
    return fail(new AppError('locked', 'error.locked', { minutes: minutesUntil(lockedUntil) }));
  }
  let right: boolean;
  if (user) {
    right = await verifyPassword(user.password_hash, input.password);
  } else {
    dummyHash ??= hashPassword('not a password 0');
    await verifyPassword(await dummyHash, input.password);
    right = false;
  }
  if (!user || !right) {
    const locked = await q.recordFailure(
      db,
      'login',
      subject,
      input.ip,
      lockMinutesAfter,
      FAILURES_FORGOTTEN_HOURS,
    );
    if (locked) return fail(new AppError('locked', 'error.locked', { minutes: minutesUntil(locked) }));
    return fail(new AppError('unauthenticated', 'error.bad_credentials'));
  }
  await q.clearFailures(db, 'login', subject, input.ip);
  if (user.disabled) return fail(new AppError('unauthenticated', 'error.disabled'));
  const token = await createSession(db, user.id, input.ip, input.userAgent);
  await writeAudit(db, {
    action: 'auth.login',
    userId: user.id,
    username: user.username,
    unitPath: user.home_unit_path,
    ip: input.ip,
    requestId: input.requestId,
  });
  return { ok: true, token, userId: user.id };
}

/** The signed-in user as the web app needs it: roles on units, permissions, the units to start from. */
export async function me(db: Db, user: SessionUser, scope: Scope) {
  const grantUnits = new Map(
    (
      await unitsAtPaths(
        db,
        user.grants.map((g) => g.unitPath),
      )
    ).map((u) => [u.path, u]),
  );
  const roots = scope.roots('org.read');
  const home = await unitsAtPaths(db, [user.homeUnitPath]);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    homeUnit: home[0] ?? null,
    grants: user.grants.map((g) => ({ id: g.id, role: g.role, unit: grantUnits.get(g.unitPath) ?? null })),
    permissions: permissionsOf(user.grants.map((g) => g.role)),
    units: roots.map((p) => grantUnits.get(p)).filter((u) => u !== undefined),
  };
}

/**
 * Changes one's password. Wrong guesses of the current one are counted for the user and lock the form
 * with the same back-off as logins; the new one must pass the password rules (domain/access/passwordStrength.ts).
 */
export async function changePassword(
  services: Services,
  actor: Actor & { userId: string },
  sessionToken: string | undefined,
  input: { currentPassword: string; newPassword: string },
) {
  const { db } = services;
  const lockedUntil = await q.activeLock(db, 'password', actor.userId, '');
  if (lockedUntil) {
    throw new AppError('locked', 'error.password_change_locked', { minutes: minutesUntil(lockedUntil) });
  }
  const user = await q.findUser(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    const locked = await q.recordFailure(
      db,
      'password',
      actor.userId,
      '',
      lockMinutesAfter,
      FAILURES_FORGOTTEN_HOURS,
    );
    if (user) await auditAs(db, actor, 'auth.password_change_failed', { unitPath: user.home_unit_path });
    if (locked) {
      throw new AppError('locked', 'error.password_change_locked', { minutes: minutesUntil(locked) });
    }
    throw new AppError('validation', 'error.wrong_password', {}, [
      { path: 'currentPassword', message: translate(actor.locale, 'error.wrong_password') },
    ]);
  }
  await q.clearFailures(db, 'password', actor.userId, '');
  checkNewPassword(actor.locale, 'newPassword', input.newPassword, user);
  await q.updateUser(db, actor.userId, {
    password_hash: await hashPassword(input.newPassword),
    password_changed_at: new Date(),
  });
  await revokeUserSessions(db, actor.userId, sessionToken);
  await auditAs(db, actor, 'auth.password_changed', { unitPath: user.home_unit_path });
}

/** Refuses a new password that the rules refuse, naming the field, in the caller's language. */
function checkNewPassword(
  locale: Locale,
  path: string,
  password: string,
  user: { username: string; display_name: string },
) {
  const problem = passwordProblem(password, { username: user.username, displayName: user.display_name });
  if (problem) {
    throw new AppError('validation', problem, {}, [{ path, message: translate(locale, problem) }]);
  }
}

function protectPhone(services: Services, locale: Locale, phone: string | null | undefined) {
  if (!phone) return { phone_enc: null, phone_hmac: null, phone_masked: null };
  const v = validatePhone(phone);
  if (!v.ok) {
    throw new AppError(
      'validation',
      'error.validation',
      { detail: `phone: ${translate(locale, 'field.phone')}` },
      [{ path: 'phone', message: translate(locale, 'field.phone') }],
    );
  }
  return {
    phone_enc: services.protector.encrypt(v.value),
    phone_hmac: services.protector.blindIndex('phone', v.value),
    phone_masked: maskPhone(v.value),
  };
}

async function shapeUsers(db: Db, scope: Scope, rows: q.UserRow[]) {
  const grants = await q.activeGrantsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    homeUnit: { code: r.home_code, name: r.home_name },
    phoneMasked: r.phone_masked,
    disabled: r.disabled,
    createdAt: r.created_at,
    // only the grants on units the viewer may see
    grants: grants
      .filter((g) => g.user_id === r.id && scope.allows('user.read', g.unit_path))
      .map((g) => ({ id: g.id, role: g.role as Role, unit: { code: g.code, name: g.name, kind: g.kind } })),
  }));
}

export async function listUsers(
  db: Db,
  scope: Scope,
  filter: { unit?: string; q?: string; after?: string; limit: number },
) {
  const under = filter.unit ? (await unitInScope(db, scope, filter.unit, 'user.read')).path : undefined;
  const rows = await q.listUsers(db, scope, {
    text: filter.q,
    underPath: under,
    after: filter.after,
    limit: filter.limit + 1,
  });
  const items = await shapeUsers(db, scope, rows.slice(0, filter.limit));
  return { items, next: rows.length > filter.limit ? items[items.length - 1].id : null };
}

async function userInScope(db: Db, scope: Scope, id: string, permission: Permission) {
  const user = await q.findUser(db, id);
  if (!user) throw notFound();
  scope.check(permission, user.home_unit_path);
  return user;
}

export async function getUser(db: Db, scope: Scope, id: string) {
  const [user] = await shapeUsers(db, scope, [await userInScope(db, scope, id, 'user.read')]);
  return user;
}

/** Display names of users by id, for the users the scope may see (others are left out). */
export async function userNames(db: Db, scope: Scope, ids: string[]) {
  const rows = await q.userNamesIn(db, scope, ids);
  return new Map(rows.map((r) => [String(r.id), { username: r.username, name: r.display_name }]));
}

export async function createUser(
  services: Services,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    password: string;
    homeUnitCode: string;
    phone?: string | null;
  },
) {
  const home = await unitInScope(services.db, actor.scope, input.homeUnitCode, 'user.manage');
  checkNewPassword(actor.locale, 'password', input.password, {
    username: input.username.trim(),
    display_name: input.displayName.trim(),
  });
  const row = await q.insertUser(services.db, {
    username: input.username.trim(),
    display_name: input.displayName.trim(),
    password_hash: await hashPassword(input.password),
    home_unit_id: home.id,
    home_unit_path: home.path,
    ...protectPhone(services, actor.locale, input.phone),
  });
  if (!row) {
    const message = translate(actor.locale, 'error.username_taken', { username: input.username });
    throw new AppError('conflict', 'error.username_taken', { username: input.username }, [
      { path: 'username', message },
    ]);
  }
  await auditAs(services.db, actor, 'user.created', {
    unitPath: home.path,
    target: `user:${row.id}`,
    detail: { username: input.username },
  });
  return getUser(services.db, actor.scope, row.id);
}

export async function updateUser(
  services: Services,
  actor: Actor,
  id: string,
  input: { displayName?: string; disabled?: boolean; phone?: string | null },
) {
  const user = await userInScope(services.db, actor.scope, id, 'user.manage');
  await q.updateUser(services.db, id, {
    ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    ...(input.phone !== undefined ? protectPhone(services, actor.locale, input.phone) : {}),
  });
  if (input.disabled) await revokeUserSessions(services.db, id);
  await auditAs(services.db, actor, 'user.updated', {
    unitPath: user.home_unit_path,
    target: `user:${id}`,
    detail: { fields: Object.keys(input) },
  });
  return getUser(services.db, actor.scope, id);
}

export async function grantRole(
  services: Services,
  actor: Actor,
  userId: string,
  input: { role: Role; unitCode: string },
) {
  const user = await userInScope(services.db, actor.scope, userId, 'user.manage');
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'user.manage');
  if (!actor.scope.grantableRoles(unit.path).includes(input.role)) {
    const params = { role: ROLE_DEFINITIONS[input.role][actor.locale === 'en' ? 'en' : 'zh'] };
    throw new AppError('forbidden', 'error.grant_not_allowed', params, [
      { path: 'role', message: translate(actor.locale, 'error.grant_not_allowed', params) },
    ]);
  }
  const grant = await q.insertGrant(services.db, {
    user_id: user.id,
    role: input.role,
    unit_id: unit.id,
    unit_path: unit.path,
    granted_by: actor.userId,
  });
  await notifySessionsChanged(services.db, user.id);
  await auditAs(services.db, actor, 'grant.created', {
    unitPath: unit.path,
    target: `user:${user.id}`,
    detail: { role: input.role, unit: unit.code, grantee: user.username },
  });
  return { id: grant.id, role: input.role, unit: toUnit(unit) };
}

export async function revokeGrant(services: Services, actor: Actor, grantId: string) {
  const grant = await q.findActiveGrant(services.db, grantId);
  if (!grant) throw notFound();
  actor.scope.check('user.manage', grant.unit_path);
  await q.revokeGrant(services.db, grantId, actor.userId);
  await notifySessionsChanged(services.db, grant.user_id);
  const [unit] = await unitsAtPaths(services.db, [grant.unit_path]);
  const grantee = await q.findUser(services.db, grant.user_id);
  await auditAs(services.db, actor, 'grant.revoked', {
    unitPath: grant.unit_path,
    target: `user:${grant.user_id}`,
    detail: { role: grant.role, unit: unit?.code, grantee: grantee?.username },
  });
}

export async function revokeSessions(services: Services, actor: Actor, userId: string) {
  const user = await userInScope(services.db, actor.scope, userId, 'user.manage');
  const revoked = await revokeUserSessions(services.db, userId);
  await auditAs(services.db, actor, 'user.sessions_revoked', {
    unitPath: user.home_unit_path,
    target: `user:${userId}`,
    detail: { revoked },
  });
  return { revoked };
}

/** The full phone number of a user: needs pii.reveal on the user's home unit; every reveal is audited. */
export async function revealPhone(services: Services, actor: Actor, userId: string) {
  const user = await userInScope(services.db, actor.scope, userId, 'pii.reveal');
  const value = user.phone_enc ? services.protector.decrypt(user.phone_enc) : null;
  await auditAs(services.db, actor, 'pii.revealed', {
    unitPath: user.home_unit_path,
    target: `user:${userId}`,
    detail: { field: 'phone' },
  });
  return { value };
}

/** Who holds one of `roles` at a place or above it (a grid worker of the grid, the community's office). */
export function usersWithRoleAbove(db: Db, path: string, roles: readonly string[]) {
  return q.holdersAbove(db, path, roles);
}

/** Whether a user holds one of `roles` at a place or above it. */
export async function holdsRoleAbove(db: Db, userId: string, path: string, roles: readonly string[]) {
  return (await q.holdersAbove(db, path, roles, userId)).length > 0;
}
