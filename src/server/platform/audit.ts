import type { Db } from '../db/connection';

// The audit log: logins and failures, role grants, changes to the tree, every reveal of personal data,
// every export.
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_changed'
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
  | 'data.exported';

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
