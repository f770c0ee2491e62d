import { type RawBuilder, sql } from 'kysely';
import { type HandoverState, handoverView } from '../../../domain/checkpoints/passage';
import { translate } from '../../../domain/i18n/messages';
import type { TravelStay } from '../../../domain/ledger/colours';
import { parseRecordKey, recordKey } from '../../../domain/ledger/household';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { keyPersonFromHandover } from '../isolation/keyPersons';
import { residentInScope } from '../ledger/records';
import { addResident, updateResident } from '../ledger/residents';
import { unitInScope } from '../org/service';
import { encodeCursor } from './lists';

// Hand-overs (移交): the people a checkpoint sent to a community of the tree (from a key area or with a
// fever). Seen by the destination's scope and the sending checkpoint's scope (handover.read at either
// path), else 404. Waiting past due_at is "overdue", computed when read: no job runs. Arrival links a
// resident of the ledger (or adds one) through the ledger's own service, with the travel recorded at the
// checkpoint, so the household's colour is recomputed.

export const HANDOVER_EVENT = 'checkpoints.handover';

interface HandoverRow {
  region_code: string;
  id: string;
  passage_region: string;
  passage_id: string;
  person_id: string;
  facility_id: string;
  facility_name: string;
  facility_path: string;
  destination_path: string;
  destination_name: string;
  destination_code: string;
  name: string;
  id_masked: string | null;
  phone_masked: string | null;
  reason: string;
  from_place: string | null;
  destination_address: string | null;
  passage_at: Date;
  due_at: Date;
  state: HandoverState;
  resident_key: string | null;
  decided_at: Date | null;
  note: string | null;
}

const COLUMNS = sql`
  h.region_code, h.id::text AS id, h.passage_region, h.passage_id::text AS passage_id, h.person_id::text AS person_id,
  h.facility_id::text AS facility_id, f.name AS facility_name, h.facility_path, h.destination_path,
  u.name AS destination_name, u.code AS destination_code, h.name, h.id_masked, h.phone_masked, h.reason,
  h.from_place, h.destination_address, h.passage_at, h.due_at, h.state, h.resident_key, h.decided_at, h.note`;
const FROM = sql`checkpoint_handovers h JOIN facilities f ON f.id = h.facility_id JOIN units u ON u.path = h.destination_path`;

function visible(scope: Scope): RawBuilder<boolean> {
  return sql<boolean>`(${scope.where('h.destination_path', 'handover.read')} OR ${scope.where('h.facility_path', 'handover.read')})`;
}

function toHandover(h: HandoverRow, now: Date) {
  return {
    id: recordKey(h.region_code, h.id),
    passageId: recordKey(h.passage_region, h.passage_id),
    name: h.name,
    idNumberMasked: h.id_masked,
    phoneMasked: h.phone_masked,
    reason: h.reason,
    from: h.from_place,
    passageAt: h.passage_at,
    facilityId: h.facility_id,
    facilityName: h.facility_name,
    destinationUnitCode: h.destination_code,
    destinationUnitName: h.destination_name,
    destinationAddress: h.destination_address,
    state: handoverView(h.state, h.due_at, now),
    dueAt: h.due_at,
    residentId: h.resident_key,
    decidedAt: h.decided_at,
    note: h.note,
  };
}

async function unitFilter(db: Db, scope: Scope, code?: string) {
  if (!code) return sql<boolean>`true`;
  const unit = await unitInScope(db, scope, code, 'handover.read');
  return sql<boolean>`(${inSubtree('h.destination_path', unit.path)} OR ${inSubtree('h.facility_path', unit.path)})`;
}

export type HandoverFilter = 'waiting' | 'arrived' | 'not_arrived' | 'overdue';

export async function listHandovers(
  services: Services,
  actor: Actor,
  query: { unit?: string; state?: HandoverFilter; after?: string; limit?: number },
) {
  const { db } = services;
  const now = platformNow(services.config);
  const conds = [visible(actor.scope), await unitFilter(db, actor.scope, query.unit)];
  if (query.state === 'waiting') conds.push(sql<boolean>`h.state = 'waiting' AND h.due_at >= ${now}`);
  else if (query.state === 'overdue') conds.push(sql<boolean>`h.state = 'waiting' AND h.due_at < ${now}`);
  else if (query.state) conds.push(sql<boolean>`h.state = ${query.state}`);
  if (query.after) {
    const [at, id] = Buffer.from(query.after, 'base64url').toString().split('|');
    if (!at || !/^\d{1,18}$/.test(id ?? '') || Number.isNaN(new Date(at).getTime()))
      throw new AppError('validation', 'error.validation', { detail: 'after' }, [
        { path: 'after', message: 'after' },
      ]);
    conds.push(sql<boolean>`(h.passage_at, h.id) < (${new Date(at)}::timestamptz, ${id}::bigint)`);
  }
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const { rows } = await sql<HandoverRow>`
    SELECT ${COLUMNS} FROM ${FROM}
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY h.passage_at DESC, h.id DESC
    LIMIT ${limit + 1}`.execute(db);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((h) => toHandover(h, now)),
    next:
      rows.length > limit && last ? encodeCursor({ at: last.passage_at.toISOString(), id: last.id }) : null,
  };
}

export async function handoverCounts(services: Services, actor: Actor, query: { unit?: string }) {
  const now = platformNow(services.config);
  const where = sql<boolean>`${visible(actor.scope)} AND ${await unitFilter(services.db, actor.scope, query.unit)}`;
  const { rows } = await sql<{ waiting: number; overdue: number; arrived: number; not_arrived: number }>`
    SELECT count(*) FILTER (WHERE h.state = 'waiting' AND h.due_at >= ${now})::int AS waiting,
           count(*) FILTER (WHERE h.state = 'waiting' AND h.due_at < ${now})::int AS overdue,
           count(*) FILTER (WHERE h.state = 'arrived')::int AS arrived,
           count(*) FILTER (WHERE h.state = 'not_arrived')::int AS not_arrived
    FROM checkpoint_handovers h WHERE ${where}`.execute(services.db);
  const r = rows[0];
  return { waiting: r.waiting, overdue: r.overdue, arrived: r.arrived, notArrived: r.not_arrived };
}

async function findHandover(db: Db, key: string) {
  const k = parseRecordKey(key);
  if (!k) return undefined;
  const { rows } = await sql<HandoverRow>`
    SELECT ${COLUMNS} FROM ${FROM} WHERE h.region_code = ${k.regionCode} AND h.id = ${k.id}`.execute(db);
  return rows[0];
}

export async function getHandover(services: Services, scope: Scope, key: string) {
  const h = await findHandover(services.db, key);
  if (
    !h ||
    !(scope.allows('handover.read', h.destination_path) || scope.allows('handover.read', h.facility_path))
  )
    throw notFound();
  return toHandover(h, platformNow(services.config));
}

/** A hand-over the caller may decide: in their ledger.write scope at the destination; still waiting. */
async function decidable(services: Services, actor: Actor, key: string) {
  const h = await findHandover(services.db, key);
  if (!h) throw notFound();
  actor.scope.check('ledger.write', h.destination_path);
  if (h.state !== 'waiting')
    throw new AppError('conflict', 'checkpoint.handover_decided', { state: h.state }, [
      { path: 'state', message: h.state },
    ]);
  return h;
}

async function decide(
  services: Services,
  actor: Actor,
  h: HandoverRow,
  state: 'arrived' | 'not_arrived',
  residentKey: string | null,
  note: string | null,
) {
  await transaction(services.db, async (tx) => {
    const { rows } = await sql`
      UPDATE checkpoint_handovers SET state = ${state}, resident_key = ${residentKey}, note = ${note},
        decided_by = ${actor.userId}, decided_at = now()
      WHERE region_code = ${h.region_code} AND id = ${h.id} AND state = 'waiting'
      RETURNING id`.execute(tx);
    if (rows.length === 0)
      throw new AppError('conflict', 'checkpoint.handover_decided', { state: 'decided' }, [
        { path: 'state', message: 'decided' },
      ]);
    await sql`
      INSERT INTO checkpoint_handover_history (region_code, handover_id, state, resident_key, note, by_user)
      VALUES (${h.region_code}, ${h.id}, ${state}, ${residentKey}, ${note}, ${actor.userId})`.execute(tx);
    for (const unitPath of [h.destination_path, h.facility_path])
      await services.events.publish(tx, {
        type: HANDOVER_EVENT,
        unitPath,
        permission: 'handover.read',
        data: { handover: recordKey(h.region_code, h.id), state },
      });
  });
  return getHandover(services, actor.scope, recordKey(h.region_code, h.id));
}

/**
 * The person arrived: linked to a resident of the ledger (`residentId`), or added as one to a household
 * (`householdKey`) — through the ledger's own services, with the stays recorded at the checkpoint added
 * to their travel, so that the household's colour is recomputed from it.
 */
export async function handoverArrived(
  services: Services,
  actor: Actor,
  key: string,
  body: { residentId?: string; householdKey?: string; note?: string },
) {
  const h = await decidable(services, actor, key);
  const { rows } = await sql<{
    travel: TravelStay[];
    id_type: string;
    id_enc: Buffer | null;
    phone_enc: Buffer | null;
  }>`
    SELECT travel, id_type, id_enc, phone_enc FROM checkpoint_people
    WHERE region_code = ${h.passage_region} AND id = ${h.person_id}`.execute(services.db);
  const person = rows[0];
  if (!person) throw notFound();
  let residentKey: string;
  if (body.residentId) {
    residentKey = body.residentId;
  } else if (body.householdKey) {
    residentKey = await addResident(services, actor, body.householdKey, {
      name: h.name,
      idType: person.id_type,
      ...(person.id_enc ? { idNumber: services.protector.decrypt(person.id_enc) } : {}),
      ...(person.phone_enc ? { phone: services.protector.decrypt(person.phone_enc) } : {}),
    });
  } else {
    throw new AppError('validation', 'error.validation', { detail: 'residentId' }, [
      { path: 'residentId', message: translate(actor.locale, 'checkpoint.handover_target') },
    ]);
  }
  const r = await residentInScope(services.db, actor.scope, residentKey, 'ledger.write');
  const kept = ((r.facts as { travel?: TravelStay[] } | null)?.travel ?? []) as TravelStay[];
  const text = (s: TravelStay) => JSON.stringify([s.placeCode, s.from, s.to, s.undated]);
  const have = new Set(kept.map(text));
  const added = person.travel.filter((s) => !have.has(text(s)));
  if (added.length) await updateResident(services, actor, residentKey, { travel: [...kept, ...added] });
  const answer = await decide(services, actor, h, 'arrived', residentKey, body.note?.trim() || null);
  // 重点人员: from now on a key person of the community, the checkpoint's hand-over their case
  const keyPerson = actor.scope.allows('isolation.write', r.unit_path)
    ? await keyPersonFromHandover(services, actor, {
        residentId: residentKey,
        reason: h.reason,
        handover: key,
        travel: person.travel,
      })
    : null;
  return { ...answer, keyPersonId: keyPerson };
}

export async function handoverNotArrived(
  services: Services,
  actor: Actor,
  key: string,
  body: { note?: string },
) {
  const h = await decidable(services, actor, key);
  return decide(services, actor, h, 'not_arrived', null, body.note?.trim() || null);
}
