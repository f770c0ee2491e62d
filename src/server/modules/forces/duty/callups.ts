import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import {
  mayApprove,
  type PlaceCount,
  placeSignup,
  placesLeft,
  waitingCount,
  waitlistPosition,
} from '../../../../domain/forces/callupPlaces';
import { ageOn } from '../../../../domain/forces/duty';
import { isSkill } from '../../../../domain/forces/qualifications';
import type { Availability, ShiftPattern } from '../../../../domain/forces/schedule';
import { validatePattern } from '../../../../domain/forces/shiftPatterns';
import type { Locale } from '../../../../domain/i18n/messages';
import { isWithin } from '../../../../domain/org/units';
import { shownBirth } from '../../../../domain/privacy/birth';
import { remaskIdNumber, validateIdNumber } from '../../../../domain/validators/idNumber';
import { validatePhone } from '../../../../domain/validators/phone';
import type { Db } from '../../../db/connection';
import { transaction, uniqueViolation } from '../../../db/transaction';
import type { Actor } from '../../../platform/access';
import { platformNow } from '../../../platform/clock';
import { AppError, notFound } from '../../../platform/errors';
import { registerPlaceColumn } from '../../../platform/placeColumns';
import type { Scope } from '../../../platform/scope';
import type { Services } from '../../../platform/services';
import * as accessService from '../../access/service';
import { unitInScope } from '../../org/service';
import { insertPerson, personIdByPhone } from '../personRecord';
import { conflictError, fieldError } from './errors';
import { patternError } from './patterns';
import * as q from './queries';
import { checkSignupCode, spendSignupCode } from './signupProof';

// Call-ups (招募令): "252 volunteers for 42 stations, six per station, two shifts 8:00–18:00". A call-up
// at a unit has places per facility, dates, a shift pattern and requirements; a public link (token) for
// sign-ups on the phone; approval, on-site training signed off before the first duty, badge, gear, meals.
// Only approvals take places; pending sign-ups beyond the places left wait on a station's waiting list
// (候补, domain/forces/callupPlaces.ts). Sign-ups and decisions of one call-up run one at a time under a
// lock on its callups row, taken first, so the places counted are the places written.

registerPlaceColumn({ table: 'callups', column: 'unit_path', what: 'what.forces' });

export interface Requirements {
  skills?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  notes?: string | null;
}

export interface CallupInput {
  unitCode: string;
  title: string;
  description?: string | null;
  requirements?: Requirements;
  startsOn: string;
  endsOn?: string | null;
  pattern: ShiftPattern;
  places: Array<{ facilityId: string; needed: number }>;
}

/** The facilities of a list, in the scope for a permission, by id (others absent). */
async function facilitiesInScope(
  db: Db,
  actor: Actor,
  ids: string[],
  permission: 'forces.read' | 'forces.manage',
) {
  if (!ids.length) return new Map<string, q.FacilityRow>();
  const rows = await q.facilitiesByIds(db, ids);
  return new Map(rows.filter((f) => actor.scope.allows(permission, f.unit_path)).map((f) => [f.id, f]));
}

export async function createCallup(services: Services, actor: Actor, input: CallupInput) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'forces.manage');
  const { locale } = actor;
  if (input.endsOn && input.endsOn < input.startsOn)
    throw fieldError(locale, 'endsOn', 'duty.ends_before_start');
  const problems = validatePattern(input.pattern);
  if (problems.length) throw patternError(locale, problems, 'pattern.');
  if (!input.places.length) throw fieldError(locale, 'places', 'field.required');
  const facilities = await facilitiesInScope(
    services.db,
    actor,
    input.places.map((p) => p.facilityId),
    'forces.manage',
  );
  const seen = new Set<string>();
  input.places.forEach((p, i) => {
    const f = facilities.get(p.facilityId);
    if (!f) throw fieldError(locale, `places.${i}.facilityId`, 'error.not_found');
    if (!isWithin(f.unit_path, unit.path))
      throw fieldError(locale, `places.${i}.facilityId`, 'duty.facility_outside_unit', {
        facility: f.name,
        unit: unit.name,
      });
    if (seen.has(p.facilityId)) throw fieldError(locale, `places.${i}.facilityId`, 'duty.facility_twice');
    seen.add(p.facilityId);
  });
  const token = randomBytes(16).toString('base64url');
  const id = await services.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('callups')
      .values({
        unit_id: unit.id,
        unit_path: unit.path,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        requirements: JSON.stringify(input.requirements ?? {}),
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        pattern: JSON.stringify(input.pattern),
        token,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('callup_places')
      .values(input.places.map((p) => ({ callup_id: row.id, facility_id: p.facilityId, needed: p.needed })))
      .execute();
    // A station without a shift pattern takes the call-up's (the roster is generated from it).
    await q.patternsIfMissing(
      tx,
      input.places.map((p) => {
        const f = facilities.get(p.facilityId) as q.FacilityRow;
        return { facilityId: f.id, unitPath: f.unit_path };
      }),
      input.pattern,
      actor.userId,
    );
    return row.id;
  });
  return { id, token };
}

/** A call-up in the scope for a permission, or 404. */
export async function callupInScope(
  db: Db,
  actor: Actor,
  id: string,
  permission: 'forces.read' | 'forces.manage',
) {
  const row = await db.selectFrom('callups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  actor.scope.check(permission, row.unit_path);
  return row;
}

/** The counts the place rules read, from a call-up's places with their sign-ups counted. */
function countOf(p: q.PlaceRow): PlaceCount {
  return {
    facilityId: p.facility_id,
    needed: p.needed,
    approved: Number(p.approved),
    pending: Number(p.applied),
  };
}

async function placeCounts(db: Db, callupId: string) {
  const rows = await q.placeProgress(db, callupId);
  return new Map(rows.map((p) => [p.facility_id, countOf(p)]));
}

/** A pending sign-up's position on its station's waiting list (候补), or null. */
function waitlistOf(s: q.SignupRow, places: Map<string, PlaceCount>): number | null {
  if (s.status !== 'applied' || s.pending_before === null || !s.facility_id) return null;
  const place = places.get(s.facility_id);
  return place ? waitlistPosition(place, Number(s.pending_before)) : null;
}

function callupView(c: q.CallupRow) {
  return {
    id: c.id,
    unit: { code: c.unit_code, name: c.unit_name },
    title: c.title,
    description: c.description,
    requirements: c.requirements as Requirements,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    pattern: c.pattern as ShiftPattern,
    token: c.token,
    status: c.status,
    createdAt: c.created_at,
    capacity: Number(c.capacity),
    applied: Number(c.applied),
    approved: Number(c.approved),
    trained: Number(c.trained),
  };
}

export async function listCallups(
  services: Services,
  actor: Actor,
  query: { unitCode?: string; status?: 'open' | 'closed'; after?: string; limit: number },
) {
  const unit = query.unitCode
    ? await unitInScope(services.db, actor.scope, query.unitCode, 'forces.read')
    : undefined;
  const rows = await q.listCallups(services.db, actor.scope.where('c.unit_path', 'forces.read'), {
    ...query,
    within: unit?.path,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(callupView);
  return { items, next: rows.length > query.limit ? items[items.length - 1].id : null };
}

export async function getCallup(services: Services, actor: Actor, id: string) {
  await callupInScope(services.db, actor, id, 'forces.read');
  const [row] = await q.listCallups(services.db, sql<boolean>`true`, { id, limit: 1 });
  const places = await q.placeProgress(services.db, id);
  return {
    ...callupView(row),
    places: places.map((p) => ({
      facilityId: p.facility_id,
      facility: p.name,
      kind: p.kind,
      needed: p.needed,
      applied: Number(p.applied),
      approved: Number(p.approved),
      trained: Number(p.trained),
      /** places not taken by an approval */
      left: placesLeft(countOf(p)),
      /** pending sign-ups beyond the places left: the waiting list (候补) */
      waiting: waitingCount(countOf(p)),
    })),
  };
}

export async function closeCallup(services: Services, actor: Actor, id: string) {
  await callupInScope(services.db, actor, id, 'forces.manage');
  await services.db.updateTable('callups').set({ status: 'closed' }).where('id', '=', id).execute();
  return getCallup(services, actor, id);
}

/** A sign-up as `scope` sees it: the birth date whole only with pii.reveal at the call-up, else the year. */
function signupView(s: q.SignupRow, places: Map<string, PlaceCount>, scope: Scope) {
  return {
    id: s.id,
    callupId: s.callup_id,
    person: {
      id: s.person_id,
      name: s.name,
      phoneMasked: s.phone_masked,
      idMasked: remaskIdNumber(s.id_masked),
      skills: s.skills,
      sex: s.sex,
      ...shownBirth(s.birth_date, scope.allows('pii.reveal', s.callup_path)),
      hasLogin: s.user_id !== null,
    },
    facilityId: s.facility_id,
    facility: s.facility_name,
    status: s.status,
    /** pending beyond the places left: position on the station's waiting list (候补第 N 位) */
    waitlist: waitlistOf(s, places),
    appliedAt: s.applied_at,
    decidedAt: s.decided_at,
    trainedAt: s.trained_at,
    badgeNo: s.badge_no,
    gearIssuedAt: s.gear_issued_at,
    meals: s.meals,
  };
}

export async function listSignups(
  services: Services,
  actor: Actor,
  callupId: string,
  query: { status?: string; after?: string; limit: number },
) {
  await callupInScope(services.db, actor, callupId, 'forces.read');
  const rows = await q.listSignups(services.db, { callupId, ...query, limit: query.limit + 1 });
  const places = await placeCounts(services.db, callupId);
  const items = rows.slice(0, query.limit).map((s) => signupView(s, places, actor.scope));
  return { items, next: rows.length > query.limit ? items[items.length - 1].id : null };
}

/** A sign-up whose call-up lies in the scope for a permission, or 404. */
async function signupInScope(db: Db, actor: Actor, id: string, permission: 'forces.read' | 'forces.manage') {
  const [row] = await q.listSignups(db, { id, limit: 1 });
  if (!row) throw notFound();
  actor.scope.check(permission, row.callup_path);
  return row;
}

async function signupAfter(db: Db, actor: Actor, id: string) {
  const [row] = await q.listSignups(db, { id, limit: 1 });
  return signupView(row, await placeCounts(db, row.callup_id), actor.scope);
}

/** Approve or reject a sign-up; approving may move the volunteer to another station of the call-up. */
export async function decideSignup(
  services: Services,
  actor: Actor,
  id: string,
  input: { decision: 'approved' | 'rejected'; facilityId?: string | null },
) {
  const s = await signupInScope(services.db, actor, id, 'forces.manage');
  await services.db.transaction().execute(async (tx) => {
    // one decision at a time per call-up, as for sign-ups: the places counted are the places written
    await tx.selectFrom('callups').select('id').where('id', '=', s.callup_id).forUpdate().execute();
    const current = await tx
      .selectFrom('callup_signups')
      .select(['status', 'facility_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const places = await q.placeProgress(tx, s.callup_id);
    const target = input.facilityId ?? current.facility_id;
    const place = places.find((p) => p.facility_id === target);
    if (input.facilityId && !place) throw fieldError(actor.locale, 'facilityId', 'duty.place_not_in_callup');
    // approving takes one of the station's places unless the sign-up holds one there already (approved
    // there before): refused when approvals fill the station; a pending sign-up holds no place
    const holds = current.status === 'approved' && current.facility_id === target;
    if (place && input.decision === 'approved' && !mayApprove(countOf(place), holds))
      throw conflictError(actor.locale, 'facilityId', 'duty.place_full', { facility: place.name });
    await tx
      .updateTable('callup_signups')
      .set({
        status: input.decision,
        decided_by: actor.userId,
        decided_at: new Date(),
        ...(input.facilityId ? { facility_id: input.facilityId } : {}),
      })
      .where('id', '=', id)
      .execute();
  });
  return signupAfter(services.db, actor, id);
}

/** Signs off the on-site training (上岗培训): the person may be put on shifts from now on. */
export async function trainSignup(services: Services, actor: Actor, id: string, input: { day: string }) {
  const s = await signupInScope(services.db, actor, id, 'forces.manage');
  if (s.status !== 'approved') throw conflictError(actor.locale, 'status', 'duty.signup_not_approved');
  if (!s.trained_at) {
    await services.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('callup_signups')
        // on the duty clock, like check-ins: a replayed day (WANGGE_TODAY) shows that day
        .set({ trained_at: platformNow(services.config), trained_by: actor.userId })
        .where('id', '=', id)
        .where('trained_at', 'is', null)
        .execute();
      await tx
        .insertInto('person_trainings')
        .values({
          person_id: s.person_id,
          training: `上岗培训：${s.callup_title}`,
          passed_on: input.day,
          signed_by: actor.userId,
          callup_id: s.callup_id,
        })
        .execute();
    });
  }
  return signupAfter(services.db, actor, id);
}

/** Records the kit: badge number (志愿者标志), protective gear issued, meals provided at the station. */
export async function updateSignupKit(
  services: Services,
  actor: Actor,
  id: string,
  input: { badgeNo?: string | null; gearIssued?: boolean; meals?: boolean },
) {
  const s = await signupInScope(services.db, actor, id, 'forces.manage');
  if (s.status === 'rejected') throw conflictError(actor.locale, 'status', 'duty.signup_rejected');
  const set: Record<string, unknown> = {};
  if (input.badgeNo !== undefined) set.badge_no = input.badgeNo?.trim() || null;
  if (input.gearIssued !== undefined)
    set.gear_issued_at = input.gearIssued ? (s.gear_issued_at ?? new Date()) : null;
  if (input.meals !== undefined) set.meals = input.meals;
  if (Object.keys(set).length)
    await services.db.updateTable('callup_signups').set(set).where('id', '=', id).execute();
  return signupAfter(services.db, actor, id);
}

/**
 * Opens a phone login for a volunteer (志愿者 at the call-up's unit) and links it to the person, so that
 * they see their shifts and check in. Needs user.manage where the call-up is, besides forces.manage.
 */
export async function createSignupAccount(
  services: Services,
  actor: Actor,
  id: string,
  input: { username: string; password: string },
) {
  const s = await signupInScope(services.db, actor, id, 'forces.manage');
  const person = await services.db
    .selectFrom('people')
    .leftJoin('users', 'users.id', 'people.user_id')
    .select(['people.user_id', 'users.username'])
    .where('people.id', '=', s.person_id)
    .executeTakeFirstOrThrow();
  if (person.user_id)
    throw conflictError(actor.locale, 'username', 'duty.already_linked', { username: person.username ?? '' });
  const unitCode = s.callup_unit_code;
  const user = await accessService.createUser(services, actor, {
    username: input.username,
    displayName: s.name,
    password: input.password,
    homeUnitCode: unitCode,
  });
  await accessService.grantRole(services, actor, user.id, { role: 'volunteer', unitCode });
  await services.db
    .updateTable('people')
    .set({ user_id: user.id, updated_at: new Date() })
    .where('id', '=', s.person_id)
    .where('user_id', 'is', null)
    .execute();
  return { userId: user.id, username: input.username, signup: await signupAfter(services.db, actor, id) };
}

// ---------------------------------------------------------------------------------------------------
// The public side: what a volunteer sees through the link or QR code, and the sign-up itself.

async function openCallupByToken(db: Db, token: string) {
  const row = await db.selectFrom('callups').selectAll().where('token', '=', token).executeTakeFirst();
  if (row?.status !== 'open') throw notFound();
  return row;
}

function nextOf(choice: ReturnType<typeof placeSignup>): 'place' | 'waitlist' | 'full' {
  return !choice.ok ? 'full' : choice.waitlist === null ? 'place' : 'waitlist';
}

export async function publicCallup(services: Services, token: string) {
  const c = await openCallupByToken(services.db, token);
  const places = await q.placeProgress(services.db, c.id);
  const unit = await services.db
    .selectFrom('units')
    .select('name')
    .where('id', '=', c.unit_id)
    .executeTakeFirstOrThrow();
  const counts = places.map(countOf);
  const capacity = places.reduce((n, p) => n + p.needed, 0);
  const pattern = c.pattern as ShiftPattern;
  return {
    title: c.title,
    description: c.description,
    unit: unit.name,
    requirements: c.requirements as Requirements,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    shifts: pattern.shifts.map((s) => ({ label: s.label, start: s.start, end: s.end })),
    capacity,
    /** places not taken by an approval (剩余名额) */
    remaining: counts.reduce((n, p) => n + placesLeft(p), 0),
    /** sign-ups waiting for the office */
    pending: counts.reduce((n, p) => n + p.pending, 0),
    /** where a sign-up without a choice would go now: a place, the waiting list, or nowhere (full) */
    next: nextOf(placeSignup(counts)),
    places: places.map((p, i) => ({
      facilityId: p.facility_id,
      name: p.name,
      address: p.address,
      needed: p.needed,
      remaining: placesLeft(counts[i]),
      pending: counts[i].pending,
      next: nextOf(placeSignup(counts, p.facility_id)),
    })),
  };
}

export interface SignupInput {
  clientId: string;
  name: string;
  phone: string;
  idNumber?: string | null;
  skills?: string[];
  availability?: Availability;
  facilityId?: string | null;
  /** the code sent to the phone (signupProof.ts): the proof of a person behind a public sign-up */
  code?: string;
}

export interface SignupAnswer {
  id: string;
  status: string;
  facility: string | null;
  /** the same person had signed up before (the same phone): this is that sign-up */
  again: boolean;
  /** pending beyond the station's places left: position on its waiting list (候补第 N 位) */
  waitlist: number | null;
}

async function answerOf(db: Db, signupId: string, again: boolean): Promise<SignupAnswer> {
  const [row] = await q.listSignups(db, { id: signupId, limit: 1 });
  const places = await placeCounts(db, row.callup_id);
  return {
    id: row.id,
    status: row.status,
    facility: row.facility_name,
    again,
    waitlist: waitlistOf(row, places),
  };
}

/**
 * A volunteer signs up through the public link. Replay-safe: the same clientId answers the first
 * answer; the same phone twice in one call-up is one sign-up. The person is found by phone or created
 * in the call-up's unit as a volunteer. Refused when approvals fill the call-up (or the chosen station);
 * beyond the places left, the sign-up stands on the station's waiting list (answered as `waitlist`).
 */
export async function publicSignup(
  services: Services,
  locale: Locale,
  token: string,
  input: SignupInput,
  today: string,
  /** 'seeded': the demo city's own sign-ups, made on first start without a phone to prove */
  proof: 'code' | 'seeded' = 'code',
): Promise<SignupAnswer & { created: boolean }> {
  const phone = validatePhone(input.phone);
  if (!phone.ok) throw fieldError(locale, 'phone', 'field.phone');
  let idNumber: string | null = null;
  let birthDate: string | null = null;
  let sex: 'M' | 'F' | null = null;
  if (input.idNumber?.trim()) {
    const id = validateIdNumber(input.idNumber);
    if (!id.ok) throw fieldError(locale, 'idNumber', 'field.invalid');
    idNumber = id.value;
    birthDate = id.birthDate;
    sex = id.sex === 'male' ? 'M' : 'F';
  }
  const skills = [...new Set((input.skills ?? []).filter(isSkill))];
  // the proof of a person: the code sent to this phone (checked before the lock, one try counted);
  // a replayed sign-up (its code already spent) answers as before without one
  const open = await openCallupByToken(services.db, token);
  const codeId =
    proof === 'seeded' || (await q.signupByClientId(services.db, open.id, input.clientId))
      ? null
      : await checkSignupCode(services, locale, open.id, phone.value, input.code ?? '');
  // two sign-ups with one new phone at once (two call-ups): the one that loses runs again and finds the person
  return transaction(
    services.db,
    async (tx) => {
      // one sign-up at a time per call-up: the capacity check and the insert see the same counts
      const c = await tx
        .selectFrom('callups')
        .selectAll()
        .where('token', '=', token)
        .forUpdate()
        .executeTakeFirst();
      if (c?.status !== 'open') throw notFound();
      const replay = await q.signupByClientId(tx, c.id, input.clientId);
      if (replay) return { ...(await answerOf(tx, replay.id, false)), created: false };
      if (codeId === null && proof !== 'seeded') throw fieldError(locale, 'code', 'duty.code_expired');
      const req = c.requirements as Requirements;
      if (birthDate && (req.minAge || req.maxAge)) {
        const age = ageOn(birthDate, today);
        if ((req.minAge && age < req.minAge) || (req.maxAge && age > req.maxAge))
          throw fieldError(locale, 'idNumber', 'duty.age_out_of_range', {
            min: req.minAge ?? 0,
            max: req.maxAge ?? 100,
          });
      }
      let personId = await personIdByPhone(tx, services.protector, phone.value);
      if (personId) {
        const before = await tx
          .selectFrom('callup_signups')
          .select('id')
          .where('callup_id', '=', c.id)
          .where('person_id', '=', personId)
          .executeTakeFirst();
        if (before) return { ...(await answerOf(tx, before.id, true)), created: false };
      }
      const places = await q.placeProgress(tx, c.id);
      const choice = placeSignup(places.map(countOf), input.facilityId);
      if (!choice.ok) {
        if (choice.reason === 'not_in_callup')
          throw fieldError(locale, 'facilityId', 'duty.place_not_in_callup');
        if (choice.reason === 'place_full') {
          const facility = places.find((p) => p.facility_id === choice.facilityId)?.name ?? '';
          throw conflictError(locale, 'facilityId', 'duty.place_full', { facility });
        }
        const capacity = places.reduce((n, p) => n + p.needed, 0);
        throw new AppError('conflict', 'duty.callup_full', { capacity });
      }
      const facilityId = choice.facilityId;
      // the code is spent by the sign-up it proves (the same phone again, above, needs no second one)
      if (codeId !== null) await spendSignupCode(tx, locale, codeId);
      if (personId) {
        await tx
          .updateTable('people')
          .set({
            is_volunteer: true,
            skills: sql<string[]>`ARRAY(SELECT DISTINCT unnest(skills || ${skills}::text[]))`,
            ...(input.availability ? { availability: JSON.stringify(input.availability) } : {}),
            updated_at: new Date(),
          })
          .where('id', '=', personId)
          .execute();
      } else {
        personId = await insertPerson(tx, services.protector, {
          unitId: c.unit_id,
          unitPath: c.unit_path,
          name: input.name.trim(),
          phone: phone.value,
          idNumber,
          birthDate,
          sex,
          isVolunteer: true,
          skills,
          availability: input.availability ?? {},
        });
      }
      const row = await tx
        .insertInto('callup_signups')
        .values({ callup_id: c.id, person_id: personId, facility_id: facilityId, client_id: input.clientId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...(await answerOf(tx, row.id, false)), created: true };
    },
    { alsoRetry: (err) => uniqueViolation(err) === 'people_phone_active_uq' },
  );
}
