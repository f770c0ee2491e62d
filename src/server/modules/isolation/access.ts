import type { Permission } from '../../../domain/access/roles';
import { parseRecordKey } from '../../../domain/ledger/household';
import type { Db } from '../../db/connection';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import * as q from './queries';

// The scope-checked reads of the isolation module, in one place: a key person, a measure or a transfer
// is found by its key and answered only where the caller holds the permission at the key person's
// place; anything else is 404 (DESIGN rule 1).

export async function keyPersonInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const row = k ? await q.findKeyPerson(db, k.regionCode, k.id) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}

export async function measureInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const m = k ? await q.findMeasure(db, k.regionCode, k.id) : undefined;
  if (!m) throw notFound();
  const person = await q.findKeyPerson(db, m.region_code, m.key_person_id);
  if (!person) throw notFound();
  scope.check(permission, person.unit_path);
  return { measure: m, person };
}

export async function transferInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const t = k ? await q.findTransfer(db, k.regionCode, k.id) : undefined;
  if (!t) throw notFound();
  scope.check(permission, t.unit_path);
  return t;
}
