import type { Db } from '../db/connection';

// The audit log: logins and failures, role grants, changes to the tree, every reveal of personal data,
// every export.
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.password_change_failed'
  | 'user.created'
  | 'user.updated'
  | 'user.sessions_revoked'
  | 'grant.created'
  | 'grant.revoked'
  | 'unit.created'
  | 'unit.updated'
  | 'unit.deleted'
  | 'facility.created'
  | 'facility.updated'
  | 'facility.deleted'
  | 'pii.revealed'
  | 'pii.matched'
  | 'data.exported'
  | 'ledger.imported'
  | 'forces.imported';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  username?: string | null;
  unitPath?: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
}

/** An audit entry for what an actor did: who and from where come from the actor. */
export function auditAs(
  db: Db,
  actor: { userId: string | null; username: string; ip?: string; requestId?: string },
  action: AuditAction,
  entry: { unitPath: string; target?: string; detail?: Record<string, unknown> },
): Promise<void> {
  return writeAudit(db, {
    action,
    userId: actor.userId,
    username: actor.username,
    ip: actor.ip,
    requestId: actor.requestId,
    ...entry,
  });
}

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      action: e.action,
      user_id: e.userId ?? null,
      username: e.username ?? null,
      unit_path: e.unitPath ?? null,
      target: e.target ?? null,
      detail: JSON.stringify(e.detail ?? {}),
      ip: e.ip ?? null,
      request_id: e.requestId ?? null,
    })
    .execute();
}
