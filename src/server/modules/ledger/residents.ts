import { stayAsRecorded, type TravelStay } from '../../../domain/ledger/colours';
import { parseRecordKey, type StoredFacts } from '../../../domain/ledger/household';
import { type ResidentSnapshot, residentChanges } from '../../../domain/ledger/residentChanges';
import { checkResidentForm, type ResidentForm } from '../../../domain/ledger/residentForm';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { checkStoredFacts } from './facts';
import { ledgerDay } from './policy';
import { idNumberIndex } from './protect';
import * as q from './queries';
import {
  checkResidents,
  conflict,
  formErrors,
  history,
  householdInScope,
  moveIn,
  namingTakenIds,
  publishChange,
  residentInScope,
  whoOf,
} from './records';
import { residentRow } from './rows';
import { refreshHouseholds } from './summary';

// Residents: moving in, details changed, away, moved out, deceased (kept on record with history),
// and the audited reveal of a full ID number or phone.

/** A resident moves in (or is registered late): history 'moved_in', the colour recomputed. */
export async function addResident(
  services: Services,
  actor: Actor,
  householdKey: string,
  form: ResidentForm,
) {
  const h = await householdInScope(services.db, actor.scope, householdKey, 'ledger.write');
  const records = await checkResidents(services, actor, [form], 'residents.');
  const day = await ledgerDay(services);
  return namingTakenIds(
    () =>
      transaction(services.db, async (tx) => {
        const [key] = await moveIn(tx, services, actor, h, records);
        await refreshHouseholds(tx, day, h.region_code, [h.id], whoOf(actor), 'moved_in');
        await publishChange(services, tx, h.unit_path, { household: householdKey });
        return key;
      }),
    () => checkResidents(services, actor, [form], 'residents.'),
  );
}

/**
 * Changes a resident's details (the fields given). The history records only what changed, before and
 * after (ID numbers and phones masked); an edit that changes nothing writes nothing.
 */
export async function updateResident(services: Services, actor: Actor, key: string, patch: ResidentPatch) {
  const r = await residentInScope(services.db, actor.scope, key, 'ledger.write');
  const keys = await q.blindIndexesOf(services.db, r.region_code, r.id);
  const merged: ResidentForm = {
    name: patch.name ?? r.name,
    sex: patch.sex ?? r.sex ?? undefined,
    birthDate: patch.birthDate ?? r.birth_date ?? undefined,
    idType: patch.idType ?? r.id_type,
    idNumber: patch.idNumber,
    phone: patch.phone,
    // a relation the ledger keeps in its own word (外甥) stays so unless another one is chosen
    relation:
      patch.relation === undefined || patch.relation === r.relation
        ? (r.relation_text ?? r.relation ?? undefined)
        : patch.relation,
    workUnit: patch.workUnit ?? r.work_unit ?? undefined,
    notes: patch.notes ?? r.notes ?? undefined,
    // the words of 人员类别 that are no marker (退役军人) are not on the form: they stay
    markers: [...(patch.markers ?? r.markers), ...r.tags],
  };
  const checked = checkResidentForm(merged, actor.locale);
  if (!checked.ok) throw formErrors(checked.errors);
  const rec = checked.record;
  const newIdHmac = rec.idNumber ? idNumberIndex(services.protector, rec.idNumber) : undefined;
  if (newIdHmac && !keys?.id_hmac?.equals(newIdHmac)) {
    const taken = await q.livingIdHmacs(services.db, [newIdHmac]);
    if (taken.size) throw conflict(actor.locale, 'error.id_in_ledger', {}, 'idNumber');
  }
  const row = residentRow(
    services.protector,
    { regionCode: r.region_code, unitPath: r.unit_path },
    r.id,
    r.household_id,
    rec,
  );
  const column = (c: (typeof q.RESIDENT_LOAD_COLUMNS)[number]) => row[q.RESIDENT_LOAD_COLUMNS.indexOf(c)];
  const sealed = (hmac: unknown, masked: unknown) =>
    Buffer.isBuffer(hmac) ? { key: hmac.toString('hex'), masked: String(masked) } : null;
  const before = snapshotOf(r, keys);
  const after: ResidentSnapshot = {
    ...rec,
    idNumber: patch.idNumber === undefined ? before.idNumber : sealed(column('id_hmac'), column('id_masked')),
    phone: patch.phone === undefined ? before.phone : sealed(column('phone_hmac'), column('phone_masked')),
  };
  const changes = residentChanges(before, after);
  const day = await ledgerDay(services);
  const travel = travelChange(actor, r.facts as StoredFacts, patch.travel, day.today);
  // nothing changed: nothing written, no history row
  if (changes.length === 0 && !travel) return;
  return transaction(services.db, async (tx) => {
    const set: Record<string, unknown> = {};
    q.RESIDENT_LOAD_COLUMNS.forEach((c, i) => {
      if (['region_code', 'id', 'household_id', 'unit_path', 'status', 'facts'].includes(c)) return;
      if (c.startsWith('id_') && c !== 'id_type' && patch.idNumber === undefined) return;
      if (c.startsWith('phone_') && patch.phone === undefined) return;
      set[c] = row[i];
    });
    if (travel) set.facts = JSON.stringify(travel.facts);
    await tx
      .updateTable('residents')
      .set({ ...set, updated_at: new Date() })
      .where('region_code', '=', r.region_code)
      .where('id', '=', r.id)
      .execute();
    const h = { region_code: r.region_code, id: r.household_id };
    // only what changed, before and after (ID numbers and phones masked)
    if (changes.length)
      await history(tx, actor, h, r.id, 'resident_updated', null, { name: rec.name, changes });
    if (travel)
      await history(tx, actor, h, r.id, 'travel_updated', null, {
        name: rec.name,
        before: travel.before,
        after: travel.facts.travel,
      });
    await refreshHouseholds(tx, day, r.region_code, [r.household_id], whoOf(actor), 'resident_updated');
    await publishChange(services, tx, r.unit_path, { resident: key });
  });
}

export type ResidentPatch = Partial<ResidentForm> & {
  /** the stays away from home as they should be (the whole list); absent: left as they are */
  travel?: TravelStay[];
};

/**
 * The resident's facts with the stays given, when they differ from those kept: checked (no stay after
 * the ledger's day), an undated one kept with the day it was recorded (stayAsRecorded), never dropped.
 */
function travelChange(actor: Actor, facts: StoredFacts, given: TravelStay[] | undefined, today: string) {
  if (given === undefined) return undefined;
  const before = facts.travel ?? [];
  const travel = given.map((s) => stayAsRecorded(s, today));
  const next: StoredFacts = { ...facts, travel };
  checkStoredFacts(actor.locale, next, '', today);
  const same = (a: readonly TravelStay[], b: readonly TravelStay[]) => {
    const text = (l: readonly TravelStay[]) =>
      JSON.stringify(l.map((x) => [x.placeCode, x.placeName, x.from, x.to, x.undated, x.recordedOn]));
    return text(a) === text(b);
  };
  return same(before, travel) ? undefined : { before, facts: next };
}

/** A resident's row as the history compares it (see residentChanges). */
function snapshotOf(
  r: q.ResidentRow,
  keys: { id_hmac: Buffer | null; phone_hmac: Buffer | null } | undefined,
): ResidentSnapshot {
  return {
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    idType: r.id_type,
    idNumber: keys?.id_hmac ? { key: keys.id_hmac.toString('hex'), masked: r.id_masked ?? '' } : null,
    phone: keys?.phone_hmac ? { key: keys.phone_hmac.toString('hex'), masked: r.phone_masked ?? '' } : null,
    relation: r.relation,
    relationText: r.relation_text,
    workUnit: r.work_unit,
    notes: r.notes,
    markers: r.markers,
    tags: r.tags,
  };
}

/** A resident leaves the household (moved out) or died: kept on record with the history, never deleted. */
export async function endResidence(
  services: Services,
  actor: Actor,
  key: string,
  input: { status: 'moved_out' | 'deceased' | 'away' | 'present'; date?: string; reason?: string },
) {
  const r = await residentInScope(services.db, actor.scope, key, 'ledger.write');
  const day = await ledgerDay(services);
  return transaction(services.db, async (tx) => {
    await tx
      .updateTable('residents')
      .set({ status: input.status, updated_at: new Date() })
      .where('region_code', '=', r.region_code)
      .where('id', '=', r.id)
      .execute();
    await history(
      tx,
      actor,
      { region_code: r.region_code, id: r.household_id },
      r.id,
      `resident_${input.status}`,
      input.reason?.trim() || null,
      {
        name: r.name,
        from: r.status,
        ...(input.date ? { date: input.date } : {}),
      },
    );
    await refreshHouseholds(
      tx,
      day,
      r.region_code,
      [r.household_id],
      whoOf(actor),
      `resident_${input.status}`,
    );
    await publishChange(services, tx, r.unit_path, { resident: key });
  });
}

/** The full ID number or phone of a resident: needs pii.reveal where the resident lives; audited. */
export async function revealResident(
  services: Services,
  actor: Actor,
  key: string,
  field: 'idNumber' | 'phone',
) {
  const k = parseRecordKey(key);
  const sealed = k ? await q.sealedOf(services.db, k.regionCode, k.id) : undefined;
  if (!sealed) throw notFound();
  actor.scope.check('ledger.read', sealed.unit_path);
  if (!actor.scope.allows('pii.reveal', sealed.unit_path)) throw new AppError('forbidden', 'error.forbidden');
  const value = field === 'idNumber' ? sealed.id_enc : sealed.phone_enc;
  await auditAs(services.db, actor, 'pii.revealed', {
    unitPath: sealed.unit_path,
    target: `resident:${key}`,
    detail: { field },
  });
  return { value: value ? services.protector.decrypt(value) : null };
}
