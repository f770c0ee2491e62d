import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection';

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
