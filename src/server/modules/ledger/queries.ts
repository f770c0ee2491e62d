import { type RawBuilder, sql } from 'kysely';
import { MARKERS } from '../../../domain/ledger/markers';
import type { CopyValue } from '../../db/bulk';
import type { Db } from '../../db/connection';
import { inSubtree, type Scope } from '../../platform/scope';

// SQL of the household ledger. Every list is bounded and keyset-paged; every place-bound read takes a
// scope condition from the caller (Scope.where) or a path already checked with Scope.check.

export type MarkerColumns = Record<(typeof MARKERS)[number], number>;

export interface HouseholdRow extends MarkerColumns {
  region_code: string;
  id: string;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  community_path: string;
  entrance: string;
  door: string;
  floor: number;
  colour: string;
  derived_colour: string;
  colour_reasons: unknown;
  override_colour: string | null;
  override_reason: string | null;
  override_at: Date | null;
  resident_count: number;
  status: string;
  updated_at: Date;
}

function selectHouseholds(db: Db) {
  return db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .selectAll('h')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.kind as unit_kind']);
}

export async function findHousehold(
  db: Db,
  regionCode: string,
  id: string,
): Promise<HouseholdRow | undefined> {
  return (await selectHouseholds(db)
    .where('h.region_code', '=', regionCode)
    .where('h.id', '=', id)
    .executeTakeFirst()) as HouseholdRow | undefined;
}

/** The households of a place (its whole subtree), for the building view: bounded by the caller. */
export async function householdsUnder(db: Db, path: string, limit: number): Promise<HouseholdRow[]> {
  return (await selectHouseholds(db)
    .where(inSubtree('h.unit_path', path))
    .where('h.status', '=', 'active')
    .orderBy('h.unit_path')
    .orderBy('h.entrance')
    .orderBy('h.floor')
    .orderBy('h.door')
    .orderBy('h.id')
    .limit(limit)
    .execute()) as HouseholdRow[];
}

/** The buildings of a community or below (few hundred at most): ids and names, for the search box. */
export function buildingsUnder(db: Db, root: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', '=', 'building')
    .where(inSubtree('path', root))
    .limit(5000)
    .execute();
}

export interface LedgerFilter {
  /** the subtree listed: a path already checked against the scope */
  root: string;
  colours?: string[];
  markers?: string[];
  /** a screening campaign and the state of its visit to the household */
  campaign?: { id: string; status?: string };
  /** the search box: a resident who matches, or (within a community) a door that does */
  search?: LedgerSearch;
}

/** A resident who matches any of these: name prefix, pinyin prefix (initials or full), an ID or phone. */
export interface ResidentMatch {
  name?: string;
  /** latin letters: the start of the initials (zmd) or of the full pinyin (zhoumingde) */
  pinyin?: string;
  idTail?: string;
  phoneTail?: string;
  /** a full phone: its last four digits (the index), then its blind index */
  phone?: { tail: string; hmac: Buffer };
  /** a full ID number's blind index */
  idHmac?: Buffer;
}

/** A door: in these units (buildings), at these entrances, with these numbers (each: any when absent). */
export interface DoorMatch {
  unitIds?: string[];
  entrances?: string[];
  doors?: string[];
}

/** A household matches when a resident matches or its door does. */
export interface LedgerSearch {
  residents?: ResidentMatch;
  door?: DoorMatch;
}

/**
 * EXISTS a living resident of the household who matches; false when there is nothing to match. The
 * residents carry their household's unit path: the subtree is checked on them too, so that the indexes
 * (name|pinyin|initials, unit_path) answer within the subtree and the planner counts only its rows.
 */
function residentMatch(s: ResidentMatch | undefined, root: string): RawBuilder<boolean> {
  if (!s) return sql<boolean>`false`;
  const any: RawBuilder<boolean>[] = [];
  // prefixes as ranges over "C"-collated columns: each is a range scan of its index
  const prefix = (column: string, p: string, top: string) =>
    sql<boolean>`(${sql.ref(column)} >= ${p} AND ${sql.ref(column)} < ${`${p}${top}`})`;
  if (s.name) any.push(namePrefix(s.name));
  if (s.pinyin) any.push(prefix('r.initials', s.pinyin, '~'), prefix('r.pinyin', s.pinyin, '~'));
  if (s.idTail) any.push(sql<boolean>`r.id_tail = ${s.idTail}`);
  if (s.phoneTail) any.push(sql<boolean>`r.phone_tail = ${s.phoneTail}`);
  if (s.phone) any.push(sql<boolean>`(r.phone_tail = ${s.phone.tail} AND r.phone_hmac = ${s.phone.hmac})`);
  if (s.idHmac) any.push(sql<boolean>`r.id_hmac = ${s.idHmac}`);
  if (any.length === 0) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (
    SELECT 1 FROM residents r
    WHERE r.region_code = h.region_code AND r.household_id = h.id AND r.status IN ('present', 'away')
      AND ${inSubtree('r.unit_path', root)} AND (${sql.join(any, sql` OR `)}))`;
}

/** The household's door matches (within a community: the caller keeps it there). */
function doorMatch(d: DoorMatch | undefined): RawBuilder<boolean> {
  if (!d) return sql<boolean>`false`;
  const all: RawBuilder<boolean>[] = [];
  if (d.unitIds)
    all.push(d.unitIds.length ? sql<boolean>`h.unit_id = ANY(${d.unitIds}::bigint[])` : sql<boolean>`false`);
  if (d.entrances) all.push(sql<boolean>`h.entrance = ANY(${d.entrances}::text[])`);
  if (d.doors) all.push(sql<boolean>`h.door = ANY(${d.doors}::text[])`);
  return all.length ? sql<boolean>`(${sql.join(all, sql` AND `)})` : sql<boolean>`false`;
}

export interface LedgerCursor {
  unitPath: string;
  entrance: string;
  floor: number;
  door: string;
  id: string;
}

/**
 * A name starting with `name`, through migration 013's indexes: the first character, or the first two,
 * compared with equality (`left(r.name, 1|2)`, the indexes' expressions), so that the matches of one
 * prefix come in unit path order; further characters are checked on the name (in residents_name2_idx).
 * Characters are code points, as PostgreSQL's left() counts them (𠀀 is one, not two UTF-16 units).
 */
function namePrefix(name: string): RawBuilder<boolean> {
  const chars = [...name];
  if (chars.length === 1) return sql<boolean>`left(r.name, 1) = ${name}`;
  const two = sql<boolean>`left(r.name, 2) = ${chars.slice(0, 2).join('')}`;
  if (chars.length === 2) return two;
  return sql<boolean>`(${two} AND r.name >= ${name} AND r.name < ${`${name}\u{10FFFF}`})`;
}

/** The search is the start of a name and nothing else: the list is read from the residents' name indexes. */
function nameOnly(s: LedgerSearch | undefined): string | undefined {
  const r = s?.residents;
  if (!r?.name || s?.door) return undefined;
  const others = Object.entries(r).filter(([k, v]) => k !== 'name' && v !== undefined);
  return others.length === 0 ? r.name : undefined;
}

/** The filter's conditions on the household `h`, other than the subtree and the search. */
function householdConditions(f: LedgerFilter): RawBuilder<boolean>[] {
  const all: RawBuilder<boolean>[] = [sql<boolean>`h.status = 'active'`];
  if (f.colours?.length) all.push(sql<boolean>`h.colour = ANY(${f.colours}::text[])`);
  const markers = f.markers ?? [];
  if (markers.length)
    all.push(
      sql<boolean>`(${sql.join(
        markers.map((m) => sql`${sql.ref(`h.${m}`)} > 0`),
        sql` OR `,
      )})`,
    );
  const c = f.campaign;
  if (c)
    all.push(sql<boolean>`EXISTS (
      SELECT 1 FROM screening_targets t
      WHERE t.region_code = h.region_code AND t.household_id = h.id AND t.campaign_id = ${c.id}
        ${c.status ? sql`AND t.status = ${c.status}` : sql``})`);
  return all;
}

/** The households of a filter (no order, no page): the shape both a page and a count start from. */
function filteredHouseholds(db: Db, f: LedgerFilter) {
  let q = db.selectFrom('households as h').where(inSubtree('h.unit_path', f.root));
  for (const c of householdConditions(f)) q = q.where(c);
  const s = f.search;
  // an EXISTS alone (not under an OR) is planned as a semi-join: from the residents' indexes to households
  if (!s) return q;
  return q.where(
    s.residents && s.door
      ? sql<boolean>`(${residentMatch(s.residents, f.root)} OR ${doorMatch(s.door)})`
      : s.residents
        ? residentMatch(s.residents, f.root)
        : doorMatch(s.door),
  );
}

/** Where a page starts: after a row, before a row (the page before it), or at an offset (a jump). */
export type PageStart =
  | { after?: LedgerCursor; before?: undefined; offset?: undefined }
  | { before: LedgerCursor; after?: undefined; offset?: undefined }
  | { offset: number; after?: undefined; before?: undefined };

/**
 * One page of the ledger in its order (place, entrance, floor, door): after the cursor, or before it
 * (answered in the ledger's order too), or at an offset (a jump to a page: the caller bounds it).
 */
export async function listHouseholds(
  db: Db,
  f: LedgerFilter,
  start: LedgerCursor | PageStart | undefined,
  limit: number,
): Promise<HouseholdRow[]> {
  const at: PageStart = start && 'unitPath' in start ? { after: start } : (start ?? {});
  const name = nameOnly(f.search);
  if (name !== undefined) return listByName(db, f, name, at, limit);
  const dir = at.before ? 'desc' : 'asc';
  let q = filteredHouseholds(db, f)
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .selectAll('h')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.kind as unit_kind']);
  if (at.after) q = q.where(sql<boolean>`${keys} > ${tuple(at.after)}`);
  if (at.before) q = q.where(sql<boolean>`${keys} < ${tuple(at.before)}`);
  q = q
    .orderBy('h.unit_path', dir)
    .orderBy('h.entrance', dir)
    .orderBy('h.floor', dir)
    .orderBy('h.door', dir)
    .orderBy('h.id', dir)
    .limit(limit);
  if (at.offset) q = q.offset(at.offset);
  const rows = (await q.execute()) as HouseholdRow[];
  return at.before ? rows.reverse() : rows;
}

const keys = sql`(h.unit_path, h.entrance, h.floor, h.door, h.id)`;
const tuple = (c: LedgerCursor) => sql`(${c.unitPath}, ${c.entrance}, ${c.floor}, ${c.door}, ${c.id})`;

/**
 * The living residents of the subtree whose name starts with `name`, in unit path order (the order of
 * migration 013's indexes, the prefix compared with equality), each with its household when the
 * household passes the filter (`m`: a LATERAL of at most one row). A household with two such residents
 * comes twice: the caller keeps one. Nothing but the residents' index scan depends on how common the
 * name is: a page reads about as many residents as it shows households.
 *
 * The household must stand at the resident's unit path (a resident carries their household's path,
 * DESIGN rule 1): the subtree checked on the resident is the household's. Every condition on the
 * household is inside the LATERAL, whose LIMIT 1 keeps the planner from counting them as rows lost:
 * it then reads the index in order and stops after the page (measured: npm run bench -- ledger).
 */
function residentsByName(db: Db, f: LedgerFilter, name: string, at: PageStart) {
  return db
    .selectFrom('residents as r')
    .innerJoinLateral(
      (eb) => {
        let h = eb
          .selectFrom('households as h')
          .innerJoin('units as u', 'u.id', 'h.unit_id')
          .selectAll('h')
          .select(['u.code as unit_code', 'u.name as unit_name', 'u.kind as unit_kind'])
          .whereRef('h.region_code', '=', 'r.region_code')
          .whereRef('h.id', '=', 'r.household_id')
          .whereRef('h.unit_path', '=', 'r.unit_path');
        for (const c of householdConditions(f)) h = h.where(c);
        if (at.after) h = h.where(sql<boolean>`${keys} > ${tuple(at.after)}`);
        if (at.before) h = h.where(sql<boolean>`${keys} < ${tuple(at.before)}`);
        return h.limit(1).as('m');
      },
      (join) => join.onTrue(),
    )
    .where(namePrefix(name))
    .where('r.status', 'in', ['present', 'away'])
    .where(inSubtree('r.unit_path', f.root))
    .$if(Boolean(at.after), (q) => q.where('r.unit_path', '>=', at.after?.unitPath as string))
    .$if(Boolean(at.before), (q) => q.where('r.unit_path', '<=', at.before?.unitPath as string));
}

/** listHouseholds for the start of a name: from the residents' name indexes, in the ledger's order. */
async function listByName(
  db: Db,
  f: LedgerFilter,
  name: string,
  at: PageStart,
  limit: number,
): Promise<HouseholdRow[]> {
  const dir = at.before ? 'desc' : 'asc';
  // r.unit_path = m.unit_path: ordering by the resident's path is what lets the index give the order
  let q = residentsByName(db, f, name, at)
    .distinctOn(['r.unit_path', 'm.entrance', 'm.floor', 'm.door', 'm.id'])
    .selectAll('m')
    .orderBy('r.unit_path', dir)
    .orderBy('m.entrance', dir)
    .orderBy('m.floor', dir)
    .orderBy('m.door', dir)
    .orderBy('m.id', dir)
    .limit(limit);
  if (at.offset) q = q.offset(at.offset);
  const rows = (await q.execute()) as unknown as HouseholdRow[];
  return at.before ? rows.reverse() : rows;
}

/** countHouseholds for the start of a name: the households, each once, up to the cap. */
async function countByName(db: Db, f: LedgerFilter, name: string, cap: number): Promise<number> {
  const { n } = await db
    .selectFrom(
      residentsByName(db, f, name, {})
        .distinctOn(['r.unit_path', 'm.region_code', 'm.id'])
        .select(sql`1`.as('one'))
        .orderBy('r.unit_path')
        .orderBy('m.region_code')
        .orderBy('m.id')
        .limit(cap + 1)
        .as('x'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return n;
}

/** How many households a filter finds, counted up to `cap` (+1: more than the cap). */
export async function countHouseholds(db: Db, f: LedgerFilter, cap: number): Promise<number> {
  const name = nameOnly(f.search);
  if (name !== undefined) return countByName(db, f, name, cap);
  const { n } = await db
    .selectFrom(
      filteredHouseholds(db, f)
        .select(sql`1`.as('one'))
        .limit(cap + 1)
        .as('x'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return n;
}

export interface ResidentRow {
  region_code: string;
  id: string;
  household_id: string;
  unit_path: string;
  name: string;
  sex: string | null;
  birth_date: string | null;
  id_type: string;
  id_masked: string | null;
  phone_masked: string | null;
  relation: string | null;
  relation_text: string | null;
  work_unit: string | null;
  notes: string | null;
  tags: string[];
  markers: string[];
  status: string;
  facts: unknown;
}

const residentColumns = [
  'region_code',
  'id',
  'household_id',
  'unit_path',
  'name',
  'sex',
  'birth_date',
  'id_type',
  'id_masked',
  'phone_masked',
  'relation',
  'relation_text',
  'work_unit',
  'notes',
  'tags',
  'markers',
  'status',
  'facts',
] as const;

/** The residents of some households of one region (on the register or not), head first. */
export function residentsOf(db: Db, regionCode: string, householdIds: string[]): Promise<ResidentRow[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residents')
    .select(residentColumns)
    .where('region_code', '=', regionCode)
    .where('household_id', 'in', householdIds)
    .orderBy('household_id')
    .orderBy(sql`relation = 'head'`, 'desc')
    .orderBy('id')
    .execute();
}

export function findResident(db: Db, regionCode: string, id: string): Promise<ResidentRow | undefined> {
  return db
    .selectFrom('residents')
    .select(residentColumns)
    .where('region_code', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function sealedOf(db: Db, regionCode: string, id: string) {
  return db
    .selectFrom('residents')
    .select(['id_enc', 'phone_enc', 'unit_path', 'household_id'])
    .where('region_code', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A resident's identity as sealed (ID number and phone with their blind indexes), for a module that keeps a copy. */
export function identityOf(db: Db, regionCode: string, id: string) {
  return db
    .selectFrom('residents')
    .select([
      'name',
      'unit_path',
      'household_id',
      'status',
      'id_type',
      'id_enc',
      'id_hmac',
      'id_masked',
      'id_tail',
      'phone_enc',
      'phone_hmac',
      'phone_masked',
      'phone_tail',
    ])
    .where('region_code', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The living residents (present or away) with some ID numbers' blind indexes, with their identity as sealed. */
export async function livingByIdHmacs(db: Db, hmacs: Buffer[]) {
  const out: {
    region_code: string;
    id: string;
    household_id: string;
    unit_path: string;
    name: string;
    id_type: string;
    id_enc: Buffer | null;
    id_hmac: Buffer;
    id_masked: string | null;
    id_tail: string | null;
    phone_enc: Buffer | null;
    phone_hmac: Buffer | null;
    phone_masked: string | null;
    phone_tail: string | null;
  }[] = [];
  for (let i = 0; i < hmacs.length; i += 20_000) {
    const { rows } = await sql<(typeof out)[number]>`
      SELECT region_code, id::text AS id, household_id::text AS household_id, unit_path, name, id_type, id_enc,
        id_hmac, id_masked, id_tail, phone_enc, phone_hmac, phone_masked, phone_tail
      FROM residents
      WHERE id_hmac = ANY(${hmacs.slice(i, i + 20_000)}::bytea[]) AND status IN ('present', 'away')`.execute(db);
    out.push(...rows);
  }
  return out;
}

/** The blind indexes of a resident's ID number and phone: what an edit compares them by. */
export function blindIndexesOf(db: Db, regionCode: string, id: string) {
  return db
    .selectFrom('residents')
    .select(['id_hmac', 'phone_hmac'])
    .where('region_code', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names of residents of one region by id, those in the scope only. */
export function residentNamesIn(db: Db, scope: Scope, regionCode: string, ids: string[]) {
  return db
    .selectFrom('residents')
    .select(['id', 'name'])
    .where('region_code', '=', regionCode)
    .where('id', 'in', ids)
    .where(scope.where('unit_path', 'ledger.read'))
    .execute();
}

/** The sealed ID numbers and phones of the residents of some households (a full export). */
export function sealedOfHouseholds(db: Db, regionCode: string, householdIds: string[]) {
  return db
    .selectFrom('residents')
    .select(['id', 'id_enc', 'phone_enc'])
    .where('region_code', '=', regionCode)
    .where('household_id', 'in', householdIds)
    .execute();
}

/** Which of these ID blind indexes belong to someone living in the ledger (present or away), and where. */
export async function livingIdHmacs(db: Db, hmacs: Buffer[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  // one array parameter per batch (a list of 20,000 parameters costs more to send and plan than to look up)
  for (let i = 0; i < hmacs.length; i += 20_000) {
    const { rows } = await sql<{ id_hmac: Buffer; unit_path: string }>`
      SELECT id_hmac, unit_path FROM residents
      WHERE id_hmac = ANY(${hmacs.slice(i, i + 20_000)}::bytea[]) AND status IN ('present', 'away')`.execute(
      db,
    );
    for (const r of rows) found.set(r.id_hmac.toString('hex'), r.unit_path);
  }
  return found;
}

/** Active households at the doors of some units of one region (the doors an import names). */
export function activeDoorsOf(db: Db, regionCode: string, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('households')
    .select(['id', 'unit_id', 'entrance', 'door'])
    .where('region_code', '=', regionCode)
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'active')
    .execute();
}

/** Locks some households of one region until the transaction ends (an import plans against them). */
export async function lockHouseholds(db: Db, regionCode: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .selectFrom('households')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

export interface LivingResidentRow {
  id: string;
  household_id: string;
  name: string;
  sex: string | null;
  birth_date: string | null;
  id_type: string | null;
  id_hmac: Buffer | null;
  id_masked: string | null;
  phone_hmac: Buffer | null;
  phone_masked: string | null;
  relation: string | null;
  relation_text: string | null;
  work_unit: string | null;
  notes: string | null;
  tags: string[];
  markers: string[];
  facts: unknown;
}

/** The living residents (present or away) of some households of one region, as an import compares them. */
export function livingResidentsOf(
  db: Db,
  regionCode: string,
  householdIds: string[],
): Promise<LivingResidentRow[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residents')
    .select([
      'id',
      'household_id',
      'name',
      'sex',
      'birth_date',
      'id_type',
      'id_hmac',
      'id_masked',
      'phone_hmac',
      'phone_masked',
      'relation',
      'relation_text',
      'work_unit',
      'notes',
      'tags',
      'markers',
      'facts',
    ])
    .where('region_code', '=', regionCode)
    .where('household_id', 'in', householdIds)
    .where('status', 'in', ['present', 'away'])
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** The columns a new household is loaded with, in this order (COPY and insert alike). */
export const HOUSEHOLD_LOAD_COLUMNS = [
  'region_code',
  'id',
  'unit_id',
  'unit_path',
  'community_path',
  'entrance',
  'door',
  'floor',
  'colour',
  'derived_colour',
  'colour_reasons',
  'override_colour',
  'override_reason',
  'override_by',
  'override_at',
  'recheck',
  'resident_count',
  ...MARKERS,
] as const;

export const RESIDENT_LOAD_COLUMNS = [
  'region_code',
  'id',
  'household_id',
  'unit_path',
  'name',
  'initials',
  'pinyin',
  'sex',
  'birth_date',
  'id_type',
  'id_enc',
  'id_hmac',
  'id_masked',
  'id_tail',
  'phone_enc',
  'phone_hmac',
  'phone_masked',
  'phone_tail',
  'relation',
  'relation_text',
  'work_unit',
  'notes',
  'tags',
  'markers',
  'status',
  'facts',
] as const;

export const HISTORY_LOAD_COLUMNS = [
  'region_code',
  'household_id',
  'resident_id',
  'actor_id',
  'actor_name',
  'kind',
  'from_colour',
  'to_colour',
  'reason',
  'detail',
] as const;

export type LoadRow = readonly CopyValue[];

/** Inserts rows given in a LOAD_COLUMNS order with unnest-free VALUES (small writes: a form, a visit). */
export async function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly LoadRow[],
) {
  if (rows.length === 0) return;
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(
    rows.map((r) => sql`(${sql.join(r.map(sqlValue))})`),
  )}`.execute(db);
}

function sqlValue(v: CopyValue) {
  if (Array.isArray(v)) return sql`${v}::text[]`;
  return sql`${v ?? null}`;
}

export interface SummaryUpdate extends MarkerColumns {
  id: string;
  colour: string;
  derived_colour: string;
  colour_reasons: string;
  recheck: boolean;
  resident_count: number;
}

/** Writes the summaries of households of one region (colour, counts), one statement per batch. */
export async function updateSummaries(db: Db, regionCode: string, rows: readonly SummaryUpdate[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000);
    const col = <K extends keyof SummaryUpdate>(k: K) => batch.map((r) => r[k]);
    await sql`
      UPDATE households h SET
        colour = v.colour, derived_colour = v.derived_colour, colour_reasons = v.colour_reasons::jsonb,
        recheck = v.recheck, resident_count = v.resident_count,
        ${sql.join(MARKERS.map((m) => sql`${sql.ref(m)} = ${sql.ref(`v.${m}`)}`))},
        updated_at = now()
      FROM unnest(${col('id')}::bigint[], ${col('colour')}::text[], ${col('derived_colour')}::text[],
                  ${col('colour_reasons')}::text[], ${col('recheck')}::boolean[], ${col('resident_count')}::int[],
                  ${sql.join(MARKERS.map((m) => sql`${col(m)}::int[]`))})
        AS v(id, colour, derived_colour, colour_reasons, recheck, resident_count, ${sql.join(MARKERS.map((m) => sql.ref(m)))})
      WHERE h.region_code = ${regionCode} AND h.id = v.id`.execute(db);
  }
}

export interface SummaryInput {
  household_id: string;
  status: string;
  markers: string[];
  facts: unknown;
}

/** What a household's summary is computed from: its residents' status, markers and facts. */
export function summaryInputs(db: Db, regionCode: string, householdIds: string[]): Promise<SummaryInput[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residents')
    .select(['household_id', 'status', 'markers', 'facts'])
    .where('region_code', '=', regionCode)
    .where('household_id', 'in', householdIds)
    .execute();
}

export function historyOf(db: Db, regionCode: string, householdId: string, limit: number) {
  return db
    .selectFrom('household_history')
    .select(['id', 'resident_id', 'at', 'actor_name', 'kind', 'from_colour', 'to_colour', 'reason', 'detail'])
    .where('region_code', '=', regionCode)
    .where('household_id', '=', householdId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The places of a campaign's doors under a root, in path order, with their progress (bounded). */
export async function targetPlaces(db: Db, campaignId: string, root: string, limit: number) {
  const { rows } = await sql<{ unit_path: string; total: number; visited: number; revisit: number }>`
    SELECT unit_path, count(*)::int AS total,
           (count(*) FILTER (WHERE status = 'visited'))::int AS visited,
           (count(*) FILTER (WHERE status = 'revisit'))::int AS revisit
    FROM screening_targets
    WHERE campaign_id = ${campaignId} AND ${inSubtree('unit_path', root)}
    GROUP BY unit_path ORDER BY unit_path LIMIT ${limit}`.execute(db);
  return rows;
}

/** The screening visits of a household, newest first, with the campaign and who knocked (bounded). */
export function visitsOf(db: Db, regionCode: string, householdId: string, limit: number) {
  return db
    .selectFrom('screening_visits as v')
    .innerJoin('screening_campaigns as c', 'c.id', 'v.campaign_id')
    .leftJoin('users as u', 'u.id', 'v.visited_by')
    .select([
      'v.id',
      'v.visited_at',
      'v.outcome',
      'v.answers',
      'v.colour_before',
      'v.colour_after',
      'c.id as campaign_id',
      'c.name as campaign_name',
      'u.username',
      'u.display_name',
    ])
    .where('v.region_code', '=', regionCode)
    .where('v.household_id', '=', householdId)
    .orderBy('v.visited_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// Counts by colour (see ledger_counts in migrations/002_ledger.ts)

export interface CountRow extends MarkerColumns {
  colour: string;
  households: number;
  residents: number;
}

const countSums = (prefix: string) =>
  sql.join([
    sql`sum(${sql.ref(`${prefix}households`)})::int AS households`,
    sql`sum(${sql.ref(`${prefix}residents`)})::int AS residents`,
    ...MARKERS.map((m) => sql`sum(${sql.ref(`${prefix}${m}`)})::int AS ${sql.ref(m)}`),
  ]);

/**
 * Counts of a subtree above the communities (a street, a district, a city), grouped by colour and by
 * the child unit the community lies under (`childDepth`: the number of path labels of the children).
 */
export async function countsFromCommunities(db: Db, root: string, childDepth: number) {
  const { rows } = await sql<CountRow & { child_path: string }>`
    SELECT array_to_string((string_to_array(community_path, '.'))[1:${childDepth}], '.') AS child_path,
           colour, ${countSums('')}
    FROM ledger_counts
    WHERE ${inSubtree('community_path', root)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Counts of a community or anything below it, from its households, by colour and child unit. */
export async function countsFromHouseholds(db: Db, root: string, childDepth: number) {
  const { rows } = await sql<CountRow & { child_path: string }>`
    SELECT array_to_string((string_to_array(unit_path, '.'))[1:${childDepth}], '.') AS child_path,
           colour, count(*)::int AS households, sum(resident_count)::int AS residents,
           ${sql.join(MARKERS.map((m) => sql`sum(${sql.ref(m)})::int AS ${sql.ref(m)}`))}
    FROM households
    WHERE ${inSubtree('unit_path', root)} AND status = 'active'
    GROUP BY 1, 2`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// The column mappings offices used for their imports (migration 012), read and written through their
// unit, which the caller has checked to be in scope (unitInScope).

export interface ImportMappingRow {
  id: string;
  signature: string;
  headers: string[];
  header_row: number;
  mapping: Record<string, string | null>;
  sheet_name: string | null;
  update_existing: boolean;
  used_by_name: string;
  used_at: Date;
  uses: number;
}

const IMPORT_MAPPING_COLUMNS = [
  'id',
  'signature',
  'headers',
  'header_row',
  'mapping',
  'sheet_name',
  'update_existing',
  'used_by_name',
  'used_at',
  'uses',
] as const;

/** A unit's remembered mappings, the last used first (at most `limit`). */
export function importMappingsOf(db: Db, unitId: string, limit: number): Promise<ImportMappingRow[]> {
  return db
    .selectFrom('import_mappings')
    .select(IMPORT_MAPPING_COLUMNS)
    .where('unit_id', '=', unitId)
    .where('kind', '=', 'ledger')
    .orderBy('used_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The mapping a unit used for a header row with this signature, if any. */
export function importMappingBySignature(
  db: Db,
  unitId: string,
  signature: string,
): Promise<ImportMappingRow | undefined> {
  return db
    .selectFrom('import_mappings')
    .select(IMPORT_MAPPING_COLUMNS)
    .where('unit_id', '=', unitId)
    .where('kind', '=', 'ledger')
    .where('signature', '=', signature)
    .executeTakeFirst();
}

export interface ImportMappingInput {
  unitId: string;
  signature: string;
  headers: string[];
  headerRow: number;
  mapping: Record<string, string | null>;
  sheetName: string | null;
  updateExisting: boolean;
  userId: string | null;
  username: string;
}

/** Keeps the mapping of a unit and signature: a new row, or the one there overwritten and counted. */
export async function saveImportMapping(db: Db, m: ImportMappingInput): Promise<void> {
  await sql`
    INSERT INTO import_mappings
      (unit_id, kind, signature, headers, header_row, mapping, sheet_name, update_existing, used_by,
       used_by_name)
    VALUES (${m.unitId}, 'ledger', ${m.signature}, ${JSON.stringify(m.headers)}::jsonb, ${m.headerRow},
            ${JSON.stringify(m.mapping)}::jsonb, ${m.sheetName}, ${m.updateExisting}, ${m.userId},
            ${m.username})
    ON CONFLICT (unit_id, kind, signature) DO UPDATE SET
      headers = EXCLUDED.headers, header_row = EXCLUDED.header_row, mapping = EXCLUDED.mapping,
      sheet_name = EXCLUDED.sheet_name, update_existing = EXCLUDED.update_existing,
      used_by = EXCLUDED.used_by, used_by_name = EXCLUDED.used_by_name, used_at = now(),
      uses = import_mappings.uses + 1`.execute(db);
}

/** Forgets one of a unit's mappings; false when the unit has none with that id. */
export async function deleteImportMapping(db: Db, unitId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('import_mappings')
    .where('unit_id', '=', unitId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Keeps at most `keep` mappings of a unit, the last used. */
export async function pruneImportMappings(db: Db, unitId: string, keep: number): Promise<void> {
  await sql`
    DELETE FROM import_mappings
    WHERE unit_id = ${unitId} AND kind = 'ledger' AND id NOT IN (
      SELECT id FROM import_mappings WHERE unit_id = ${unitId} AND kind = 'ledger'
      ORDER BY used_at DESC, id DESC LIMIT ${keep})`.execute(db);
}
