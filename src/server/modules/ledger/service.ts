import type { Permission } from '../../../domain/access/roles';
import type { Locale } from '../../../domain/i18n/messages';
import { translate } from '../../../domain/i18n/messages';
import type { HouseholdColour } from '../../../domain/ledger/colours';
import {
  parseRecordKey,
  recordKey,
  type StoredFacts,
  summariseHousehold,
} from '../../../domain/ledger/household';
import { MARKERS, type Marker } from '../../../domain/ledger/markers';
import { checkResidentForm, type ResidentForm } from '../../../domain/ledger/residentForm';
import type { ResidentRecord } from '../../../domain/ledger/sheet/validateRow';
import { validatePhone } from '../../../domain/validators/phone';
import { nextIds } from '../../db/bulk';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError, type FieldError, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { type LedgerDay, ledgerDay } from './policy';
import { idNumberIndex, phoneIndex } from './protect';
import * as q from './queries';
import { householdRow, residentRow } from './rows';
import { refreshHouseholds, type Who } from './summary';

// Households and residents: the ledger's records, read in the user's scope, changed with history.

registerPlaceColumn({ table: 'households', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'households', column: 'community_path', what: 'what.households' });
registerPlaceColumn({ table: 'residents', column: 'unit_path', what: 'what.households' });

/** The kinds of unit a household may stand in: a building, or a courtyard, grid or village for bungalows. */
const HOUSEHOLD_PLACES = new Set(['village', 'grid', 'courtyard', 'building']);

// ---------------------------------------------------------------------------------------------------
// Views

export function toHousehold(h: q.HouseholdRow) {
  return {
    key: recordKey(h.region_code, h.id),
    unit: { code: h.unit_code, name: h.unit_name, kind: h.unit_kind },
    entrance: h.entrance,
    door: h.door,
    floor: h.floor,
    colour: h.colour as HouseholdColour,
    derivedColour: h.derived_colour as HouseholdColour,
    reasons: h.colour_reasons as unknown[],
    override: h.override_colour
      ? { colour: h.override_colour as HouseholdColour, reason: h.override_reason ?? '', at: h.override_at }
      : null,
    residentCount: h.resident_count,
    markers: Object.fromEntries(MARKERS.map((m) => [m, h[m]])) as Record<Marker, number>,
    status: h.status,
  };
}
export type HouseholdView = ReturnType<typeof toHousehold>;

export function toResident(r: q.ResidentRow) {
  return {
    key: recordKey(r.region_code, r.id),
    householdKey: recordKey(r.region_code, r.household_id),
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    idType: r.id_type,
    idMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    relation: r.relation,
    relationText: r.relation_text,
    workUnit: r.work_unit,
    notes: r.notes,
    tags: r.tags,
    markers: r.markers,
    status: r.status,
    facts: r.facts as StoredFacts,
  };
}
export type ResidentView = ReturnType<typeof toResident>;

// ---------------------------------------------------------------------------------------------------
// Reading

/** A household the actor may act on with `permission`; 404 for anything else (no existence leak). */
export async function householdInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const row = k ? await q.findHousehold(db, k.regionCode, k.id) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}

export async function residentInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const row = k ? await q.findResident(db, k.regionCode, k.id) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}

/** Residents of the given households (one region each), grouped by household key. */
export async function residentsByHousehold(db: Db, households: readonly q.HouseholdRow[]) {
  const byRegion = new Map<string, string[]>();
  for (const h of households) byRegion.set(h.region_code, [...(byRegion.get(h.region_code) ?? []), h.id]);
  const out = new Map<string, ResidentView[]>();
  for (const [region, ids] of byRegion) {
    for (const r of await q.residentsOf(db, region, ids)) {
      const v = toResident(r);
      out.set(v.householdKey, [...(out.get(v.householdKey) ?? []), v]);
    }
  }
  return out;
}

export async function getHousehold(db: Db, scope: Scope, key: string) {
  const h = await householdInScope(db, scope, key, 'ledger.read');
  const residents = await q.residentsOf(db, h.region_code, [h.id]);
  const history = await q.historyOf(db, h.region_code, h.id, 200);
  const unit = await unitInScope(db, scope, h.unit_code, 'org.read').catch(() => undefined);
  return {
    ...toHousehold(h),
    unitPath: unit?.path,
    residents: residents.map(toResident),
    history: history.map((e) => ({
      at: e.at,
      actor: e.actor_name,
      kind: e.kind,
      from: e.from_colour,
      to: e.to_colour,
      reason: e.reason,
      residentKey: e.resident_id ? recordKey(h.region_code, e.resident_id) : null,
      detail: e.detail,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

function formErrors(errors: { field: string; message: string }[], prefix = ''): AppError {
  const fields: FieldError[] = errors.map((e) => ({ path: `${prefix}${e.field}`, message: e.message }));
  return new AppError(
    'validation',
    'error.validation',
    { detail: fields.map((f) => `${f.path}: ${f.message}`).join('; ') },
    fields,
  );
}

function conflict(
  locale: Locale,
  key: Parameters<typeof translate>[1],
  params: Record<string, string>,
  path: string,
) {
  return new AppError('conflict', key, params, [{ path, message: translate(locale, key, params) }]);
}

/** Checks residents typed into a form and that their ID numbers are not already in the ledger. */
export async function checkResidents(
  services: Services,
  actor: Actor,
  forms: readonly ResidentForm[],
  prefix: string,
) {
  const records: ResidentRecord[] = [];
  const errors: { field: string; message: string }[] = [];
  forms.forEach((f, i) => {
    const r = checkResidentForm(f, actor.locale);
    if (r.ok) records.push(r.record);
    else for (const e of r.errors) errors.push({ field: `${prefix}${i}.${e.field}`, message: e.message });
  });
  if (errors.length) throw formErrors(errors);
  const ids = records
    .filter((r) => r.idNumber)
    .map((r) => idNumberIndex(services.protector, r.idNumber as string));
  const taken = await q.livingIdHmacs(services.db, ids);
  records.forEach((r, i) => {
    if (r.idNumber && taken.has(idNumberIndex(services.protector, r.idNumber).toString('hex'))) {
      errors.push({
        field: `${prefix}${i}.idNumber`,
        message: translate(actor.locale, 'error.id_in_ledger'),
      });
    }
  });
  if (errors.length)
    throw new AppError(
      'conflict',
      'error.id_in_ledger',
      {},
      errors.map((e) => ({ path: e.field, message: e.message })),
    );
  return records;
}

function whoOf(actor: Actor): Who {
  return { actorId: actor.userId, actorName: actor.username };
}

async function publishChange(services: Services, tx: Db, unitPath: string, data: Record<string, unknown>) {
  await services.events.publish(tx, { type: 'ledger.changed', unitPath, data });
}

export interface NewHouseholdInput {
  unitCode: string;
  entrance?: string;
  door: string;
  residents?: ResidentForm[];
}

/** A new household at a door, with its residents (or none: an empty household, white). */
export async function createHousehold(services: Services, actor: Actor, input: NewHouseholdInput) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'ledger.write');
  if (!HOUSEHOLD_PLACES.has(unit.kind) || !unit.region_code) {
    throw conflict(actor.locale, 'error.household_place', { name: unit.name }, 'unitCode');
  }
  const records = await checkResidents(services, actor, input.residents ?? [], 'residents.');
  const day = await ledgerDay(services);
  const entrance = (input.entrance ?? '').trim();
  const door = input.door.trim();
  const regionCode = unit.region_code;
  return services.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('households')
      .select('id')
      .where('region_code', '=', regionCode)
      .where('unit_id', '=', unit.id)
      .where('entrance', '=', entrance)
      .where('door', '=', door)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (taken && door !== '') throw conflict(actor.locale, 'error.door_taken', { door }, 'door');
    const [id] = await nextIds(tx, 'households', 1);
    const summary = summariseHousehold(
      records.map((r) => ({ status: 'present', markers: r.markers, facts: {} })),
      day.policy,
      day.today,
    );
    const place = {
      regionCode,
      unitId: unit.id,
      unitPath: unit.path,
      communityPath: communityPathOf(unit.path),
    };
    await q.insertRows(tx, 'households', q.HOUSEHOLD_LOAD_COLUMNS, [
      householdRow({ ...place, id, entrance, door, summary }),
    ]);
    const residentIds = await nextIds(tx, 'residents', records.length);
    await q.insertRows(
      tx,
      'residents',
      q.RESIDENT_LOAD_COLUMNS,
      records.map((r, i) => residentRow(services.protector, place, residentIds[i], id, r)),
    );
    await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
      [
        regionCode,
        id,
        null,
        actor.userId,
        actor.username,
        'created',
        null,
        summary.derived.colour,
        null,
        JSON.stringify({ residents: records.length }),
      ],
    ]);
    await publishChange(services, tx, unit.path, { household: recordKey(regionCode, id) });
    return recordKey(regionCode, id);
  });
}

/** The community (社区/村) of a path: its first five labels (province.city.county.town.village). */
export function communityPathOf(path: string): string {
  return path.split('.').slice(0, 5).join('.');
}

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
  return services.db.transaction().execute(async (tx) => {
    const [key] = await moveIn(tx, services, actor, h, records);
    await refreshHouseholds(tx, day, h.region_code, [h.id], whoOf(actor), 'moved_in');
    await publishChange(services, tx, h.unit_path, { household: householdKey });
    return key;
  });
}

/** Residents (checked by checkResidents) move into a household, in the caller's transaction; history rows. */
export async function moveIn(
  tx: Db,
  services: Services,
  actor: Actor,
  h: { region_code: string; id: string; unit_path: string },
  records: readonly ResidentRecord[],
): Promise<string[]> {
  const ids = await nextIds(tx, 'residents', records.length);
  const place = { regionCode: h.region_code, unitPath: h.unit_path };
  await q.insertRows(
    tx,
    'residents',
    q.RESIDENT_LOAD_COLUMNS,
    records.map((r, i) => residentRow(services.protector, place, ids[i], h.id, r)),
  );
  for (const [i, r] of records.entries())
    await history(tx, actor, h, ids[i], 'moved_in', null, { name: r.name });
  return ids.map((id) => recordKey(h.region_code, id));
}

function history(
  tx: Db,
  actor: Actor,
  h: { region_code: string; id: string },
  residentId: string | null,
  kind: string,
  reason: string | null,
  detail: Record<string, unknown>,
) {
  return q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
    [
      h.region_code,
      h.id,
      residentId,
      actor.userId,
      actor.username,
      kind,
      null,
      null,
      reason,
      JSON.stringify(detail),
    ],
  ]);
}

/** Changes a resident's details (the fields given); history names the fields changed, never the values. */
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
export async function splitHousehold(
  services: Services,
  actor: Actor,
  key: string,
  input: { residentKeys: string[]; unitCode?: string; entrance?: string; door: string; reason?: string },
) {
  const h = await householdInScope(services.db, actor.scope, key, 'ledger.write');
  const ids = input.residentKeys.map((k) => parseRecordKey(k));
  const members = await q.residentsOf(services.db, h.region_code, [h.id]);
  const moving = members.filter((m) => ids.some((k) => k?.regionCode === m.region_code && k.id === m.id));
  if (moving.length === 0 || moving.length !== input.residentKeys.length) {
    throw conflict(actor.locale, 'error.split_residents', {}, 'residentKeys');
  }
  const target = await createHousehold(services, actor, {
    unitCode: input.unitCode ?? h.unit_code,
    entrance: input.entrance ?? h.entrance,
    door: input.door,
  });
  const t = parseRecordKey(target) as { regionCode: string; id: string };
  const targetRow = await householdInScope(services.db, actor.scope, target, 'ledger.write');
  const day = await ledgerDay(services);
  await services.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('residents')
      .set({
        household_id: t.id,
        region_code: t.regionCode,
        unit_path: targetRow.unit_path,
        updated_at: new Date(),
      })
      .where('region_code', '=', h.region_code)
      .where(
        'id',
        'in',
        moving.map((m) => m.id),
      )
      .execute();
    await tx
      .updateTable('households')
      .set({ split_from: h.id })
      .where('region_code', '=', t.regionCode)
      .where('id', '=', t.id)
      .execute();
    for (const m of moving) {
      await history(tx, actor, h, m.id, 'split_out', input.reason?.trim() || null, {
        name: m.name,
        to: target,
      });
      await history(tx, actor, targetRow, m.id, 'split_in', input.reason?.trim() || null, {
        name: m.name,
        from: key,
      });
    }
    await refreshHouseholds(tx, day, h.region_code, [h.id], whoOf(actor), 'split');
    await refreshHouseholds(tx, day, t.regionCode, [t.id], whoOf(actor), 'split');
    await publishChange(services, tx, h.unit_path, { household: key });
  });
  return target;
}

/** Sets the colour by hand, with the mandatory reason; null clears the override (the rules decide again). */
export async function setColourOverride(
  services: Services,
  actor: Actor,
  key: string,
  input: { colour: HouseholdColour | null; reason: string },
) {
  const h = await householdInScope(services.db, actor.scope, key, 'ledger.write');
  const reason = input.reason.trim();
  if (reason === '') {
    throw new AppError('validation', 'error.override_reason', {}, [
      { path: 'reason', message: translate(actor.locale, 'error.override_reason') },
    ]);
  }
  return services.db.transaction().execute(async (tx) => {
    const colour = input.colour ?? (h.derived_colour as HouseholdColour);
    await tx
      .updateTable('households')
      .set({
        override_colour: input.colour,
        override_reason: input.colour ? reason : null,
        override_by: input.colour ? actor.userId : null,
        override_at: input.colour ? new Date() : null,
        colour,
        updated_at: new Date(),
      })
      .where('region_code', '=', h.region_code)
      .where('id', '=', h.id)
      .execute();
    await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
      [
        h.region_code,
        h.id,
        null,
        actor.userId,
        actor.username,
        input.colour ? 'override' : 'override_cleared',
        h.colour,
        colour,
        reason,
        '{}',
      ],
    ]);
    await publishChange(services, tx, h.unit_path, { household: key, colour });
    return { colour };
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

/** Search words as the ledger understands them: digits are the end of an ID or a phone, latin letters initials. */
export function parseSearch(text: string, services: Services): q.LedgerFilter['search'] {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d{4}[\dXx]?$|^\d{3}[Xx]$/.test(s))
    return { idTail: s.slice(-4).toUpperCase(), phoneTail: s.slice(-4) };
  const phone = validatePhone(s);
  if (phone.ok)
    return { phone: { tail: phone.value.slice(-4), hmac: phoneIndex(services.protector, phone.value) } };
  if (/^[a-z]+$/i.test(s)) return { initials: s.toLowerCase() };
  return { name: s };
}

export type { LedgerDay };
