import { type RawBuilder, sql } from 'kysely';
import { KEY_PERSON_CATEGORIES } from '../../../domain/isolation/keyPerson';
import { MEASURE_KINDS } from '../../../domain/isolation/measures';
import type { Db } from '../../db/connection';
import { inSubtree } from '../../platform/scope';

// The SQL of key persons and isolation. Every read that returns rows of a place takes the caller's scope
// condition (Scope.where) from the service: nothing here decides who may see what.

export interface KeyPersonRow {
  region_code: string;
  id: string;
  client_id: string | null;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  resident_region: string | null;
  resident_id: string | null;
  name: string;
  id_type: string;
  id_masked: string | null;
  phone_masked: string | null;
  address: string | null;
  category: string;
  source: string;
  source_ref: string | null;
  evidence: Record<string, unknown>;
  state: 'open' | 'closed';
  measure: string | null;
  measure_id: string | null;
  measure_started_at: Date | null;
  measure_starts_on: string | null;
  measure_last_day: string | null;
  responsible_user_id: string | null;
  responsible_name: string | null;
  last_checked_at: Date | null;
  last_temperature_c: string | null;
  fever: boolean;
  created_at: Date;
}

export const KEY_PERSON_COLUMNS = sql`
  k.region_code, k.id::text AS id, k.client_id::text AS client_id, k.unit_path, u.code AS unit_code,
  u.name AS unit_name, k.resident_region, k.resident_id::text AS resident_id, k.name, k.id_type, k.id_masked,
  k.phone_masked, k.address, k.category, k.source, k.source_ref, k.evidence, k.state, k.measure,
  k.measure_id::text AS measure_id, k.measure_started_at, to_char(cm.starts_on, 'YYYY-MM-DD') AS measure_starts_on, to_char(k.measure_last_day, 'YYYY-MM-DD') AS measure_last_day,
  k.responsible_user_id::text AS responsible_user_id, ru.display_name AS responsible_name, k.last_checked_at,
  k.last_temperature_c::text AS last_temperature_c, k.fever, k.created_at`;
export const KEY_PERSON_FROM = sql`key_persons k JOIN units u ON u.path = k.unit_path
  LEFT JOIN users ru ON ru.id = k.responsible_user_id
  LEFT JOIN isolation_measures cm ON cm.region_code = k.region_code AND cm.id = k.measure_id`;

export async function findKeyPerson(db: Db, regionCode: string, id: string) {
  const { rows } = await sql<KeyPersonRow>`
    SELECT ${KEY_PERSON_COLUMNS} FROM ${KEY_PERSON_FROM}
    WHERE k.region_code = ${regionCode} AND k.id = ${id}`.execute(db);
  return rows[0];
}

export async function keyPersonByClientId(db: Db, regionCode: string, clientId: string) {
  const { rows } = await sql<KeyPersonRow>`
    SELECT ${KEY_PERSON_COLUMNS} FROM ${KEY_PERSON_FROM}
    WHERE k.region_code = ${regionCode} AND k.client_id = ${clientId}`.execute(db);
  return rows[0];
}

/** The open case of a person, by the blind index of their ID number or by the ledger resident. */
export async function openCaseOf(
  db: Db,
  who: { idHmac?: Buffer | null; resident?: { region: string; id: string } },
): Promise<{ region_code: string; id: string; name: string; unit_path: string } | undefined> {
  const conds: RawBuilder<boolean>[] = [];
  if (who.idHmac) conds.push(sql<boolean>`id_hmac = ${who.idHmac}`);
  if (who.resident)
    conds.push(sql<boolean>`(resident_region = ${who.resident.region} AND resident_id = ${who.resident.id})`);
  if (!conds.length) return undefined;
  const { rows } = await sql<{ region_code: string; id: string; name: string; unit_path: string }>`
    SELECT region_code, id::text AS id, name, unit_path FROM key_persons
    WHERE state = 'open' AND (${sql.join(conds, sql` OR `)}) LIMIT 1`.execute(db);
  return rows[0];
}

export interface NewKeyPerson {
  regionCode: string;
  clientId: string | null;
  unitPath: string;
  communityPath: string;
  residentRegion: string | null;
  residentId: string | null;
  name: string;
  idType: string;
  idEnc: Buffer | null;
  idHmac: Buffer | null;
  idMasked: string | null;
  idTail: string | null;
  phoneEnc: Buffer | null;
  phoneHmac: Buffer | null;
  phoneMasked: string | null;
  phoneTail: string | null;
  address: string | null;
  category: string;
  source: string;
  sourceRef: string | null;
  evidence: Record<string, unknown>;
  createdBy: string | null;
  /** the platform's instant (a replayed day in a demonstration) */
  createdAt: Date;
}

/** Inserts a key person; undefined when the client id was sent before (the first one stands). */
export async function insertKeyPerson(db: Db, k: NewKeyPerson): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO key_persons (region_code, client_id, unit_path, community_path, resident_region, resident_id, name,
      id_type, id_enc, id_hmac, id_masked, id_tail, phone_enc, phone_hmac, phone_masked, phone_tail, address,
      category, source, source_ref, evidence, created_by, created_at)
    VALUES (${k.regionCode}, ${k.clientId}, ${k.unitPath}, ${k.communityPath}, ${k.residentRegion}, ${k.residentId},
      ${k.name}, ${k.idType}, ${k.idEnc}, ${k.idHmac}, ${k.idMasked}, ${k.idTail}, ${k.phoneEnc}, ${k.phoneHmac},
      ${k.phoneMasked}, ${k.phoneTail}, ${k.address}, ${k.category}, ${k.source}, ${k.sourceRef},
      ${JSON.stringify(k.evidence)}::jsonb, ${k.createdBy}, ${k.createdAt})
    ON CONFLICT (region_code, client_id) DO NOTHING
    RETURNING id::text AS id`.execute(db);
  return rows[0]?.id;
}

export function sealedOf(db: Db, regionCode: string, id: string) {
  return sql<{ id_enc: Buffer | null; phone_enc: Buffer | null; unit_path: string }>`
    SELECT id_enc, phone_enc, unit_path FROM key_persons WHERE region_code = ${regionCode} AND id = ${id}`.execute(
    db,
  );
}

export function addHistory(
  db: Db,
  k: { region_code: string; id: string },
  kind: string,
  detail: Record<string, unknown>,
  by: { userId: string | null; username: string },
  at: Date,
) {
  return sql`
    INSERT INTO key_person_history (region_code, key_person_id, kind, detail, by_user, by_name, at)
    VALUES (${k.region_code}, ${k.id}, ${kind}, ${JSON.stringify(detail)}::jsonb, ${by.userId}, ${by.username}, ${at})`.execute(
    db,
  );
}

export interface HistoryRow {
  kind: string;
  detail: Record<string, unknown>;
  by_name: string;
  at: Date;
}

export async function historyOf(db: Db, regionCode: string, id: string) {
  const { rows } = await sql<HistoryRow>`
    SELECT kind, detail, by_name, at FROM key_person_history
    WHERE region_code = ${regionCode} AND key_person_id = ${id} ORDER BY at, id LIMIT 500`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Measures

export interface MeasureRow {
  region_code: string;
  id: string;
  key_person_id: string;
  kind: string;
  starts_on: string;
  planned_end: string;
  started_at: Date;
  responsible_user_id: string | null;
  responsible_name: string | null;
  doctor: string | null;
  door_seal: string;
  site_id: string | null;
  site_name: string | null;
  room_id: string | null;
  room_name: string | null;
  note: string | null;
  ended_on: string | null;
  end_reason: string | null;
  signed_off_by: string | null;
  end_note: string | null;
  created_at: Date;
}

const MEASURE_COLUMNS = sql`
  m.region_code, m.id::text AS id, m.key_person_id::text AS key_person_id, m.kind,
  to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(m.planned_end, 'YYYY-MM-DD') AS planned_end, m.started_at,
  m.responsible_user_id::text AS responsible_user_id, ru.display_name AS responsible_name, m.doctor, m.door_seal,
  m.site_id::text AS site_id, f.name AS site_name, m.room_id::text AS room_id, r.name AS room_name, m.note,
  to_char(m.ended_on, 'YYYY-MM-DD') AS ended_on, m.end_reason, m.signed_off_by, m.end_note, m.created_at`;
const MEASURE_FROM = sql`isolation_measures m LEFT JOIN users ru ON ru.id = m.responsible_user_id
  LEFT JOIN facilities f ON f.id = m.site_id LEFT JOIN isolation_rooms r ON r.id = m.room_id`;

export async function measuresOf(db: Db, regionCode: string, keyPersonId: string) {
  const { rows } = await sql<MeasureRow>`
    SELECT ${MEASURE_COLUMNS} FROM ${MEASURE_FROM}
    WHERE m.region_code = ${regionCode} AND m.key_person_id = ${keyPersonId} ORDER BY m.id`.execute(db);
  return rows;
}

export async function findMeasure(db: Db, regionCode: string, id: string) {
  const { rows } = await sql<MeasureRow>`
    SELECT ${MEASURE_COLUMNS} FROM ${MEASURE_FROM} WHERE m.region_code = ${regionCode} AND m.id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export interface NewMeasure {
  regionCode: string;
  keyPersonId: string;
  kind: string;
  startsOn: string;
  plannedEnd: string;
  startedAt: Date;
  responsibleUserId: string | null;
  doctor: string | null;
  doorSeal: string;
  siteId: string | null;
  roomId: string | null;
  note: string | null;
  createdBy: string | null;
}

export async function insertMeasure(db: Db, m: NewMeasure): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO isolation_measures (region_code, key_person_id, kind, starts_on, planned_end, started_at,
      responsible_user_id, doctor, door_seal, site_id, room_id, note, created_by)
    VALUES (${m.regionCode}, ${m.keyPersonId}, ${m.kind}, ${m.startsOn}, ${m.plannedEnd}, ${m.startedAt},
      ${m.responsibleUserId}, ${m.doctor}, ${m.doorSeal}, ${m.siteId}, ${m.roomId}, ${m.note}, ${m.createdBy})
    RETURNING id::text AS id`.execute(db);
  return rows[0].id;
}

/** Ends a running measure; false when it had ended already (another request was first). */
export async function endMeasureRow(
  db: Db,
  m: { region_code: string; id: string },
  end: { on: string; reason: string; signedOffBy: string | null; note: string | null; by: string | null },
): Promise<boolean> {
  const { rows } = await sql`
    UPDATE isolation_measures SET ended_on = ${end.on}, end_reason = ${end.reason}, signed_off_by = ${end.signedOffBy},
      end_note = ${end.note}, ended_by = ${end.by}
    WHERE region_code = ${m.region_code} AND id = ${m.id} AND ended_on IS NULL
    RETURNING id`.execute(db);
  return rows.length > 0;
}

/** The key person's current measure, as kept beside them (none: all NULL). */
export function setCurrentMeasure(
  db: Db,
  k: { region_code: string; id: string },
  m: {
    kind: string;
    id: string;
    startedAt: Date;
    lastDay: string;
    responsibleUserId: string | null;
  } | null,
  state: 'open' | 'closed',
) {
  return sql`
    UPDATE key_persons SET measure = ${m?.kind ?? null}, measure_id = ${m?.id ?? null},
      measure_started_at = ${m?.startedAt ?? null}, measure_last_day = ${m?.lastDay ?? null},
      responsible_user_id = coalesce(${m?.responsibleUserId ?? null}, responsible_user_id),
      state = ${state}, updated_at = now()
    WHERE region_code = ${k.region_code} AND id = ${k.id}`.execute(db);
}

/** Locks a key person's row: two changes of one person's measure are taken one after the other. */
export function lockKeyPerson(db: Db, k: { region_code: string; id: string }) {
  return sql`SELECT 1 FROM key_persons WHERE region_code = ${k.region_code} AND id = ${k.id} FOR UPDATE`.execute(
    db,
  );
}

/** Locks a room and counts the measures running in it (its occupants). */
export async function lockRoom(db: Db, facilityId: string, roomId: string) {
  const { rows } = await sql<{ capacity: number; occupied: number }>`
    SELECT r.capacity, (SELECT count(*)::int FROM isolation_measures m WHERE m.room_id = r.id AND m.ended_on IS NULL) AS occupied
    FROM isolation_rooms r WHERE r.id = ${roomId} AND r.facility_id = ${facilityId}
    FOR UPDATE OF r`.execute(db);
  return rows[0];
}

// ---------------------------------------------------------------------------------------------------
// Checks

export interface CheckRow {
  region_code: string;
  id: string;
  client_id: string;
  key_person_id: string;
  measure_id: string | null;
  checked_at: Date;
  day: string;
  slot: 'am' | 'pm';
  how: string;
  temperature_c: string | null;
  symptoms: string[];
  mood: string | null;
  needs: string | null;
  note: string | null;
  alarming: boolean;
  by_name: string;
}

const CHECK_COLUMNS = sql`c.region_code, c.id::text AS id, c.client_id::text AS client_id,
  c.key_person_id::text AS key_person_id, c.measure_id::text AS measure_id, c.checked_at,
  to_char(c.day, 'YYYY-MM-DD') AS day, c.slot, c.how, c.temperature_c::text AS temperature_c, c.symptoms, c.mood,
  c.needs, c.note, c.alarming, c.by_name`;

export async function checkByClientId(db: Db, regionCode: string, clientId: string) {
  const { rows } = await sql<CheckRow>`
    SELECT ${CHECK_COLUMNS} FROM health_checks c WHERE c.region_code = ${regionCode} AND c.client_id = ${clientId}`.execute(
    db,
  );
  return rows[0];
}

export async function checksOf(db: Db, regionCode: string, keyPersonId: string, limit = 200) {
  const { rows } = await sql<CheckRow>`
    SELECT ${CHECK_COLUMNS} FROM health_checks c
    WHERE c.region_code = ${regionCode} AND c.key_person_id = ${keyPersonId}
    ORDER BY c.checked_at DESC, c.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export interface NewCheck {
  regionCode: string;
  clientId: string;
  keyPersonId: string;
  measureId: string | null;
  checkedAt: Date;
  day: string;
  slot: string;
  how: string;
  temperatureC: number | null;
  symptoms: string[];
  mood: string | null;
  needs: string | null;
  note: string | null;
  alarming: boolean;
  byUser: string | null;
  byName: string;
}

/** Inserts a check; undefined when its client id was sent before. */
export async function insertCheck(db: Db, c: NewCheck): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO health_checks (region_code, client_id, key_person_id, measure_id, checked_at, day, slot, how,
      temperature_c, symptoms, mood, needs, note, alarming, by_user, by_name)
    VALUES (${c.regionCode}, ${c.clientId}, ${c.keyPersonId}, ${c.measureId}, ${c.checkedAt}, ${c.day}, ${c.slot},
      ${c.how}, ${c.temperatureC}, ${c.symptoms}::text[], ${c.mood}, ${c.needs}, ${c.note}, ${c.alarming},
      ${c.byUser}, ${c.byName})
    ON CONFLICT (region_code, client_id) DO NOTHING
    RETURNING id::text AS id`.execute(db);
  return rows[0]?.id;
}

/** The key person's last check (the latest instant wins) and whether a fever is open. */
export function noteCheck(
  db: Db,
  k: { region_code: string; id: string },
  c: { checkedAt: Date; temperatureC: number | null; alarming: boolean },
) {
  return sql`
    UPDATE key_persons SET
      last_temperature_c = CASE WHEN last_checked_at IS NULL OR last_checked_at <= ${c.checkedAt}
        THEN ${c.temperatureC} ELSE last_temperature_c END,
      last_checked_at = greatest(last_checked_at, ${c.checkedAt}),
      fever = fever OR ${c.alarming}, updated_at = now()
    WHERE region_code = ${k.region_code} AND id = ${k.id}`.execute(db);
}

/** The checks of some key persons on a day, by slot: what the due list marks done. */
export async function checksOnDay(db: Db, day: string, persons: { region_code: string; id: string }[]) {
  if (!persons.length) return [];
  const { rows } = await sql<{
    region_code: string;
    key_person_id: string;
    slot: string;
    temperature_c: string | null;
  }>`
    SELECT c.region_code, c.key_person_id::text AS key_person_id, c.slot, c.temperature_c::text AS temperature_c
    FROM health_checks c
    JOIN unnest(${persons.map((p) => p.region_code)}::text[], ${persons.map((p) => p.id)}::bigint[]) AS p(region_code, id)
      ON c.region_code = p.region_code AND c.key_person_id = p.id
    WHERE c.day = ${day}
    ORDER BY c.checked_at`.execute(db);
  return rows;
}

/** The key persons under a measure that started by `now`, of a worker or of a place (scope condition given). */
export async function measuredPersons(db: Db, where: RawBuilder<boolean>, now: Date, limit: number) {
  const { rows } = await sql<KeyPersonRow>`
    SELECT ${KEY_PERSON_COLUMNS} FROM ${KEY_PERSON_FROM}
    WHERE k.measure IS NOT NULL AND k.measure_started_at <= ${now} AND ${where}
    ORDER BY k.last_checked_at NULLS FIRST, k.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Transfers

export interface TransferRow {
  region_code: string;
  id: string;
  key_person_id: string;
  person_name: string;
  unit_path: string;
  unit_name: string;
  check_id: string | null;
  reason: string;
  state: 'open' | 'picked_up' | 'closed';
  destination: string | null;
  escort: string | null;
  picked_up_at: Date | null;
  outcome: string | null;
  opened_at: Date;
  closed_at: Date | null;
}

const TRANSFER_COLUMNS = sql`t.region_code, t.id::text AS id, t.key_person_id::text AS key_person_id,
  k.name AS person_name, t.unit_path, u.name AS unit_name, t.check_id::text AS check_id, t.reason, t.state,
  t.destination, t.escort, t.picked_up_at, t.outcome, t.opened_at, t.closed_at`;
const TRANSFER_FROM = sql`isolation_transfers t JOIN key_persons k ON k.region_code = t.region_code AND k.id = t.key_person_id
  JOIN units u ON u.path = t.unit_path`;

export async function insertTransfer(
  db: Db,
  t: {
    regionCode: string;
    keyPersonId: string;
    unitPath: string;
    checkId: string | null;
    reason: string;
    openedAt: Date;
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO isolation_transfers (region_code, key_person_id, unit_path, check_id, reason, opened_at)
    VALUES (${t.regionCode}, ${t.keyPersonId}, ${t.unitPath}, ${t.checkId}, ${t.reason}, ${t.openedAt})
    RETURNING id::text AS id`.execute(db);
  return rows[0].id;
}

export async function findTransfer(db: Db, regionCode: string, id: string) {
  const { rows } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE t.region_code = ${regionCode} AND t.id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export async function transfersOf(db: Db, regionCode: string, keyPersonId: string) {
  const { rows } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM}
    WHERE t.region_code = ${regionCode} AND t.key_person_id = ${keyPersonId} ORDER BY t.opened_at DESC, t.id DESC`.execute(
    db,
  );
  return rows;
}

export async function listTransfers(db: Db, where: RawBuilder<boolean>, limit: number) {
  const { rows } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE ${where}
    ORDER BY t.opened_at DESC, t.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function updateTransfer(
  db: Db,
  t: { region_code: string; id: string },
  set: {
    state: string;
    destination: string | null;
    escort: string | null;
    pickedUpAt: Date | null;
    outcome: string | null;
    /** the platform's instant: closed_at when it closes */
    at: Date;
  },
): Promise<boolean> {
  const { rows } = await sql`
    UPDATE isolation_transfers SET state = ${set.state}, destination = ${set.destination}, escort = ${set.escort},
      picked_up_at = ${set.pickedUpAt}, outcome = ${set.outcome},
      closed_at = CASE WHEN ${set.state} = 'closed' THEN ${set.at}::timestamptz ELSE NULL END
    WHERE region_code = ${t.region_code} AND id = ${t.id} AND state <> 'closed'
    RETURNING id`.execute(db);
  return rows.length > 0;
}

/** No open transfer left: the key person's fever is over. */
export function clearFeverWhenNoTransfer(db: Db, k: { region_code: string; id: string }) {
  return sql`
    UPDATE key_persons SET fever = false, updated_at = now()
    WHERE region_code = ${k.region_code} AND id = ${k.id} AND fever
      AND NOT EXISTS (SELECT 1 FROM isolation_transfers t
        WHERE t.region_code = ${k.region_code} AND t.key_person_id = ${k.id} AND t.state <> 'closed')`.execute(
    db,
  );
}

// ---------------------------------------------------------------------------------------------------
// Counts

export interface CountRow {
  child_path: string;
  category: string;
  measure: string;
  persons: number;
  fevers: number;
}

/** The child unit (one label below `root`) a path lies in; `root` itself for a path at the root. */
function childOf(column: string, root: string) {
  const c = sql.ref(column);
  return sql<string>`CASE WHEN ${c} = ${root} THEN ${root}
    ELSE ${root} || '.' || split_part(substr(${c}, ${root.length + 2}), '.', 1) END`;
}

/**
 * Counts above the communities, from key_person_tallies (one wide row per community), by child unit: as
 * narrow rows of one category and one measure each (the persons of a category under measure 'any', and of
 * a measure under category 'any'), which the service adds up.
 */
export async function countsFromCommunities(db: Db, root: string): Promise<CountRow[]> {
  const { rows } = await sql<Record<string, number> & { child_path: string }>`
    SELECT ${childOf('community_path', root)} AS child_path,
      ${sql.join(TALLY_COLUMNS.map((c) => sql`sum(${sql.ref(c)})::int AS ${sql.ref(c)}`))}
    FROM key_person_tallies WHERE ${inSubtree('community_path', root)}
    GROUP BY 1`.execute(db);
  return rows.flatMap((r) => [
    { child_path: r.child_path, category: 'any', measure: 'any', persons: r.persons, fevers: r.fevers },
    ...TALLY_CATEGORIES.map((c) => ({
      child_path: r.child_path,
      category: c,
      measure: 'any',
      persons: r[`c_${c}`],
      fevers: 0,
    })),
    ...TALLY_MEASURES.map((m) => ({
      child_path: r.child_path,
      category: 'any',
      measure: m,
      persons: r[`m_${m}`],
      fevers: 0,
    })),
  ]);
}

const TALLY_CATEGORIES = KEY_PERSON_CATEGORIES;
const TALLY_MEASURES = [...MEASURE_KINDS, 'none'] as const;
const TALLY_COLUMNS = [
  'persons',
  'fevers',
  ...TALLY_CATEGORIES.map((c) => `c_${c}`),
  ...TALLY_MEASURES.map((m) => `m_${m}`),
];

/** Counts of a community or below, from its key persons, in the same narrow rows. */
export async function countsFromPersons(db: Db, root: string): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    SELECT ${childOf('unit_path', root)} AS child_path, category, coalesce(measure, 'none') AS measure,
      count(*)::int AS persons, count(*) FILTER (WHERE fever)::int AS fevers
    FROM key_persons WHERE ${inSubtree('unit_path', root)} AND state = 'open'
    GROUP BY 1, 2, 3`.execute(db);
  return rows.flatMap((r) => [
    { child_path: r.child_path, category: 'any', measure: 'any', persons: r.persons, fevers: r.fevers },
    { child_path: r.child_path, category: r.category, measure: 'any', persons: r.persons, fevers: 0 },
    { child_path: r.child_path, category: 'any', measure: r.measure, persons: r.persons, fevers: 0 },
  ]);
}

/**
 * Key persons whose last slot past its deadline has no check, by child unit: under a measure (it runs
 * until it is ended, past its planned end too) that had started before that slot was due, and no check
 * since the slot began (key_persons_unchecked_idx: only the people not checked since are read).
 */
export async function overdueByChild(db: Db, root: string, slot: { day: string; begins: Date; due: Date }) {
  const { rows } = await sql<{ child_path: string; overdue: number }>`
    SELECT ${childOf('unit_path', root)} AS child_path, count(*)::int AS overdue
    FROM key_persons
    WHERE measure IS NOT NULL AND coalesce(last_checked_at, '-infinity'::timestamptz) < ${slot.begins}
      AND ${inSubtree('unit_path', root)} AND measure_started_at < ${slot.due}
    GROUP BY 1`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Isolation sites and rooms

export interface SiteRow {
  id: string;
  name: string;
  unit_path: string;
  unit_name: string;
  address: string | null;
  rooms: number;
  beds: number;
  occupied: number;
}

export async function sitesWhere(db: Db, where: RawBuilder<boolean>) {
  const { rows } = await sql<SiteRow>`
    SELECT f.id::text AS id, f.name, f.unit_path, u.name AS unit_name, f.address,
      (SELECT count(*)::int FROM isolation_rooms r WHERE r.facility_id = f.id) AS rooms,
      (SELECT coalesce(sum(capacity), 0)::int FROM isolation_rooms r WHERE r.facility_id = f.id) AS beds,
      (SELECT count(*)::int FROM isolation_measures m WHERE m.site_id = f.id AND m.ended_on IS NULL) AS occupied
    FROM facilities f JOIN units u ON u.id = f.unit_id
    WHERE f.kind = 'isolation_site' AND ${where}
    ORDER BY f.unit_path, f.name LIMIT 200`.execute(db);
  return rows;
}

export async function findSite(db: Db, id: string) {
  const { rows } = await sql<{ id: string; name: string; unit_path: string; kind: string }>`
    SELECT id::text AS id, name, unit_path, kind FROM facilities WHERE id = ${id}`.execute(db);
  return rows[0];
}

export async function roomsOf(db: Db, facilityId: string) {
  const { rows } = await sql<{ id: string; name: string; capacity: number; occupied: number }>`
    SELECT r.id::text AS id, r.name, r.capacity,
      (SELECT count(*)::int FROM isolation_measures m WHERE m.room_id = r.id AND m.ended_on IS NULL) AS occupied
    FROM isolation_rooms r WHERE r.facility_id = ${facilityId} ORDER BY r.name LIMIT 2000`.execute(db);
  return rows;
}

export async function insertRooms(db: Db, facilityId: string, names: string[], capacity: number) {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO isolation_rooms (facility_id, name, capacity)
    SELECT ${facilityId}, n, ${capacity} FROM unnest(${names}::text[]) AS n
    RETURNING id::text AS id`.execute(db);
  return rows.length;
}
