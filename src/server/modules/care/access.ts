import type { Permission } from '../../../domain/access/roles';
import { parseRecordKey } from '../../../domain/ledger/household';
import type { Db } from '../../db/connection';
import { notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import * as q from './queries';

// The scope-checked reads of the care module, in one place: a request is found by its key and answered
// only where the caller holds the permission at the household's place; anything else is 404 (DESIGN
// rule 1). The module's place columns are registered here, so that the tree moves them with a subtree.

registerPlaceColumn({ table: 'care_requests', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'care_requests', column: 'community_path', what: 'what.households' });
registerPlaceColumn({ table: 'care_links', column: 'unit_path', what: 'what.households' });

export async function requestInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const row = k ? await q.findRequest(db, k.regionCode, k.id) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}
