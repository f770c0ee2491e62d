import { auditRefs, splitRef } from '../../../domain/audit/refs';
import type { Db } from '../../db/connection';
import type { Scope } from '../../platform/scope';
import { userNames } from '../access/service';
import { personNames } from '../forces/names';
import { residentNames } from '../ledger/service';
import { placeNames } from '../org/service';
import { type AuditRow, listAudit } from './queries';

// The audit log as people read it: who did what to whom, by name. An entry keeps keys and codes
// ('user:10', { unit: '410105002008' }); a page of entries has them resolved to names with one query
// per kind of object, each through its module and within the reader's scope (a user, a resident or a
// person the reader may not see keeps no name; the page then says so without the key).

/** The names of every reference of some entries: 'user:10' → '李娜', 'unit:410105002008' → '省民航社区'. */
async function namesOf(db: Db, scope: Scope, rows: AuditRow[]) {
  const ids = new Map<string, Set<string>>();
  for (const r of rows) {
    for (const ref of auditRefs({ userId: r.user_id, target: r.target, detail: r.detail })) {
      const s = splitRef(ref);
      if (s) ids.set(s.kind, (ids.get(s.kind) ?? new Set()).add(s.id));
    }
  }
  const list = (kind: string) => [...(ids.get(kind) ?? [])];
  const [users, places, residents, people] = await Promise.all([
    userNames(
      db,
      scope,
      list('user').filter((id) => /^\d{1,18}$/.test(id)),
    ),
    placeNames(db, {
      codes: list('unit'),
      paths: [...new Set(rows.flatMap((r) => (r.unit_path ? [r.unit_path] : [])))],
      facilityIds: list('facility').filter((id) => /^\d{1,18}$/.test(id)),
    }),
    residentNames(db, scope, list('resident')),
    personNames(db, scope, list('person')),
  ]);
  const names = new Map<string, string>();
  for (const [id, u] of users) names.set(`user:${id}`, u.name);
  for (const [code, name] of places.units) names.set(`unit:${code}`, name);
  for (const [id, name] of places.facilities) names.set(`facility:${id}`, name);
  for (const [key, name] of residents) names.set(`resident:${key}`, name);
  for (const [id, name] of people) names.set(`person:${id}`, name);
  return { names, users, paths: places.paths };
}

/** One page of the audit log in the scope, newest first, with the names of what each entry refers to. */
export async function listAuditPage(
  db: Db,
  scope: Scope,
  query: { action?: string; after?: string; limit: number },
) {
  const rows = await listAudit(db, scope, {
    action: query.action,
    before: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const { names, users, paths } = await namesOf(db, scope, page);
  const items = page.map((r) => {
    const refs = auditRefs({ userId: r.user_id, target: r.target, detail: r.detail });
    const actor = r.user_id ? users.get(String(r.user_id)) : undefined;
    return {
      id: r.id,
      at: r.at,
      username: r.username,
      action: r.action,
      unitPath: r.unit_path,
      target: r.target,
      detail: r.detail,
      ip: r.ip,
      /** the actor's display name when the reader may see the actor, else null (username says who) */
      actorName: actor?.name ?? null,
      /** the name of the unit the entry is about */
      unitName: (r.unit_path && paths.get(r.unit_path)) ?? null,
      /** names of the references the reader may see: { 'user:10': '李娜', 'unit:410105002008': '省民航社区' } */
      names: Object.fromEntries(refs.flatMap((ref) => (names.has(ref) ? [[ref, names.get(ref)]] : []))),
    };
  });
  return { items, next: rows.length > query.limit ? items[items.length - 1].id : null };
}
