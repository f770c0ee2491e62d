import { type RawBuilder, sql } from 'kysely';
import { type Db, runPrepared } from '../../db/connection';

// The SQL of the checkpoints. Scope is decided by the callers (service.ts, handovers.ts): every list
// here takes the condition the scope helper made.

export interface FacilityRow {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  region_code: string;
  steps: string[] | null;
  public_token: string | null;
}

const facilityColumns = sql`
  f.id::text AS id, f.name, f.kind, f.address, f.unit_id::text AS unit_id, f.unit_path, u.code AS unit_code,
  u.name AS unit_name, coalesce(u.region_code, left(u.code, 6)) AS region_code, s.steps, s.public_token`;

export async function findFacility(db: Db, id: string): Promise<FacilityRow | undefined> {
  const { rows } = await sql<FacilityRow>`
    SELECT ${facilityColumns}
    FROM facilities f JOIN units u ON u.id = f.unit_id
    LEFT JOIN checkpoint_settings s ON s.facility_id = f.id
    WHERE f.id = ${id}`.execute(db);
  return rows[0];
}

export async function facilityByToken(db: Db, token: string): Promise<FacilityRow | undefined> {
  const { rows } = await sql<FacilityRow>`
    SELECT ${facilityColumns}
    FROM checkpoint_settings s JOIN facilities f ON f.id = s.facility_id JOIN units u ON u.id = f.unit_id
    WHERE s.public_token = ${token} AND f.kind = 'checkpoint'`.execute(db);
  return rows[0];
}

export async function checkpointsWhere(db: Db, where: RawBuilder<boolean>, limit: number) {
  const { rows } = await sql<FacilityRow>`
    SELECT ${facilityColumns}
    FROM facilities f JOIN units u ON u.id = f.unit_id
    LEFT JOIN checkpoint_settings s ON s.facility_id = f.id
    WHERE f.kind = 'checkpoint' AND ${where}
    ORDER BY f.unit_path, f.name, f.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

export async function transferFacilities(db: Db, kinds: readonly string[], limit: number) {
  const { rows } = await sql<{ id: string; name: string; kind: string }>`
    SELECT id::text AS id, name, kind FROM facilities
    WHERE kind = ANY(${kinds as string[]}::text[])
    ORDER BY kind, name, id LIMIT ${limit}`.execute(db);
  return rows;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  region_code: string;
}

export async function unitsByCodes(db: Db, codes: string[]): Promise<UnitRef[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<UnitRef>`
    SELECT id::text AS id, code, name, kind, path, coalesce(region_code, left(code, 6)) AS region_code
    FROM units WHERE code = ANY(${codes}::text[])`.execute(db);
  return rows;
}

export interface PassageRow {
  region_code: string;
  id: string;
  client_id: string;
  facility_id: string;
  unit_path: string;
  occurred_at: Date;
  day: string;
  shift_id: string | null;
  shift_name: string | null;
  direction: string;
  plate: string | null;
  vehicle_kind: string | null;
  vehicle_from: string | null;
  vehicle_to: string | null;
  cargo: string | null;
  people_count: number;
  names: string[];
  outcome: string;
  transfer_facility_id: string | null;
  key_area_people: number;
  fever_people: number;
  handed_over: number;
  steps: { step: string; by: string; at: string }[];
  registration_id: string | null;
  by_user: string | null;
  by_name: string;
  created_at: Date;
}

export const PASSAGE_COLUMNS = sql.raw(`region_code, id::text AS id, client_id::text AS client_id,
  facility_id::text AS facility_id, unit_path, occurred_at, to_char(day, 'YYYY-MM-DD') AS day,
  shift_id::text AS shift_id, shift_name, direction, plate, vehicle_kind, vehicle_from, vehicle_to, cargo,
  people_count, names, outcome, transfer_facility_id::text AS transfer_facility_id, key_area_people,
  fever_people, handed_over, steps, registration_id::text AS registration_id, by_user::text AS by_user,
  by_name, created_at`);

export interface PersonRow {
  region_code: string;
  id: string;
  passage_id: string;
  position: number;
  name: string;
  id_type: string;
  id_masked: string | null;
  phone_masked: string | null;
  temperature_c: string | null;
  travel: { placeCode: string; placeName?: string; from?: string; to?: string; undated?: string }[];
  health_code: string | null;
  itinerary_code: string | null;
  destination_path: string | null;
  destination_address: string | null;
  from_key_area: boolean;
  key_area: { code: string; name: string; placeCode: string; placeName?: string } | null;
  fever: boolean;
}

export const PERSON_COLUMNS = sql.raw(`region_code, id::text AS id, passage_id::text AS passage_id, position,
  name, id_type, id_masked, phone_masked, temperature_c::text AS temperature_c, travel, health_code,
  itinerary_code, destination_path, destination_address, from_key_area, key_area, fever`);

export async function passageByClient(db: Db, regionCode: string, clientId: string) {
  const { rows } = await sql<PassageRow>`
    SELECT ${PASSAGE_COLUMNS} FROM checkpoint_passages
    WHERE region_code = ${regionCode} AND client_id = ${clientId}`.execute(db);
  return rows[0];
}

export async function passageById(db: Db, regionCode: string, id: string) {
  const { rows } = await sql<PassageRow>`
    SELECT ${PASSAGE_COLUMNS} FROM checkpoint_passages WHERE region_code = ${regionCode} AND id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export async function peopleOf(db: Db, regionCode: string, passageIds: string[]) {
  const { rows } = await sql<PersonRow>`
    SELECT ${PERSON_COLUMNS} FROM checkpoint_people
    WHERE region_code = ${regionCode} AND passage_id = ANY(${passageIds}::bigint[])
    ORDER BY passage_id, position`.execute(db);
  return rows;
}

export async function sealedPeopleOf(db: Db, regionCode: string, passageIds: string[]) {
  const { rows } = await sql<{
    id: string;
    passage_id: string;
    position: number;
    id_enc: Buffer | null;
    phone_enc: Buffer | null;
  }>`
    SELECT id::text AS id, passage_id::text AS passage_id, position, id_enc, phone_enc FROM checkpoint_people
    WHERE region_code = ${regionCode} AND passage_id = ANY(${passageIds}::bigint[])`.execute(db);
  return rows;
}

export async function handoversOfPassage(db: Db, passageRegion: string, passageId: string) {
  const { rows } = await sql<{ region_code: string; id: string; person_id: string }>`
    SELECT region_code, id::text AS id, person_id::text AS person_id FROM checkpoint_handovers
    WHERE passage_region = ${passageRegion} AND passage_id = ${passageId}`.execute(db);
  return rows;
}

export interface CountRow {
  passages: number;
  vehicles: number;
  people: number;
  key_area_people: number;
  fever_people: number;
  persuaded_back: number;
  handed_over: number;
  in_vehicles: number;
  in_people: number;
  out_vehicles: number;
  out_people: number;
}

export const COUNT_SUMS = sql.raw(`sum(passages)::int AS passages, sum(vehicles)::int AS vehicles,
  sum(people)::int AS people, sum(key_area_people)::int AS key_area_people,
  sum(fever_people)::int AS fever_people, sum(persuaded_back)::int AS persuaded_back,
  sum(handed_over)::int AS handed_over, sum(in_vehicles)::int AS in_vehicles, sum(in_people)::int AS in_people,
  sum(out_vehicles)::int AS out_vehicles, sum(out_people)::int AS out_people`);

/** A facility's counts of a day, one row per shift (shift_key 0: no shift). */
export async function facilityCounts(db: Db, facilityId: string, day: string) {
  const { rows } = await sql<CountRow & { shift_key: string; shift_name: string | null }>`
    SELECT shift_key::text AS shift_key, min(shift_name) AS shift_name, ${COUNT_SUMS}
    FROM checkpoint_counts WHERE facility_id = ${facilityId} AND day = ${day}
    GROUP BY shift_key ORDER BY shift_key`.execute(db);
  return rows;
}

/**
 * A subtree's counts of a day by child: the facility rows of the day under the unit (one range scan of
 * checkpoint_counts_day_idx), summed per child path (the first `childDepth` labels) and per facility
 * standing at the unit itself.
 */
export async function subtreeCounts(db: Db, root: string, day: string, childDepth: number) {
  const { rows } = await sql<CountRow & { child_path: string; facility_id: string | null }>`
    SELECT array_to_string((string_to_array(unit_path, '.'))[1:${childDepth}], '.') AS child_path,
           CASE WHEN unit_path = ${root} THEN facility_id::text END AS facility_id, ${COUNT_SUMS}
    FROM checkpoint_counts
    WHERE day = ${day} AND unit_path >= ${root} AND unit_path < ${`${root}/`}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** A facility with the passage already made with this clientId there, if any (a replay), in one round trip. */
export async function facilityAndReplay(db: Db, id: string, clientId: string) {
  const { rows } = await sql<FacilityRow & { first: PassageRow | null }>`
    SELECT ${facilityColumns},
      (SELECT row_to_json(x) FROM (
         SELECT ${PASSAGE_COLUMNS} FROM checkpoint_passages
         -- units.code is COLLATE "C": the region taken from it must be compared in the column's collation,
         -- or the unique index (region_code, client_id) is only scanned by client_id (a whole-index scan)
         WHERE region_code = coalesce(u.region_code, left(u.code, 6)) COLLATE "default"
           AND client_id = ${clientId}::uuid) x) AS first
    FROM facilities f JOIN units u ON u.id = f.unit_id
    LEFT JOIN checkpoint_settings s ON s.facility_id = f.id
    WHERE f.id = ${id}`.execute(db);
  const r = rows[0];
  if (r?.first) {
    r.first.occurred_at = new Date(r.first.occurred_at);
    r.first.created_at = new Date(r.first.created_at);
  }
  return r;
}

/** What a passage row holds beyond its checkpoint and shift (which come from `PassageSource`). */
export interface PassageValues {
  clientId: string;
  occurredAt: Date;
  day: string;
  direction: string;
  plate: string | null;
  vehicleKind: string | null;
  vehicleFrom: string | null;
  vehicleTo: string | null;
  cargo: string | null;
  names: string[];
  outcome: string;
  transferFacilityId: string | null;
  keyAreaPeople: number;
  feverPeople: number;
  handedOver: number;
  /** the ticked steps, as JSON */
  steps: string;
  registrationId: string | null;
  byUser: string | null;
  byName: string;
}

/**
 * Where a passage is written: a statement yielding one row (region_code, facility_id, unit_path, name,
 * shift_id, shift_name), or none, in which case nothing is written.
 */
export type PassageSource = RawBuilder<unknown>;

/** A checkpoint already read and checked by the caller, with the caller's shift there. */
export function knownCheckpoint(
  f: { region_code: string; id: string; unit_path: string; name: string },
  shift: { id: string; name: string } | null,
): PassageSource {
  return sql`SELECT ${f.region_code}::text AS region_code, ${f.id}::bigint AS facility_id,
    ${f.unit_path}::text AS unit_path, ${f.name}::text AS name, ${shift?.id ?? null}::bigint AS shift_id,
    ${shift?.name ?? null}::text AS shift_name`;
}

/**
 * The checkpoint `id` when it lies in the scope condition `inScope` (on f.unit_path), with the shift that
 * `shiftOf` (a statement with id and label) finds: all read inside the passage's own statement.
 */
export function checkpointWhere(
  id: string,
  inScope: RawBuilder<boolean>,
  shift: RawBuilder<unknown>,
): PassageSource {
  return sql`SELECT coalesce(u.region_code, left(u.code, 6)) COLLATE "default" AS region_code,
      f.id AS facility_id, f.unit_path, f.name, sh.id AS shift_id, sh.label AS shift_name
    FROM facilities f JOIN units u ON u.id = f.unit_id
    LEFT JOIN LATERAL (${shift}) sh ON true
    WHERE f.id = ${id}::bigint AND f.kind = 'checkpoint' AND ${inScope}`;
}

/**
 * A passage and its people in one statement (atomic on its own). Nothing is written, and undefined is
 * answered, when the source yields no checkpoint or the clientId is taken (a replay).
 * `people`: one VALUES row each, in the column order of checkpoint_people after (region_code, passage_id).
 */
export async function insertPassage(
  conn: Db,
  source: PassageSource,
  v: PassageValues,
  people: RawBuilder<unknown>[],
): Promise<{ passage: PassageRow; people: PersonRow[]; facilityName: string } | undefined> {
  const statement = sql<{
    passage: PassageRow | null;
    people: PersonRow[] | null;
    facility_name: string;
  }>`
    WITH f AS (${source}), p AS (
      INSERT INTO checkpoint_passages (region_code, client_id, facility_id, unit_path, occurred_at, day, shift_id,
        shift_name, direction, plate, vehicle_kind, vehicle_from, vehicle_to, cargo, people_count, names, outcome,
        transfer_facility_id, key_area_people, fever_people, handed_over, steps, registration_id, by_user, by_name)
      SELECT f.region_code, ${v.clientId}::uuid, f.facility_id, f.unit_path, ${v.occurredAt}::timestamptz,
        ${v.day}::date, f.shift_id, f.shift_name, ${v.direction}, ${v.plate}, ${v.vehicleKind}, ${v.vehicleFrom},
        ${v.vehicleTo}, ${v.cargo}, ${v.names.length}, ${v.names}::text[], ${v.outcome},
        ${v.transferFacilityId}::bigint, ${v.keyAreaPeople}, ${v.feverPeople}, ${v.handedOver}, ${v.steps}::jsonb,
        ${v.registrationId}::bigint, ${v.byUser}::bigint, ${v.byName}
      FROM f
      ON CONFLICT (region_code, client_id) DO NOTHING
      RETURNING ${PASSAGE_COLUMNS}
    ), pe AS (
      INSERT INTO checkpoint_people (region_code, passage_id, position, name, id_type, id_enc, id_hmac, id_masked,
        id_tail, phone_enc, phone_hmac, phone_masked, phone_tail, temperature_c, travel, health_code,
        itinerary_code, destination_path, destination_address, from_key_area, key_area, fever)
      SELECT p.region_code, p.id::bigint, v.* FROM p CROSS JOIN (VALUES ${sql.join(people)}) AS v
      RETURNING ${PERSON_COLUMNS}
    )
    SELECT (SELECT row_to_json(p) FROM p) AS passage, (SELECT json_agg(pe) FROM pe) AS people,
      (SELECT name FROM f) AS facility_name`;
  // the roadside's statement, prepared once per connection (outside a transaction: the common passage)
  const rows = conn.isTransaction ? (await statement.execute(conn)).rows : await runPrepared(conn, statement);
  const p = rows[0]?.passage;
  if (!p) return undefined;
  p.occurred_at = new Date(p.occurred_at);
  p.created_at = new Date(p.created_at);
  const made = (rows[0].people ?? []).sort((a, b) => a.position - b.position);
  return { passage: p, people: made, facilityName: rows[0].facility_name };
}
