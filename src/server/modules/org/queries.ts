import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { inSubtree, type Scope } from '../../platform/scope';

// SQL of the jurisdiction tree. A subtree is one range of the C-collated path index.

const unitColumns = [
  'u.id',
  'u.code',
  'u.name',
  'u.official_name',
  'u.kind',
  'u.path',
  'u.depth',
  'u.region_code',
  'u.parent_id',
] as const;

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  official_name: string | null;
  kind: string;
  path: string;
  depth: number;
  region_code: string | null;
  parent_id: string | null;
  parent_code: string | null;
  child_count: number;
}

function selectUnits(db: Db) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(unitColumns)
    .select('p.code as parent_code')
    .select(sql<number>`(SELECT count(*)::int FROM units c WHERE c.parent_id = u.id)`.as('child_count'));
}

export function findUnit(db: Db, code: string): Promise<UnitRow | undefined> {
  return selectUnits(db).where('u.code', '=', code).executeTakeFirst();
}

export function findUnitById(db: Db, id: string): Promise<UnitRow | undefined> {
  return selectUnits(db).where('u.id', '=', id).executeTakeFirst();
}

/** Units at the given paths (ancestors of something), root first. */
export function unitsAtPaths(db: Db, paths: string[]): Promise<UnitRow[]> {
  if (paths.length === 0) return Promise.resolve([]);
  return selectUnits(db).where('u.path', 'in', paths).orderBy('u.depth').execute();
}

/** The names of units by code (the references of the audit log). */
export function unitNamesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['code', 'name', 'path']).where('code', 'in', codes).execute();
}

/** The names of facilities by id. */
export function facilityNamesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('facilities').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Children of a unit, by code, one page after `after`. */
export function childrenOf(db: Db, parentId: string, after: string | undefined, limit: number) {
  let q = selectUnits(db).where('u.parent_id', '=', parentId);
  if (after) q = q.where('u.code', '>', after);
  return q.orderBy('u.code').limit(limit).execute();
}

/** Search in scope by code prefix, or by name / pinyin initials (trigram index); exact initials first. */
export function searchUnits(db: Db, scope: Scope, q: string, limit: number) {
  let query = selectUnits(db).where(scope.where('u.path', 'org.read'));
  if (/^\d+[GYB\d]*$/i.test(q)) {
    query = query.where('u.code', 'like', `${q.toUpperCase()}%`).orderBy('u.code');
  } else {
    const text = q.toLowerCase();
    // Two characters: the bigram index; longer: the trigram index (the LIKE below decides either way).
    if ([...text].length === 2) query = query.where(sql<boolean>`u.bigrams @> ARRAY[${text}]::text[]`);
    query = query
      .where('u.search_text', 'like', `%${text.replace(/[%_\\]/g, '\\$&')}%`)
      .orderBy(sql`(u.initials LIKE ${`${text}%`} OR u.name LIKE ${`${q}%`})`, 'desc')
      .orderBy('u.depth')
      .orderBy('u.code');
  }
  return query.limit(limit).execute();
}

export async function nextLocalNumber(db: Db, communityId: string, kind: string): Promise<number> {
  const row = await db
    .insertInto('unit_code_counters')
    .values({ community_id: communityId, kind, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'kind'])
        .doUpdateSet({ last_value: sql`unit_code_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** Reserves `n` consecutive numbers; returns the first. */
export async function reserveLocalNumbers(
  db: Db,
  communityId: string,
  kind: string,
  n: number,
): Promise<number> {
  const row = await db
    .insertInto('unit_code_counters')
    .values({ community_id: communityId, kind, last_value: n })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'kind'])
        .doUpdateSet({ last_value: sql`unit_code_counters.last_value + ${n}` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value - n + 1;
}

/** Inserts units in batches; answers their ids, in order. */
export async function insertUnits(db: Db, units: NewUnit[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < units.length; i += 5000) {
    const rows = await db
      .insertInto('units')
      .values(units.slice(i, i + 5000))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export interface NewUnit {
  code: string;
  parent_id: string;
  kind: string;
  name: string;
  path: string;
  depth: number;
  region_code: string | null;
  initials: string;
  search_text: string;
}

export function insertUnit(db: Db, unit: NewUnit) {
  return db.insertInto('units').values(unit).returning('id').executeTakeFirstOrThrow();
}

export function renameUnit(db: Db, id: string, name: string, initials: string, searchText: string) {
  return db
    .updateTable('units')
    .set({ name, initials, search_text: searchText, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Moves a subtree: new parent for its root, new paths and depths for all of it. */
export async function moveSubtree(
  db: Db,
  id: string,
  newParentId: string,
  from: string,
  to: string,
  depthDelta: number,
) {
  await db
    .updateTable('units')
    .set({ parent_id: newParentId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await sql`
    UPDATE units SET path = ${to} || substr(path, ${from.length + 1}), depth = depth + ${depthDelta}
    WHERE ${inSubtree('path', from)}`.execute(db);
}

export function deleteUnit(db: Db, id: string) {
  return db.deleteFrom('units').where('id', '=', id).execute();
}

// Facilities

export interface FacilityRow {
  id: string;
  kind: string;
  name: string;
  address: string | null;
  unit_path: string;
  unit_code: string;
  unit_name: string;
}

function selectFacilities(db: Db) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select([
      'f.id',
      'f.kind',
      'f.name',
      'f.address',
      'f.unit_path',
      'u.code as unit_code',
      'u.name as unit_name',
    ]);
}

/** Facilities in a subtree (bounded: one page). */
export function facilitiesUnder(db: Db, path: string, limit: number) {
  return selectFacilities(db)
    .where(inSubtree('f.unit_path', path))
    .orderBy('f.unit_path')
    .orderBy('f.id')
    .limit(limit)
    .execute();
}

export function findFacility(db: Db, id: string): Promise<FacilityRow | undefined> {
  return selectFacilities(db).where('f.id', '=', id).executeTakeFirst();
}

export function insertFacility(
  db: Db,
  f: { unit_id: string; unit_path: string; kind: string; name: string; address: string | null },
) {
  return db.insertInto('facilities').values(f).returning('id').executeTakeFirstOrThrow();
}

export function updateFacility(
  db: Db,
  id: string,
  patch: { name?: string; address?: string | null; kind?: string },
) {
  return db
    .updateTable('facilities')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function deleteFacility(db: Db, id: string) {
  return db.deleteFrom('facilities').where('id', '=', id).execute();
}
