import type { Db } from '../../db/connection';
import type { Scope } from '../../platform/scope';

/** Audit entries about units in the scope, newest first, one keyset page. */
export function listAudit(db: Db, scope: Scope, filter: { action?: string; before?: string; limit: number }) {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'user_id', 'username', 'action', 'unit_path', 'target', 'detail', 'ip'])
    .where(scope.where('unit_path', 'audit.read'));
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.before) q = q.where('id', '<', filter.before);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
