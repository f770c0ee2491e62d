import type { IsolationPeriod } from '../../../domain/ledger/colour/facts';
import type { StoredFacts } from '../../../domain/ledger/household';
import { parseRecordKey } from '../../../domain/ledger/household';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { ledgerDay } from './policy';
import * as q from './queries';
import { history, publishChange, whoOf } from './records';
import { refreshHouseholds } from './summary';

// The isolation module's measures as facts of the ledger's residents (the isolation fact the colour
// rules reserve): a period per measure, keyed by the measure (`ref`), written or ended in the caller's
// transaction, with a history row and the household's colour recomputed (居家隔离 orange, 集中隔离 red
// by default; ended, the derived colour comes back).

/**
 * Sets the period of measure `ref` on a resident (replacing the one of the same ref; one that ends before
 * it begins is removed), in transaction `tx`. The caller has checked the resident is the key person's, in
 * its own scope.
 */
export async function setIsolationPeriod(
  tx: Db,
  services: Services,
  actor: Actor,
  residentKey: string,
  period: IsolationPeriod & { ref: string },
): Promise<{ colour: string | null }> {
  const k = parseRecordKey(residentKey);
  const r = k ? await q.findResident(tx, k.regionCode, k.id) : undefined;
  if (!r) throw notFound();
  const facts = (r.facts ?? {}) as StoredFacts;
  const before = (facts.isolation ?? []).find((p) => p.ref === period.ref);
  // a period that ended before it began (a measure ended on its first day) is no period at all
  const empty = period.from !== undefined && period.to !== undefined && period.to < period.from;
  const isolation = [
    ...(facts.isolation ?? []).filter((p) => p.ref !== period.ref),
    ...(empty ? [] : [period]),
  ];
  await tx
    .updateTable('residents')
    .set({ facts: JSON.stringify({ ...facts, isolation }), updated_at: new Date() })
    .where('region_code', '=', r.region_code)
    .where('id', '=', r.id)
    .execute();
  const h = { region_code: r.region_code, id: r.household_id };
  await history(tx, actor, h, r.id, 'isolation_updated', null, {
    name: r.name,
    before: before ?? null,
    after: empty ? null : period,
  });
  const day = await ledgerDay(services);
  await refreshHouseholds(tx, day, r.region_code, [r.household_id], whoOf(actor), 'isolation');
  await publishChange(services, tx, r.unit_path, { resident: residentKey });
  const { colour } = await tx
    .selectFrom('households')
    .select('colour')
    .where('region_code', '=', r.region_code)
    .where('id', '=', r.household_id)
    .executeTakeFirstOrThrow();
  return { colour };
}

/**
 * A resident of the caller's scope (isolation.read at its place) with the identity as sealed, for a key
 * person linked to them; 404 outside the scope or when unknown.
 */
export async function residentIdentity(db: Db, scope: Scope, residentKey: string) {
  const k = parseRecordKey(residentKey);
  const r = k ? await q.identityOf(db, k.regionCode, k.id) : undefined;
  if (!k || !r || !scope.allows('isolation.read', r.unit_path)) throw notFound();
  return { ...r, regionCode: k.regionCode, id: k.id, householdKey: `${k.regionCode}-${r.household_id}` };
}

/** The living residents with some ID numbers (by their blind indexes), for matching a list from above. */
export function residentsByIdHmacs(db: Db, hmacs: Buffer[]) {
  return q.livingByIdHmacs(db, hmacs);
}
