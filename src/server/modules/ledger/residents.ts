import { parseRecordKey } from '../../../domain/ledger/household';
import { checkResidentForm, type ResidentForm } from '../../../domain/ledger/residentForm';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
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
  publishChange,
  residentInScope,
  whoOf,
} from './records';
import { residentRow } from './rows';
import { refreshHouseholds } from './summary';

// Residents: moving in, details changed, away, moved out, deceased (kept on record with history),
// and the audited reveal of a full ID number or phone.

export async function addResident(
  services: Services,
  actor: Actor,
  householdKey: string,
  form: ResidentForm,
) {
  const h = await householdInScope(services.db, actor.scope, householdKey, 'ledger.write');
  const records = await checkResidents(services, actor, [form], 'residents.');
  const day = await ledgerDay(services);
  return services.db.transaction().execute(async (tx) => {
    const [key] = await moveIn(tx, services, actor, h, records);
    await refreshHouseholds(tx, day, h.region_code, [h.id], whoOf(actor), 'moved_in');
    await publishChange(services, tx, h.unit_path, { household: householdKey });
    return key;
  });
}

/** Residents (checked by checkResidents) move into a household, in the caller's transaction; history rows. */
export async function updateResident(
  services: Services,
  actor: Actor,
  key: string,
  patch: Partial<ResidentForm>,
) {
  const r = await residentInScope(services.db, actor.scope, key, 'ledger.write');
  const merged: ResidentForm = {
    name: patch.name ?? r.name,
    sex: patch.sex ?? r.sex ?? undefined,
    birthDate: patch.birthDate ?? r.birth_date ?? undefined,
    idType: patch.idType ?? r.id_type,
    idNumber: patch.idNumber,
    phone: patch.phone,
    relation: patch.relation ?? r.relation ?? undefined,
    workUnit: patch.workUnit ?? r.work_unit ?? undefined,
    notes: patch.notes ?? r.notes ?? undefined,
    markers: patch.markers ?? r.markers,
  };
  const checked = checkResidentForm(merged, actor.locale);
  if (!checked.ok) throw formErrors(checked.errors);
  const rec = checked.record;
  if (rec.idNumber) {
    const taken = await q.livingIdHmacs(services.db, [idNumberIndex(services.protector, rec.idNumber)]);
    const mine = await services.db
      .selectFrom('residents')
      .select('id_hmac')
      .where('region_code', '=', r.region_code)
      .where('id', '=', r.id)
      .executeTakeFirst();
    if (taken.size && !mine?.id_hmac?.equals(idNumberIndex(services.protector, rec.idNumber))) {
      throw conflict(actor.locale, 'error.id_in_ledger', {}, 'idNumber');
    }
  }
  const day = await ledgerDay(services);
  return services.db.transaction().execute(async (tx) => {
    const row = residentRow(
      services.protector,
      { regionCode: r.region_code, unitPath: r.unit_path },
      r.id,
      r.household_id,
      rec,
    );
    const set: Record<string, unknown> = {};
    q.RESIDENT_LOAD_COLUMNS.forEach((c, i) => {
      if (['region_code', 'id', 'household_id', 'unit_path', 'status', 'facts'].includes(c)) return;
      if (c.startsWith('id_') && patch.idNumber === undefined) return;
      if (c.startsWith('phone_') && patch.phone === undefined) return;
      set[c] = row[i];
    });
    await tx
      .updateTable('residents')
      .set({ ...set, updated_at: new Date() })
      .where('region_code', '=', r.region_code)
      .where('id', '=', r.id)
      .execute();
    await history(
      tx,
      actor,
      { region_code: r.region_code, id: r.household_id },
      r.id,
      'resident_updated',
      null,
      {
        fields: Object.keys(patch),
      },
    );
    await refreshHouseholds(tx, day, r.region_code, [r.household_id], whoOf(actor), 'resident_updated');
    await publishChange(services, tx, r.unit_path, { resident: key });
  });
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
  return services.db.transaction().execute(async (tx) => {
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

/**
 * A household splits (分户): the residents named move to a new household at another door (of the same
 * place, or of another place in scope). Both keep the history.
 */
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

/** Search words as the ledger understands them: digits are the end of an ID or a phone, latin letters initials. */
