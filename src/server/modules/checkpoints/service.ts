import { sql } from 'kysely';
import {
  assessPerson,
  type CheckedPassage,
  type CheckedPerson,
  checkPassage,
  feverThreshold,
  HANDOVER_DUE_HOURS,
  handoverReason,
  type PassageInput,
  type PersonAssessment,
  type PersonInput,
  STEPS,
  type Step,
  TRANSFER_KINDS,
} from '../../../domain/checkpoints/passage';
import type { MessageKey } from '../../../domain/i18n/messages';
import { translate } from '../../../domain/i18n/messages';
import { DEFAULT_WINDOW_DAYS } from '../../../domain/ledger/colours';
import { parseRecordKey, recordKey } from '../../../domain/ledger/household';
import { normaliseUnitCode } from '../../../domain/org/units';
import { shanghaiDay } from '../../../domain/time/shanghai';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { platformNow } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { checkedInShiftAt, checkedInShiftSql } from '../forces/duty/checkin';
import { ledgerDay } from '../ledger/policy';
import { type ProtectedValue, protectIdNumber, protectPhone } from '../ledger/protect';
import { unitInScope } from '../org/service';
import * as q from './queries';

// Checkpoints (卡点): the stations in a user's scope, their steps, the passages registered there and the
// counts. Out of scope answers 404 (DESIGN rule 1); a facility that is no checkpoint is not found either.

registerPlaceColumn({ table: 'checkpoint_passages', column: 'unit_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'checkpoint_counts', column: 'unit_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'checkpoint_registrations', column: 'unit_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'checkpoint_handovers', column: 'facility_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'checkpoint_handovers', column: 'destination_path', what: 'what.households' });
registerPlaceColumn({ table: 'checkpoint_people', column: 'destination_path', what: 'what.households' });

export const PASSAGE_EVENT = 'checkpoints.handover';

/** A validation error naming each field, in the caller's language. */
export function issuesError(locale: Actor['locale'], issues: readonly { path: string; code: string }[]) {
  const fields = issues.map((i) => ({ path: i.path, message: translate(locale, i.code as MessageKey) }));
  return new AppError(
    'validation',
    'error.validation',
    { detail: fields.map((f) => `${f.path}: ${f.message}`).join('; ') },
    fields,
  );
}

export function toFacility(f: q.FacilityRow) {
  return {
    id: f.id,
    name: f.name,
    unitCode: f.unit_code,
    unitName: f.unit_name,
    address: f.address,
    steps: (f.steps ?? [...STEPS]) as Step[],
    publicToken: f.public_token,
  };
}

/** A checkpoint in the scope for the permission, or 404 (also for a facility of another kind). */
export async function checkpointInScope(
  db: Db,
  scope: Scope,
  id: string,
  permission: 'checkpoint.register' | 'checkpoint.manage' = 'checkpoint.register',
) {
  const f = /^\d{1,18}$/.test(id) ? await q.findFacility(db, id) : undefined;
  if (f?.kind !== 'checkpoint') throw notFound();
  scope.check(permission, f.unit_path);
  return f;
}

export async function listCheckpoints(db: Db, scope: Scope, unitCode?: string) {
  let where = scope.where('f.unit_path', 'checkpoint.register');
  if (unitCode) {
    const unit = await unitInScope(db, scope, unitCode, 'checkpoint.register');
    where = sql<boolean>`${where} AND ${inSubtree('f.unit_path', unit.path)}`;
  }
  return { items: (await q.checkpointsWhere(db, where, 500)).map(toFacility) };
}

export async function getCheckpoint(services: Services, actor: Actor, id: string) {
  const f = await checkpointInScope(services.db, actor.scope, id);
  const shift = actor.userId
    ? await checkedInShiftAt(services.db, actor.userId, f.id, platformNow(services.config))
    : null;
  return { ...toFacility(f), shift };
}

export async function setSteps(services: Services, actor: Actor, id: string, steps: readonly Step[]) {
  const f = await checkpointInScope(services.db, actor.scope, id, 'checkpoint.manage');
  // the station's own steps in its own order (each once)
  const ordered = [...new Set(steps)].filter((s) => (STEPS as readonly string[]).includes(s));
  await sql`
    UPDATE checkpoint_settings SET steps = ${ordered}::text[], updated_at = now()
    WHERE facility_id = ${f.id}`.execute(services.db);
  await auditAs(services.db, actor, 'facility.updated', {
    unitPath: f.unit_path,
    target: `facility:${f.id}`,
    detail: { fields: ['steps'], steps: ordered },
  });
  return toFacility((await q.findFacility(services.db, f.id)) as q.FacilityRow);
}

/** What the phone keeps for working offline: the key areas, the window, the fever threshold, where to transfer. */
export async function reference(services: Services) {
  const { policy } = await ledgerDay(services);
  return {
    keyAreas: policy.keyAreas,
    windowDays: policy.windowDays ?? DEFAULT_WINDOW_DAYS,
    feverThresholdC: feverThreshold(policy),
    transferFacilities: await q.transferFacilities(services.db, TRANSFER_KINDS, 500),
  };
}

// ---------------------------------------------------------------------------------------------------
// Passages

export interface PassageBody extends PassageInput {
  clientId: string;
  facilityId: string;
  people: (PersonInput & { registrationPerson?: number })[];
  registrationCode?: string;
}

const num = (v: string | null) => (v === null ? null : Number(v));

export function toPerson(r: q.PersonRow, handoverId?: string) {
  return {
    id: recordKey(r.region_code, r.id),
    name: r.name,
    idType: r.id_type,
    idNumberMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    temperatureC: num(r.temperature_c),
    travel: r.travel,
    healthCode: r.health_code,
    itineraryCode: r.itinerary_code,
    destinationAddress: r.destination_address,
    fromKeyArea: r.from_key_area,
    keyArea: r.key_area,
    fever: r.fever,
    ...(handoverId ? { handoverId } : {}),
  };
}

export function toPassage(
  p: q.PassageRow,
  people: q.PersonRow[],
  handovers: { region_code: string; id: string; person_id: string }[],
  facilityName: string,
) {
  const handoverOf = new Map(handovers.map((h) => [h.person_id, recordKey(h.region_code, h.id)]));
  return {
    id: recordKey(p.region_code, p.id),
    clientId: p.client_id,
    facilityId: p.facility_id,
    facilityName,
    occurredAt: p.occurred_at,
    day: p.day,
    direction: p.direction,
    vehicle: p.vehicle_kind
      ? { plate: p.plate, kind: p.vehicle_kind, from: p.vehicle_from, to: p.vehicle_to, cargo: p.cargo }
      : null,
    outcome: p.outcome,
    transferFacilityId: p.transfer_facility_id,
    shift: p.shift_id ? { id: p.shift_id, name: p.shift_name } : null,
    fromKeyArea: p.key_area_people > 0,
    fever: p.fever_people > 0,
    steps: p.steps,
    by: p.by_name,
    people: people.map((r) => toPerson(r, handoverOf.get(r.id))),
  };
}

async function passageView(db: Db, p: q.PassageRow) {
  const [people, handovers, facility] = await Promise.all([
    q.peopleOf(db, p.region_code, [p.id]),
    q.handoversOfPassage(db, p.region_code, p.id),
    q.findFacility(db, p.facility_id),
  ]);
  return toPassage(p, people, handovers, facility?.name ?? '');
}

export async function getPassage(db: Db, scope: Scope, key: string) {
  const k = parseRecordKey(key);
  const p = k ? await q.passageById(db, k.regionCode, k.id) : undefined;
  if (!p) throw notFound();
  scope.check('checkpoint.register', p.unit_path);
  return passageView(db, p);
}

interface Registration {
  id: string;
  region_code: string;
  people: SealedPerson[];
}

/** A person of a self-registration as kept: the ID number and phone sealed (base64), never in clear. */
export interface SealedPerson {
  name: string;
  idType: string;
  id?: { enc: string; hmac: string; masked: string; tail: string };
  phone?: { enc: string; hmac: string; masked: string; tail: string };
  temperatureC?: number;
  travel: CheckedPerson['travel'];
  healthCode: string | null;
  itineraryCode: string | null;
  destinationUnitCode?: string;
  destinationAddress?: string;
}

export const sealedJson = (v: ProtectedValue) => ({
  enc: v.enc.toString('base64'),
  hmac: v.hmac.toString('base64'),
  masked: v.masked,
  tail: v.tail,
});
const unsealedJson = (v: { enc: string; hmac: string; masked: string; tail: string }): ProtectedValue => ({
  enc: Buffer.from(v.enc, 'base64'),
  hmac: Buffer.from(v.hmac, 'base64'),
  masked: v.masked,
  tail: v.tail,
});

async function liveRegistration(db: Db, facilityId: string, code: string) {
  const { rows } = await sql<Registration>`
    SELECT id::text AS id, region_code, people FROM checkpoint_registrations
    WHERE code = ${code} AND live AND facility_id = ${facilityId} AND confirmed_at IS NULL
      AND expires_at > now()`.execute(db);
  return rows[0];
}

type ColourPolicyOf = Awaited<ReturnType<typeof ledgerDay>>['policy'];
type UnitRef = Awaited<ReturnType<typeof q.unitsByCodes>>[number];

/** The rows of a checked passage: its values, one VALUES row per person, and who is to be handed over. */
function passageRows(
  services: Services,
  actor: Actor & { displayName?: string },
  body: PassageBody,
  passage: CheckedPassage,
  policy: ColourPolicyOf,
  registration: Registration | undefined,
  destinations: (UnitRef | undefined)[],
) {
  const day = shanghaiDay(passage.occurredAt.getTime());
  const assessed: PersonAssessment[] = passage.people.map((p) => assessPerson(p, policy, day));
  const byName = actor.displayName ?? actor.username;
  const handoverOf = passage.people.map((_, i) => {
    const reason = handoverReason(assessed[i]);
    return reason && destinations[i] ? reason : null;
  });
  const people = passage.people.map((person, i) => {
    const from = body.people[i].registrationPerson;
    const reg = from === undefined ? undefined : registration?.people[from];
    const id = person.idNumber
      ? protectIdNumber(services.protector, person.idNumber)
      : reg?.id
        ? unsealedJson(reg.id)
        : undefined;
    const phone = person.phone
      ? protectPhone(services.protector, person.phone)
      : reg?.phone
        ? unsealedJson(reg.phone)
        : undefined;
    const a = assessed[i];
    return sql`(${i}::smallint, ${person.name}::text, ${person.idType}::text, ${id?.enc ?? null}::bytea,
      ${id?.hmac ?? null}::bytea, ${id?.masked ?? null}::text, ${id?.tail ?? null}::text,
      ${phone?.enc ?? null}::bytea, ${phone?.hmac ?? null}::bytea, ${phone?.masked ?? null}::text,
      ${phone?.tail ?? null}::text, ${person.temperatureC ?? null}::numeric, ${JSON.stringify(person.travel)}::jsonb,
      ${person.healthCode}::text, ${person.itineraryCode}::text, ${destinations[i]?.path ?? null}::text,
      ${person.destinationAddress ?? null}::text, ${a.fromKeyArea}::boolean,
      ${a.keyArea ? JSON.stringify(a.keyArea) : null}::jsonb, ${a.fever}::boolean)`;
  });
  const values: q.PassageValues = {
    clientId: body.clientId,
    occurredAt: passage.occurredAt,
    day,
    direction: passage.direction,
    plate: passage.vehicle?.plate ?? null,
    vehicleKind: passage.vehicle?.kind ?? null,
    vehicleFrom: passage.vehicle?.from ?? null,
    vehicleTo: passage.vehicle?.to ?? null,
    cargo: passage.vehicle?.cargo ?? null,
    names: passage.people.map((p) => p.name),
    outcome: passage.outcome as string,
    transferFacilityId: passage.transferFacilityId ?? null,
    keyAreaPeople: assessed.filter((a) => a.fromKeyArea).length,
    feverPeople: assessed.filter((a) => a.fever).length,
    handedOver: handoverOf.filter(Boolean).length,
    steps: JSON.stringify(
      passage.steps.map((s) => ({ step: s.step, by: s.by ?? byName, at: passage.occurredAt.toISOString() })),
    ),
    registrationId: registration?.id ?? null,
    byUser: actor.userId,
    byName,
  };
  return { values, people, assessed, handoverOf };
}

/** A passage with nothing to look up before it is written: no self-registration, destination or transfer. */
const isPlain = (body: PassageBody, passage: CheckedPassage) =>
  !body.registrationCode &&
  !passage.transferFacilityId &&
  passage.people.every((p) => !p.destinationUnitCode) &&
  body.people.every((p) => p.registrationPerson === undefined);

/**
 * Registers a passage (replay-safe: the same clientId answers the first passage, `created` false).
 * Each person is assessed by the ledger's rules on the passage's day; each one from a key area or with
 * a fever, going to a unit of the tree, becomes a hand-over to it in the same transaction.
 *
 * Most passages at a roadside (a car and its people, released or sent back) have nothing to look up:
 * they are written in one statement that finds the checkpoint in the caller's scope and their shift
 * there. When that statement writes nothing (a replay, a checkpoint unknown or out of scope) or the
 * passage needs more (a self-registration, destinations, a transfer), the full path below answers.
 */
export async function recordPassage(
  services: Services,
  actor: Actor & { displayName?: string },
  body: PassageBody,
) {
  const { db } = services;
  const now = platformNow(services.config);
  const today = shanghaiDay(now.getTime());
  const checked = checkPassage(body, now, today, { outcomeRequired: true });
  const at = checked.ok ? checked.value.occurredAt : now;
  const facilityKey = /^\d{1,18}$/.test(body.facilityId) ? body.facilityId : undefined;

  if (checked.ok && facilityKey && actor.userId && isPlain(body, checked.value)) {
    const { policy } = await ledgerDay(services);
    const rows = passageRows(services, actor, body, checked.value, policy, undefined, []);
    const source = q.checkpointWhere(
      facilityKey,
      actor.scope.where('f.unit_path', 'checkpoint.register'),
      checkedInShiftSql(actor.userId, facilityKey, at),
    );
    const made = await q.insertPassage(db, source, rows.values, rows.people);
    if (made) return { created: true, passage: toPassage(made.passage, made.people, [], made.facilityName) };
  }

  const replay = async (first: q.PassageRow) => {
    actor.scope.check('checkpoint.register', first.unit_path);
    return { created: false, passage: await passageView(db, first) };
  };
  // one round trip for the checkpoint, a replay, the policy and the caller's shift (through forces)
  const [found, { policy }, shift] = await Promise.all([
    facilityKey ? q.facilityAndReplay(db, facilityKey, body.clientId) : undefined,
    ledgerDay(services),
    actor.userId && facilityKey ? checkedInShiftAt(db, actor.userId, facilityKey, at) : null,
  ]);
  if (found?.kind !== 'checkpoint') throw notFound();
  actor.scope.check('checkpoint.register', found.unit_path);
  const { first: firstFound, ...f } = found;
  // a replay answers the first passage, even when its body would no longer pass (queued for days)
  if (firstFound) return replay(firstFound);
  if (!checked.ok) throw issuesError(actor.locale, checked.issues);
  const passage = checked.value;
  const extra: { path: string; code: string }[] = [];

  // a self-registration, the destinations and the transfer facility, when there are any, in parallel
  const codes = [
    ...new Set(
      passage.people.flatMap((p) => {
        const c = p.destinationUnitCode ? normaliseUnitCode(p.destinationUnitCode) : undefined;
        return c ? [c] : [];
      }),
    ),
  ];
  const transferId = passage.transferFacilityId;
  const [registration, unitRows, transfer] = await Promise.all([
    body.registrationCode
      ? liveRegistration(db, f.id, body.registrationCode.trim().toUpperCase())
      : undefined,
    q.unitsByCodes(db, codes),
    transferId && /^\d{1,18}$/.test(transferId) ? q.findFacility(db, transferId) : undefined,
  ]);
  if (body.registrationCode && !registration)
    extra.push({ path: 'registrationCode', code: 'checkpoint.registration' });
  body.people.forEach((p, i) => {
    if (p.registrationPerson !== undefined && !registration?.people[p.registrationPerson])
      extra.push({ path: `people.${i}.registrationPerson`, code: 'checkpoint.registration_person' });
  });
  // where they go: units of the tree (any, not only the caller's: a highway station hands over to the city)
  const units = new Map(unitRows.map((u) => [u.code, u]));
  const destinations = passage.people.map((p, i) => {
    if (!p.destinationUnitCode) return undefined;
    const u = units.get(normaliseUnitCode(p.destinationUnitCode) ?? '');
    if (!u) extra.push({ path: `people.${i}.destinationUnitCode`, code: 'checkpoint.destination' });
    return u;
  });
  if (transferId && !(transfer && (TRANSFER_KINDS as readonly string[]).includes(transfer.kind)))
    extra.push({ path: 'transferFacilityId', code: 'checkpoint.transfer_facility' });
  if (extra.length) throw issuesError(actor.locale, extra);

  const { values, people, assessed, handoverOf } = passageRows(
    services,
    actor,
    body,
    passage,
    policy,
    registration,
    destinations,
  );
  const source = q.knownCheckpoint(f, shift);
  const needsTransaction = Boolean(registration) || handoverOf.some(Boolean);
  type Made = ReturnType<typeof toPassage> | undefined;
  const run = (work: (c: Db) => Promise<Made>) => (needsTransaction ? transaction(db, work) : work(db));
  const result = await run(async (tx) => {
    const made = await q.insertPassage(tx, source, values, people);
    if (!made) return undefined; // a replay that raced the first: answered below from the first
    const { passage: p, people: rows } = made;
    const handovers: { region_code: string; id: string; person_id: string }[] = [];
    const due = new Date(passage.occurredAt.getTime() + HANDOVER_DUE_HOURS * 3_600_000);
    const hv = rows.flatMap((r, i) => {
      const reason = handoverOf[i];
      const dest = destinations[i];
      if (!reason || !dest) return [];
      const a = assessed[i];
      const from = a.keyArea ? (a.keyArea.placeName ?? a.keyArea.name) : null;
      return [
        sql`(${dest.region_code}, ${f.region_code}, ${p.id}, ${r.id}, ${f.id}, ${f.unit_path}, ${dest.path},
          ${r.name}, ${r.id_masked}, ${r.phone_masked}, ${reason}, ${from}, ${r.destination_address},
          ${passage.occurredAt}, ${due})`,
      ];
    });
    if (hv.length) {
      const { rows: made } = await sql<{ region_code: string; id: string; person_id: string }>`
        INSERT INTO checkpoint_handovers (region_code, passage_region, passage_id, person_id, facility_id,
          facility_path, destination_path, name, id_masked, phone_masked, reason, from_place, destination_address,
          passage_at, due_at)
        VALUES ${sql.join(hv)}
        RETURNING region_code, id::text AS id, person_id::text AS person_id`.execute(tx);
      handovers.push(...made);
      const paths = [...new Set(destinations.flatMap((d, i) => (d && handoverOf[i] ? [d.path] : [])))];
      for (const unitPath of paths)
        await services.events.publish(tx, {
          type: PASSAGE_EVENT,
          unitPath,
          permission: 'handover.read',
          data: { facilityId: f.id, facility: f.name },
        });
    }
    if (registration) {
      const { rows: confirmed } = await sql`
        UPDATE checkpoint_registrations SET confirmed_at = now(), live = false, passage_id = ${p.id}
        WHERE region_code = ${registration.region_code} AND id = ${registration.id} AND live
          AND confirmed_at IS NULL
        RETURNING id`.execute(tx);
      if (confirmed.length === 0)
        throw issuesError(actor.locale, [{ path: 'registrationCode', code: 'checkpoint.registration' }]);
    }
    return toPassage(p, rows, handovers, f.name);
  });
  if (result) return { created: true, passage: result };
  const again = await q.passageByClient(db, f.region_code, body.clientId);
  if (!again) throw notFound();
  actor.scope.check('checkpoint.register', again.unit_path);
  return { created: false, passage: await passageView(db, again) };
}
