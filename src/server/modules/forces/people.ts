import type { Permission } from '../../../domain/access/roles';
import {
  checkPerson,
  type PersonDraft,
  type PersonInput,
  type PersonValue,
} from '../../../domain/forces/person';
import type { Availability, Skill } from '../../../domain/forces/schedule';
import { type MessageKey, translate } from '../../../domain/i18n/messages';
import { parseSearchText } from '../../../domain/ledger/searchText';
import { shownBirth } from '../../../domain/privacy/birth';
import { remaskIdNumber } from '../../../domain/validators/idNumber';
import { validatePhone } from '../../../domain/validators/phone';
import type { Db } from '../../db/connection';
import { retrying, transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { platformNow, platformToday } from '../../platform/clock';
import { AppError, type FieldError, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import * as access from '../access/service';
import * as ledger from '../ledger/service';
import { unitInScope } from '../org/service';
import {
  insertPerson,
  lostContactRace,
  nameColumns,
  personIdIndex,
  personPhoneIndex,
  sealContact,
} from './personRecord';
import * as q from './queries';

// The registry of people who serve (人员名册): sent-down cadres, party members reporting to their
// community, volunteers. Read and changed in the user's scope; phones and ID numbers sealed, shown masked,
// revealed with pii.reveal and audited; a person who leaves is kept (status 'left'), with the history.

registerPlaceColumn({ table: 'people', column: 'unit_path', what: 'what.forces' });
registerPlaceColumn({ table: 'person_records', column: 'unit_path', what: 'what.forces' });

/** A day as a local Date (checkPerson refuses dates after the platform's day, given so). */
export function dayDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/** A validation (400) or conflict (409) error naming fields, in the caller's language. */
export function fieldErrors(
  errors: { field: string; message: string }[],
  code: 'validation' | 'conflict' = 'validation',
) {
  const fields: FieldError[] = errors.map((e) => ({ path: e.field, message: e.message }));
  return new AppError(
    code,
    'error.validation',
    { detail: fields.map((f) => `${f.path}: ${f.message}`).join('; ') },
    fields,
  );
}

export function fieldError(
  actor: Pick<Actor, 'locale'>,
  field: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
  code: 'validation' | 'conflict' = 'validation',
) {
  return fieldErrors([{ field, message: translate(actor.locale, key, params) }], code);
}

/** A person as `scope` sees them: the birth date whole only with pii.reveal where they serve, else the year. */
export function toPerson(r: q.PersonRow, scope: Scope) {
  return {
    id: r.id,
    unit: { code: r.unit_code, name: r.unit_name },
    name: r.name,
    sex: r.sex,
    ...shownBirth(r.birth_date, scope.allows('pii.reveal', r.unit_path)),
    phoneMasked: r.phone_masked,
    idMasked: remaskIdNumber(r.id_masked),
    isCadre: r.is_cadre,
    isPartyMember: r.is_party_member,
    isVolunteer: r.is_volunteer,
    homeWorkUnit: r.home_work_unit,
    sentDownOn: r.sent_down_on,
    partyBranch: r.party_branch,
    reportedOn: r.reported_on,
    skills: r.skills as Skill[],
    availability: (r.availability ?? {}) as Availability,
    residentKey: r.resident_key,
    user: r.user_id ? { id: r.user_id, username: r.username } : null,
    status: r.status,
    notes: r.notes,
  };
}
export type PersonView = ReturnType<typeof toPerson>;

/** A person the scope allows `permission` on; 404 for anything else (no existence leak). */
export async function personInScope(db: Db, scope: Scope, id: string, permission: Permission) {
  const row = await q.findPerson(db, id);
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}

/**
 * A person named in a request about something else (a group's member, a unit's 包保): one the actor may
 * manage, active. Anything else is the field's fault (400 naming it), not the request's object.
 */
export async function personForAssignment(db: Db, actor: Actor, id: string, field = 'personId') {
  const row = /^\d{1,18}$/.test(id) ? await q.findPerson(db, id) : undefined;
  if (!row || !actor.scope.allows('forces.manage', row.unit_path))
    throw fieldError(actor, field, 'forces.person_unknown');
  if (row.status !== 'active') throw fieldError(actor, field, 'forces.person_left');
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Listing

export interface ListPeopleQuery {
  unit?: string;
  standing?: 'cadre' | 'party_member' | 'volunteer';
  skill?: string;
  status?: 'active' | 'left' | 'all';
  q?: string;
  after?: string;
  limit: number;
}

/**
 * The search box: a whole ID number (pasted from a list) or phone, the last 4 digits of a phone (or ID
 * number), pinyin (full: zhoumingde, or initials: zmd), or part of a name.
 */
function searchOf(services: Services, text: string | undefined): q.PeopleFilter['search'] {
  const s = text?.trim();
  if (!s) return undefined;
  const term = parseSearchText(s);
  if (term?.kind === 'idNumber') return { idHmac: personIdIndex(services.protector, term.idNumber) };
  if (term?.kind === 'pinyin') return { pinyin: term.letters };
  if (/^\d{4}$/.test(s)) return { phoneTail: s, idTail: s };
  if (/^\d{3}[Xx]$/.test(s)) return { idTail: s.toUpperCase() };
  const phone = validatePhone(s);
  if (phone.ok) return { phoneHmac: personPhoneIndex(services.protector, phone.value) };
  return { name: s };
}

export async function filterOf(
  services: Services,
  scope: Scope,
  query: Omit<ListPeopleQuery, 'after' | 'limit'>,
) {
  const root = query.unit
    ? (await unitInScope(services.db, scope, query.unit, 'forces.read')).path
    : undefined;
  return {
    root,
    standing: query.standing,
    skill: query.skill,
    status: query.status ?? 'active',
    search: searchOf(services, query.q),
  } satisfies q.PeopleFilter;
}

export async function listPeople(services: Services, scope: Scope, query: ListPeopleQuery) {
  const filter = await filterOf(services, scope, query);
  const cursor = query.after ? parseCursor(query.after) : undefined;
  const rows = await q.listPeople(services.db, scope, filter, cursor, query.limit + 1);
  const items = rows.slice(0, query.limit).map((r) => toPerson(r, scope));
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return { items, next: last ? `${last.unit_path}~${last.id}` : null };
}

function parseCursor(s: string): { path: string; id: string } | undefined {
  const m = /^([0-9A-Z.]{2,200})~(\d{1,18})$/.exec(s);
  return m ? { path: m[1], id: m[2] } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Detail

export async function getPerson(services: Services, scope: Scope, id: string) {
  const row = await personInScope(services.db, scope, id, 'forces.read');
  const [trainings, records, groups, responsibilities, duty] = await Promise.all([
    q.trainingsOf(services.db, id),
    q.recordsOf(services.db, id),
    q.membershipsOf(services.db, id),
    q.responsibilitiesOfPerson(services.db, id),
    q.dutyStats(services.db, id, platformNow(services.config)),
  ]);
  return {
    ...toPerson(row, scope),
    trainings: trainings.map((t) => ({
      id: t.id,
      training: t.training,
      passedOn: t.passed_on,
      signedBy: t.signed_by,
    })),
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      onDate: r.on_date,
      title: r.title,
      evidence: r.evidence,
      status: r.status,
      createdBy: r.created_by,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
    })),
    groups: groups.map((g) => ({
      groupId: g.group_id,
      name: g.name,
      kind: g.kind,
      role: g.role,
      joinedOn: g.joined_on,
      leftOn: g.left_on,
      dissolvedOn: g.dissolved_on,
    })),
    responsibilities: responsibilities.map((r) => ({
      id: r.id,
      duty: r.duty,
      since: r.since,
      until: r.until,
      unit: { code: r.unit_code, name: r.unit_name, kind: r.unit_kind },
    })),
    duty,
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

/**
 * "Already in the registry": with the other person's name when the actor may see them, else without it
 * (a name out of scope is not told).
 */
export function takenMessage(
  actor: Actor,
  field: 'phone' | 'idNumber',
  other: { name: string; unit_path: string },
): string {
  const visible = actor.scope.allows('forces.read', other.unit_path);
  if (field === 'phone')
    return visible
      ? translate(actor.locale, 'forces.phone_taken', { name: other.name })
      : translate(actor.locale, 'forces.phone_taken_elsewhere');
  return visible
    ? translate(actor.locale, 'forces.id_taken', { name: other.name })
    : translate(actor.locale, 'forces.id_taken_elsewhere');
}

/** Refuses a phone or ID number another active person of the registry has (409 naming the field). */
async function assertContactFree(services: Services, actor: Actor, v: PersonValue, except?: string) {
  const phoneHmac = v.phone ? personPhoneIndex(services.protector, v.phone) : undefined;
  const idHmac = v.idNumber ? personIdIndex(services.protector, v.idNumber) : undefined;
  const taken = await q.peopleWithContact(
    services.db,
    { phoneHmacs: phoneHmac ? [phoneHmac] : [], idHmacs: idHmac ? [idHmac] : [] },
    except,
  );
  const errors: { field: string; message: string }[] = [];
  const byId = idHmac && taken.find((t) => t.id_hmac?.equals(idHmac));
  const byPhone = phoneHmac && taken.find((t) => t.phone_hmac?.equals(phoneHmac));
  if (byId) errors.push({ field: 'idNumber', message: takenMessage(actor, 'idNumber', byId) });
  if (byPhone) errors.push({ field: 'phone', message: takenMessage(actor, 'phone', byPhone) });
  if (errors.length) throw fieldErrors(errors, 'conflict');
}

function checked(services: Services, actor: Actor, draft: PersonDraft): PersonValue {
  const r = checkPerson(draft, actor.locale, dayDate(platformToday(services.config)));
  if (!r.ok) throw fieldErrors(r.errors);
  return r.value;
}

async function residentKeyOf(services: Services, actor: Actor, key: string | null) {
  if (!key) return null;
  try {
    await ledger.residentInScope(services.db, actor.scope, key, 'ledger.read');
    return key;
  } catch {
    throw fieldError(actor, 'residentKey', 'forces.resident_unknown');
  }
}

export async function publishForces(
  services: Services,
  db: Db,
  unitPath: string,
  data: Record<string, unknown>,
) {
  await services.events.publish(db, { type: 'forces.changed', unitPath, permission: 'forces.read', data });
}

/** Registers a person in a unit of the actor's scope (checked again when another request took the phone first). */
export function createPerson(services: Services, actor: Actor, input: PersonInput) {
  return retrying(() => createPersonOnce(services, actor, input), { alsoRetry: lostContactRace });
}

async function createPersonOnce(services: Services, actor: Actor, input: PersonInput) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'forces.manage');
  const v = checked(services, actor, input);
  await assertContactFree(services, actor, v);
  const residentKey = await residentKeyOf(services, actor, v.residentKey);
  const id = await transaction(services.db, async (tx) => {
    const id = await insertPerson(tx, services.protector, {
      ...v,
      residentKey,
      unitId: unit.id,
      unitPath: unit.path,
    });
    await publishForces(services, tx, unit.path, { person: id });
    return id;
  });
  return toPerson((await q.findPerson(services.db, id)) as q.PersonRow, actor.scope);
}

/** Changes a person: the fields given; the rest kept (the sealed phone and ID number too). */
export function updatePerson(services: Services, actor: Actor, id: string, patch: Partial<PersonInput>) {
  return retrying(() => updatePersonOnce(services, actor, id, patch), { alsoRetry: lostContactRace });
}

async function updatePersonOnce(services: Services, actor: Actor, id: string, patch: Partial<PersonInput>) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  const sealed = await q.sealedPerson(services.db, id);
  const open = (b: Buffer | null | undefined) => (b ? services.protector.decrypt(b) : null);
  const draft: PersonDraft = {
    unitCode: row.unit_code,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    phone: open(sealed?.phone_enc),
    idNumber: open(sealed?.id_enc),
    isCadre: row.is_cadre,
    isPartyMember: row.is_party_member,
    isVolunteer: row.is_volunteer,
    homeWorkUnit: row.home_work_unit,
    sentDownOn: row.sent_down_on,
    partyBranch: row.party_branch,
    reportedOn: row.reported_on,
    skills: row.skills,
    availability: (row.availability ?? {}) as Availability,
    residentKey: row.resident_key,
    notes: row.notes,
    ...patch,
  };
  // a new ID number gives its own sex and birth date unless they are given too
  if (patch.idNumber !== undefined && patch.sex === undefined) draft.sex = null;
  if (patch.idNumber !== undefined && patch.birthDate === undefined) draft.birthDate = null;
  const v = checked(services, actor, draft);
  const unit =
    v.unitCode === row.unit_code
      ? { id: row.unit_id, path: row.unit_path }
      : await unitInScope(services.db, actor.scope, v.unitCode, 'forces.manage');
  await assertContactFree(services, actor, v, id);
  const residentKey =
    v.residentKey === row.resident_key ? v.residentKey : await residentKeyOf(services, actor, v.residentKey);
  await transaction(services.db, async (tx) => {
    await tx
      .updateTable('people')
      .set({
        unit_id: unit.id,
        unit_path: unit.path,
        ...nameColumns(v.name),
        sex: v.sex,
        birth_date: v.birthDate,
        ...sealContact(services.protector, v.phone, v.idNumber),
        is_cadre: v.isCadre,
        is_party_member: v.isPartyMember,
        is_volunteer: v.isVolunteer,
        home_work_unit: v.homeWorkUnit,
        sent_down_on: v.sentDownOn,
        party_branch: v.partyBranch,
        reported_on: v.reportedOn,
        skills: v.skills,
        availability: JSON.stringify(v.availability),
        resident_key: residentKey,
        notes: v.notes,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await publishForces(services, tx, unit.path, { person: id });
  });
  return toPerson((await q.findPerson(services.db, id)) as q.PersonRow, actor.scope);
}

/**
 * A person leaves (returns to their unit, stops volunteering): kept on record with status 'left'; their
 * current memberships and 包保 end on that day, so that no unit shows someone who is gone.
 */
export async function leavePerson(services: Services, actor: Actor, id: string, input: { on?: string }) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  const on = input.on ?? platformToday(services.config);
  await transaction(services.db, async (tx) => {
    await tx
      .updateTable('people')
      .set({ status: 'left', updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await tx
      .updateTable('force_group_members')
      .set({ left_on: on })
      .where('person_id', '=', id)
      .where('left_on', 'is', null)
      .execute();
    await tx
      .updateTable('responsibilities')
      .set({ until: on, ended_by: actor.userId })
      .where('person_id', '=', id)
      .where('until', 'is', null)
      .execute();
    await publishForces(services, tx, row.unit_path, { person: id });
  });
  return toPerson((await q.findPerson(services.db, id)) as q.PersonRow, actor.scope);
}

/** The full phone or ID number of a person: needs pii.reveal where the person serves; audited. */
export async function revealPerson(
  services: Services,
  actor: Actor,
  id: string,
  field: 'phone' | 'idNumber',
) {
  const sealed = /^\d{1,18}$/.test(id) ? await q.sealedPerson(services.db, id) : undefined;
  if (!sealed) throw notFound();
  actor.scope.check('forces.read', sealed.unit_path);
  if (!actor.scope.allows('pii.reveal', sealed.unit_path)) throw new AppError('forbidden', 'error.forbidden');
  const value = field === 'phone' ? sealed.phone_enc : sealed.id_enc;
  await auditAs(services.db, actor, 'pii.revealed', {
    unitPath: sealed.unit_path,
    target: `person:${id}`,
    detail: { field },
  });
  return { value: value ? services.protector.decrypt(value) : null };
}

/** Training passed (上岗培训), signed off by the actor. */
export async function addTraining(
  services: Services,
  actor: Actor,
  id: string,
  input: { training: string; passedOn?: string },
) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  const passedOn = input.passedOn ?? platformToday(services.config);
  if (passedOn > platformToday(services.config)) throw fieldError(actor, 'passedOn', 'forces.date_future');
  const t = await transaction(services.db, async (tx) => {
    const t = await tx
      .insertInto('person_trainings')
      .values({
        person_id: id,
        training: input.training.trim(),
        passed_on: passedOn,
        signed_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await publishForces(services, tx, row.unit_path, { person: id });
    return t;
  });
  return { id: t.id, training: input.training.trim(), passedOn };
}

/** Matches the person to the ledger's resident with the same ID number (in the actor's scope). */
export async function linkResident(services: Services, actor: Actor, id: string) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  const sealed = await q.sealedPerson(services.db, id);
  if (!sealed?.id_enc) throw fieldError(actor, 'idNumber', 'forces.no_id_number');
  const resident = await ledger.residentByIdNumber(
    services,
    actor.scope,
    services.protector.decrypt(sealed.id_enc),
  );
  await transaction(services.db, async (tx) => {
    await tx
      .updateTable('people')
      .set({ resident_key: resident?.key ?? null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await publishForces(services, tx, row.unit_path, { person: id });
  });
  return { residentKey: resident?.key ?? null, householdKey: resident?.householdKey ?? null };
}

/** Links the person to the user they log in as (or unlinks with null): their shifts on the phone. */
export async function linkUser(services: Services, actor: Actor, id: string, userId: string | null) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  if (userId) {
    try {
      await access.getUser(services.db, actor.scope, userId);
    } catch {
      throw fieldError(actor, 'userId', 'forces.user_unknown');
    }
    const other = await services.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('user_id', '=', userId)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (other) throw fieldError(actor, 'userId', 'forces.user_taken', { name: other.name }, 'conflict');
  }
  await transaction(services.db, async (tx) => {
    await tx
      .updateTable('people')
      .set({ user_id: userId, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await publishForces(services, tx, row.unit_path, { person: id });
  });
  return toPerson((await q.findPerson(services.db, id)) as q.PersonRow, actor.scope);
}

// ---------------------------------------------------------------------------------------------------
// Records: 入党申请书, 表彰, 两个名单

export type RecordKind = 'party_application' | 'commendation' | 'outstanding' | 'underperforming';

/**
 * A record of a person. A proposal for one of the two lists carries its evidence: duty hours, shifts
 * served and missed (from the roster), and the tasks the proposer names.
 */
export async function addRecord(
  services: Services,
  actor: Actor,
  id: string,
  input: { kind: RecordKind; onDate?: string; title: string; tasks?: string[]; note?: string },
) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  const onDate = input.onDate ?? platformToday(services.config);
  if (onDate > platformToday(services.config)) throw fieldError(actor, 'onDate', 'forces.date_future');
  const twoLists = input.kind === 'outstanding' || input.kind === 'underperforming';
  const evidence = {
    ...(twoLists ? { duty: await q.dutyStats(services.db, id, platformNow(services.config)) } : {}),
    ...(input.tasks?.length ? { tasks: input.tasks.map((t) => t.trim()).filter(Boolean) } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  };
  const status = input.kind === 'party_application' || twoLists ? 'proposed' : 'approved';
  const rec = await transaction(services.db, async (tx) => {
    const rec = await tx
      .insertInto('person_records')
      .values({
        person_id: id,
        unit_path: row.unit_path,
        kind: input.kind,
        on_date: onDate,
        title: input.title.trim(),
        evidence: JSON.stringify(evidence),
        status,
        created_by: actor.userId,
        ...(status === 'approved' ? { decided_by: actor.userId, decided_at: new Date() } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await publishForces(services, tx, row.unit_path, { person: id });
    return rec;
  });
  return { id: rec.id, kind: input.kind, onDate, title: input.title.trim(), evidence, status };
}

/** Approves or rejects a proposed record, with who and when. */
export async function decideRecord(
  services: Services,
  actor: Actor,
  id: string,
  input: { recordId: string; decision: 'approved' | 'rejected' },
) {
  const row = await personInScope(services.db, actor.scope, id, 'forces.manage');
  const rec = /^\d{1,18}$/.test(input.recordId)
    ? await services.db
        .selectFrom('person_records')
        .select(['id', 'status'])
        .where('id', '=', input.recordId)
        .where('person_id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!rec) throw fieldError(actor, 'recordId', 'forces.record_unknown');
  if (rec.status !== 'proposed') throw fieldError(actor, 'recordId', 'forces.record_decided', {}, 'conflict');
  await transaction(services.db, async (tx) => {
    await tx
      .updateTable('person_records')
      .set({ status: input.decision, decided_by: actor.userId, decided_at: new Date() })
      .where('id', '=', rec.id)
      .execute();
    await publishForces(services, tx, row.unit_path, { person: id });
  });
  return { id: rec.id, status: input.decision };
}
