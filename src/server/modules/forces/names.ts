import type { Db } from '../../db/connection';
import type { Scope } from '../../platform/scope';
import * as q from './queries';

/** Names of people by id, for those the scope may see (others are left out): for the audit log. */
export async function personNames(db: Db, scope: Scope, ids: string[]): Promise<Map<string, string>> {
  const valid = ids.filter((id) => /^\d{1,18}$/.test(id));
  return new Map((await q.personNamesIn(db, scope, valid)).map((r) => [String(r.id), r.name]));
}
