import { type RawBuilder, sql } from 'kysely';
import type { ShiftPattern } from '../../../../domain/forces/schedule';
import type { Db } from '../../../db/connection';

// The SQL of call-ups, rosters and duty. Scope conditions come in from the services (scope.where).

export interface FacilityRow {
  id: string;
  unit_id: string;
  unit_path: string;
  kind: string;
  name: string;
  address: string | null;
}

export function facilitiesByIds(db: Db, ids: string[]): Promise<FacilityRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('facilities')
    .select(['id', 'unit_id', 'unit_path', 'kind', 'name', 'address'])
    .where('id', 'in', ids)
    .execute();
}

/** Facilities in a subtree that also satisfy the scope condition (on `f.unit_path`), by path. */
export function facilitiesWithin(db: Db, root: string, scope: RawBuilder<boolean>, limit = 2000) {
  return db
    .selectFrom('facilities as f')
    .leftJoin('shift_patterns as p', 'p.facility_id', 'f.id')
    .select(['f.id', 'f.unit_id', 'f.unit_path', 'f.kind', 'f.name', 'f.address', 'p.name as pattern_name'])
    .where(sql<boolean>`(f.unit_path >= ${root} AND f.unit_path < ${`${root}/`})`)
    .where(scope)
    .orderBy('f.unit_path')
    .orderBy('f.id')
    .limit(limit)
    .execute();
}

/** Gives each facility without a pattern this one. */
export async function patternsIfMissing(
  db: Db,
  facilities: Array<{ facilityId: string; unitPath: string }>,
  pattern: ShiftPattern,
  userId: string | null,
) {
  if (!facilities.length) return;
  await db
    .insertInto('shift_patterns')
    .values(
      facilities.map((f) => ({
        facility_id: f.facilityId,
        unit_path: f.unitPath,
        name: pattern.name,
        shifts: JSON.stringify(pattern.shifts),
        updated_by: userId,
      })),
    )
    .onConflict((oc) => oc.column('facility_id').doNothing())
    .execute();
}

export interface CallupRow {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  title: string;
  description: string | null;
  requirements: unknown;
  starts_on: string;
  ends_on: string | null;
  pattern: unknown;
  token: string;
  status: 'open' | 'closed';
  created_at: Date;
  capacity: string;
  applied: string;
  approved: string;
  trained: string;
}

export async function listCallups(
  db: Db,
  scope: RawBuilder<boolean>,
  q: { id?: string; within?: string; status?: string; after?: string; limit: number },
): Promise<CallupRow[]> {
  const { rows } = await sql<CallupRow>`
    SELECT c.id, c.unit_id, c.unit_path, u.code AS unit_code, u.name AS unit_name, c.title, c.description,
           c.requirements, c.starts_on, c.ends_on, c.pattern, c.token, c.status, c.created_at,
           (SELECT coalesce(sum(needed), 0) FROM callup_places WHERE callup_id = c.id) AS capacity,
           (SELECT count(*) FROM callup_signups s WHERE s.callup_id = c.id AND s.status = 'applied') AS applied,
           (SELECT count(*) FROM callup_signups s WHERE s.callup_id = c.id AND s.status = 'approved') AS approved,
           (SELECT count(*) FROM callup_signups s WHERE s.callup_id = c.id AND s.status = 'approved'
              AND s.trained_at IS NOT NULL) AS trained
    FROM callups c JOIN units u ON u.id = c.unit_id
    WHERE ${scope}
      ${q.id ? sql`AND c.id = ${q.id}` : sql``}
      ${q.within ? sql`AND c.unit_path >= ${q.within} AND c.unit_path < ${`${q.within}/`}` : sql``}
      ${q.status ? sql`AND c.status = ${q.status}` : sql``}
      ${q.after ? sql`AND c.id < ${q.after}` : sql``}
    ORDER BY c.id DESC
    LIMIT ${q.limit}`.execute(db);
  return rows;
}

export interface PlaceRow {
  facility_id: string;
  name: string;
  kind: string;
  address: string | null;
  unit_path: string;
  needed: number;
  applied: string;
  approved: string;
  trained: string;
}

/** Places of a call-up with their sign-ups counted (applied, approved, approved and trained). */
export async function placeProgress(db: Db, callupId: string): Promise<PlaceRow[]> {
  const { rows } = await sql<PlaceRow>`
    SELECT p.facility_id, f.name, f.kind, f.address, f.unit_path, p.needed,
           count(s.id) FILTER (WHERE s.status = 'applied') AS applied,
           count(s.id) FILTER (WHERE s.status = 'approved') AS approved,
           count(s.id) FILTER (WHERE s.status = 'approved' AND s.trained_at IS NOT NULL) AS trained
    FROM callup_places p
    JOIN facilities f ON f.id = p.facility_id
    LEFT JOIN callup_signups s ON s.callup_id = p.callup_id AND s.facility_id = p.facility_id
    WHERE p.callup_id = ${callupId}
    GROUP BY p.id, f.id
    ORDER BY p.id`.execute(db);
  return rows;
}

export interface SignupRow {
  id: string;
  callup_id: string;
  callup_path: string;
  callup_title: string;
  callup_unit_code: string;
  person_id: string;
  name: string;
  sex: string | null;
  birth_date: string | null;
  phone_masked: string | null;
  id_masked: string | null;
  skills: string[];
  user_id: string | null;
  facility_id: string | null;
  facility_name: string | null;
  status: 'applied' | 'approved' | 'rejected' | 'withdrawn';
  applied_at: Date;
  decided_at: Date | null;
  trained_at: Date | null;
  badge_no: string | null;
  gear_issued_at: Date | null;
  meals: boolean;
  /** pending sign-ups before this one at its station (for the waiting list); null unless pending */
  pending_before: string | null;
}

export async function listSignups(
  db: Db,
  q: { id?: string; callupId?: string; status?: string; after?: string; limit: number },
): Promise<SignupRow[]> {
  const { rows } = await sql<SignupRow>`
    SELECT s.id, s.callup_id, c.unit_path AS callup_path, c.title AS callup_title, u.code AS callup_unit_code,
           s.person_id, p.name, p.sex, p.birth_date, p.phone_masked, p.id_masked, p.skills, p.user_id,
           s.facility_id, f.name AS facility_name, s.status, s.applied_at, s.decided_at, s.trained_at,
           s.badge_no, s.gear_issued_at, s.meals,
           CASE WHEN s.status = 'applied' THEN (
             SELECT count(*) FROM callup_signups o
             WHERE o.callup_id = s.callup_id AND o.status = 'applied' AND o.id < s.id
               AND o.facility_id IS NOT DISTINCT FROM s.facility_id) END AS pending_before
    FROM callup_signups s
    JOIN callups c ON c.id = s.callup_id
    JOIN units u ON u.id = c.unit_id
    JOIN people p ON p.id = s.person_id
    LEFT JOIN facilities f ON f.id = s.facility_id
    WHERE true
      ${q.id ? sql`AND s.id = ${q.id}` : sql``}
      ${q.callupId ? sql`AND s.callup_id = ${q.callupId}` : sql``}
      ${q.status ? sql`AND s.status = ${q.status}` : sql``}
      ${q.after ? sql`AND s.id > ${q.after}` : sql``}
    ORDER BY s.id
    LIMIT ${q.limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Roster

export interface ShiftRow {
  id: string;
  facility_id: string;
  facility_name: string;
  unit_path: string;
  day: string;
  label: string;
  starts_at: Date;
  ends_at: Date;
  needs: unknown;
  headcount: number;
  published_at: Date | null;
}

export interface AssignmentRow {
  id: string;
  shift_id: string;
  person_id: string;
  name: string;
  phone_masked: string | null;
  skill: string | null;
  source: 'auto' | 'manual';
  checked_in_at: Date | null;
  checked_out_at: Date | null;
}

export async function shiftsOf(db: Db, facilityIds: string[], from: string, to: string): Promise<ShiftRow[]> {
  if (!facilityIds.length) return [];
  const { rows } = await sql<ShiftRow>`
    SELECT s.id, s.facility_id, f.name AS facility_name, s.unit_path, s.day, s.label, s.starts_at, s.ends_at,
           s.needs, s.headcount, s.published_at
    FROM duty_shifts s JOIN facilities f ON f.id = s.facility_id
    WHERE s.facility_id = ANY(${facilityIds}::bigint[]) AND s.day BETWEEN ${from} AND ${to}
    ORDER BY s.facility_id, s.starts_at`.execute(db);
  return rows;
}

export async function assignmentsOfShifts(db: Db, shiftIds: string[]): Promise<AssignmentRow[]> {
  if (!shiftIds.length) return [];
  const { rows } = await sql<AssignmentRow>`
    SELECT a.id, a.shift_id, a.person_id, p.name, p.phone_masked, a.skill, a.source, a.checked_in_at,
           a.checked_out_at
    FROM duty_assignments a JOIN people p ON p.id = a.person_id
    WHERE a.shift_id = ANY(${shiftIds}::bigint[])
    ORDER BY a.shift_id, a.id`.execute(db);
  return rows;
}

// ---- the proof of a person behind a public sign-up (callup_codes, migration 011)

/** The codes already sent for a call-up, as the limits need them (domain/forces/signupProof.ts). */
export async function codeHistory(db: Db, callupId: string, phoneHmac: Buffer) {
  const row = await db
    .selectFrom('callup_codes')
    .select([
      sql<number>`count(*) FILTER (WHERE created_at > now() - interval '1 minute')::int`.as('callup_minute'),
      sql<number>`count(*) FILTER (WHERE phone_hmac = ${phoneHmac})::int`.as('phone_hour'),
      sql<
        number | null
      >`extract(epoch FROM now() - max(created_at) FILTER (WHERE phone_hmac = ${phoneHmac} AND used_at IS NULL))::float8`.as(
        'since_last',
      ),
    ])
    .where('callup_id', '=', callupId)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return {
    callupLastMinute: row.callup_minute,
    phoneLastHour: row.phone_hour,
    sinceLastForPhone: row.since_last === null ? null : Number(row.since_last),
  };
}

export async function insertCode(
  db: Db,
  row: { callupId: string; phoneHmac: Buffer; codeHmac: Buffer; ttlSeconds: number },
): Promise<string> {
  // codes older than a day are of no use to anyone: the call-up's are cleared as new ones are made
  await db
    .deleteFrom('callup_codes')
    .where('callup_id', '=', row.callupId)
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  const { id } = await db
    .insertInto('callup_codes')
    .values({
      callup_id: row.callupId,
      phone_hmac: row.phoneHmac,
      code_hmac: row.codeHmac,
      expires_at: sql<Date>`now() + make_interval(secs => ${row.ttlSeconds})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteCode(db: Db, id: string) {
  await db.deleteFrom('callup_codes').where('id', '=', id).execute();
}

/**
 * One try at the phone's newest live code for a call-up: counts the attempt (kept whatever the sign-up
 * does next) and answers the code's hash, or nothing when no code is live or its tries are spent.
 */
export function tryCode(db: Db, callupId: string, phoneHmac: Buffer, attempts: number) {
  return db
    .updateTable('callup_codes')
    .set({ attempts: sql`attempts + 1` })
    .where(
      'id',
      '=',
      db
        .selectFrom('callup_codes')
        .select('id')
        .where('callup_id', '=', callupId)
        .where('phone_hmac', '=', phoneHmac)
        .where('used_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .orderBy('created_at', 'desc')
        .limit(1),
    )
    .where('attempts', '<', attempts)
    .returning(['id', 'code_hmac'])
    .executeTakeFirst();
}

/** Spends a code; false when another request spent it first. */
export async function spendCode(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('callup_codes')
    .set({ used_at: sql`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function signupByClientId(db: Db, callupId: string, clientId: string) {
  return db
    .selectFrom('callup_signups')
    .select('id')
    .where('callup_id', '=', callupId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}
