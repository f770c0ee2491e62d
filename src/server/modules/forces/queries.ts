import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { inSubtree, type Scope } from '../../platform/scope';

// SQL of the registry, the organisation and 包保. Every list is bounded and filtered by the scope helper.
// The names of units and facilities are read beside the rows (a join for display, never a write).

export interface PersonRow {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  name: string;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  phone_masked: string | null;
  id_masked: string | null;
  is_cadre: boolean;
  is_party_member: boolean;
  is_volunteer: boolean;
  home_work_unit: string | null;
  sent_down_on: string | null;
  party_branch: string | null;
  reported_on: string | null;
  skills: string[];
  availability: unknown;
  resident_key: string | null;
  user_id: string | null;
  username: string | null;
  status: 'active' | 'left';
  notes: string | null;
  created_at: Date;
}

function selectPeople(db: Db) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('users as us', 'us.id', 'p.user_id')
    .select([
      'p.id',
      'p.unit_id',
      'p.unit_path',
      'u.code as unit_code',
      'u.name as unit_name',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.phone_masked',
      'p.id_masked',
      'p.is_cadre',
      'p.is_party_member',
      'p.is_volunteer',
      'p.home_work_unit',
      'p.sent_down_on',
      'p.party_branch',
      'p.reported_on',
      'p.skills',
      'p.availability',
      'p.resident_key',
      'p.user_id',
      'us.username',
      'p.status',
      'p.notes',
      'p.created_at',
    ]);
}

export function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return selectPeople(db).where('p.id', '=', id).executeTakeFirst() as Promise<PersonRow | undefined>;
}

export interface PeopleFilter {
  /** the subtree to list (a unit path) */
  root?: string;
  standing?: 'cadre' | 'party_member' | 'volunteer';
  skill?: string;
  status: 'active' | 'left' | 'all';
  search?: {
    name?: string;
    /** latin letters: the start of the initials or of the full pinyin */
    pinyin?: string;
    phoneTail?: string;
    phoneHmac?: Buffer;
    idTail?: string;
    idHmac?: Buffer;
  };
}

/** People in scope, by unit path then id, one page after the cursor (path, id). */
export function listPeople(
  db: Db,
  scope: Scope,
  f: PeopleFilter,
  after: { path: string; id: string } | undefined,
  limit: number,
): Promise<PersonRow[]> {
  let q = selectPeople(db).where(scope.where('p.unit_path', 'forces.read'));
  if (f.root) q = q.where(inSubtree('p.unit_path', f.root));
  if (f.status !== 'all') q = q.where('p.status', '=', f.status);
  if (f.standing === 'cadre') q = q.where('p.is_cadre', '=', true);
  if (f.standing === 'party_member') q = q.where('p.is_party_member', '=', true);
  if (f.standing === 'volunteer') q = q.where('p.is_volunteer', '=', true);
  if (f.skill) q = q.where(sql<boolean>`${f.skill} = ANY(p.skills)`);
  const s = f.search;
  if (s?.phoneHmac) q = q.where('p.phone_hmac', '=', s.phoneHmac);
  else if (s?.idHmac) q = q.where('p.id_hmac', '=', s.idHmac);
  else if (s?.pinyin) {
    const p = s.pinyin;
    q = q.where(
      sql<boolean>`((p.initials >= ${p} AND p.initials < ${`${p}~`}) OR (p.pinyin >= ${p} AND p.pinyin < ${`${p}~`}))`,
    );
  } else if (s?.phoneTail) {
    const tail = s.phoneTail;
    const idTail = s.idTail;
    q = q.where((eb) =>
      eb.or([
        eb('p.phone_masked', 'like', `%${tail}`),
        ...(idTail ? [eb('p.id_masked', 'like', `%${idTail}`)] : []),
      ]),
    );
  } else if (s?.idTail) q = q.where('p.id_masked', 'like', `%${s.idTail}`);
  else if (s?.name) q = q.where('p.name', 'like', `%${s.name.replace(/[%_\\]/g, '\\$&')}%`);
  if (after) q = q.where(sql<boolean>`(p.unit_path, p.id) > (${after.path}, ${after.id}::bigint)`);
  return q.orderBy('p.unit_path').orderBy('p.id').limit(limit).execute() as Promise<PersonRow[]>;
}

/** Active people (other than `except`) with the blind index of this phone or ID number. */
export function peopleWithContact(
  db: Db,
  contact: { phoneHmacs: Buffer[]; idHmacs: Buffer[] },
  except?: string,
) {
  const { phoneHmacs, idHmacs } = contact;
  if (phoneHmacs.length === 0 && idHmacs.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('people')
    .select(['id', 'name', 'unit_path', 'phone_hmac', 'id_hmac'])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(phoneHmacs.length ? [eb('phone_hmac', 'in', phoneHmacs)] : []),
        ...(idHmacs.length ? [eb('id_hmac', 'in', idHmacs)] : []),
      ]),
    );
  if (except) q = q.where('id', '<>', except);
  return q.execute();
}

export function sealedPerson(db: Db, id: string) {
  return db
    .selectFrom('people')
    .select(['id', 'unit_path', 'phone_enc', 'id_enc', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names of people by id, those in the scope only. */
export function personNamesIn(db: Db, scope: Scope, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .where(scope.where('unit_path', 'forces.read'))
    .execute();
}

export function trainingsOf(db: Db, personId: string) {
  return db
    .selectFrom('person_trainings as t')
    .leftJoin('users as u', 'u.id', 't.signed_by')
    .select(['t.id', 't.training', 't.passed_on', 'u.display_name as signed_by'])
    .where('t.person_id', '=', personId)
    .orderBy('t.passed_on', 'desc')
    .orderBy('t.id', 'desc')
    .limit(200)
    .execute();
}

export function recordsOf(db: Db, personId: string) {
  return db
    .selectFrom('person_records as r')
    .leftJoin('users as c', 'c.id', 'r.created_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select([
      'r.id',
      'r.kind',
      'r.on_date',
      'r.title',
      'r.evidence',
      'r.status',
      'r.decided_at',
      'd.display_name as decided_by',
      'c.display_name as created_by',
      'r.created_at',
    ])
    .where('r.person_id', '=', personId)
    .orderBy('r.on_date', 'desc')
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
}

export function membershipsOf(db: Db, personId: string) {
  return db
    .selectFrom('force_group_members as m')
    .innerJoin('force_groups as g', 'g.id', 'm.group_id')
    .select([
      'm.id',
      'g.id as group_id',
      'g.name',
      'g.kind',
      'm.role',
      'm.joined_on',
      'm.left_on',
      'g.dissolved_on',
    ])
    .where('m.person_id', '=', personId)
    .orderBy('m.left_on', (o) => o.desc().nullsFirst())
    .orderBy('m.joined_on', 'desc')
    .limit(200)
    .execute();
}

export function responsibilitiesOfPerson(db: Db, personId: string) {
  return db
    .selectFrom('responsibilities as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.duty',
      'r.since',
      'r.until',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.kind as unit_kind',
    ])
    .where('r.person_id', '=', personId)
    .orderBy('r.until', (o) => o.desc().nullsFirst())
    .orderBy('r.since', 'desc')
    .limit(200)
    .execute();
}

export interface DutyStats {
  shifts: number;
  hours: number;
  missed: number;
  upcoming: number;
}

/**
 * A person's duty so far (the two lists' evidence), at `now` on the platform clock: shifts checked in, hours on duty (check-in to check-out,
 * or to the shift's end when nobody checked out), shifts past their end without a check-in, shifts to come.
 */
export async function dutyStats(db: Db, personId: string, now: Date): Promise<DutyStats> {
  const { rows } = await sql<{ shifts: number; seconds: number; missed: number; upcoming: number }>`
    SELECT count(*) FILTER (WHERE a.checked_in_at IS NOT NULL)::int AS shifts,
           coalesce(sum(extract(epoch FROM (
             coalesce(a.checked_out_at, least(s.ends_at, ${now}::timestamptz)) - a.checked_in_at
           ))) FILTER (WHERE a.checked_in_at IS NOT NULL), 0)::float8 AS seconds,
           count(*) FILTER (WHERE a.checked_in_at IS NULL AND s.ends_at < ${now}::timestamptz)::int AS missed,
           count(*) FILTER (WHERE s.starts_at > ${now}::timestamptz)::int AS upcoming
    FROM duty_assignments a JOIN duty_shifts s ON s.id = a.shift_id
    WHERE a.person_id = ${personId}`.execute(db);
  const r = rows[0];
  return {
    shifts: r?.shifts ?? 0,
    hours: Math.round(Math.max(0, r?.seconds ?? 0) / 360) / 10,
    missed: r?.missed ?? 0,
    upcoming: r?.upcoming ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// Organisation

export interface GroupRow {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  facility_id: string | null;
  facility_name: string | null;
  parent_id: string | null;
  kind: string;
  name: string;
  set_up_on: string;
  dissolved_on: string | null;
  notes: string | null;
  members: number;
  created_at: Date;
}

function selectGroups(db: Db) {
  return db
    .selectFrom('force_groups as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .leftJoin('facilities as f', 'f.id', 'g.facility_id')
    .select([
      'g.id',
      'g.unit_id',
      'g.unit_path',
      'u.code as unit_code',
      'u.name as unit_name',
      'g.facility_id',
      'f.name as facility_name',
      'g.parent_id',
      'g.kind',
      'g.name',
      'g.set_up_on',
      'g.dissolved_on',
      'g.notes',
      'g.created_at',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM force_group_members m WHERE m.group_id = g.id AND m.left_on IS NULL)`.as(
        'members',
      ),
    );
}

export function findGroup(db: Db, id: string): Promise<GroupRow | undefined> {
  return selectGroups(db).where('g.id', '=', id).executeTakeFirst();
}

export function listGroups(
  db: Db,
  scope: Scope,
  f: { root?: string; kind?: string; includeDissolved: boolean },
  limit: number,
): Promise<GroupRow[]> {
  let q = selectGroups(db).where(scope.where('g.unit_path', 'forces.read'));
  if (f.root) q = q.where(inSubtree('g.unit_path', f.root));
  if (f.kind) q = q.where('g.kind', '=', f.kind);
  if (!f.includeDissolved) q = q.where('g.dissolved_on', 'is', null);
  return q.orderBy('g.unit_path').orderBy('g.id').limit(limit).execute();
}

/** The leading members (secretary, deputies, leaders) of the groups, current only. */
export function leadersOf(db: Db, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('force_group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.group_id', 'm.role', 'p.id as person_id', 'p.name'])
    .where('m.group_id', 'in', groupIds)
    .where('m.left_on', 'is', null)
    .where('m.role', 'in', ['secretary', 'deputy', 'leader'])
    .orderBy('m.group_id')
    .orderBy('m.id')
    .execute();
}

export function membersOf(db: Db, groupId: string) {
  return db
    .selectFrom('force_group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select([
      'm.id',
      'p.id as person_id',
      'p.name',
      'p.phone_masked',
      'p.is_cadre',
      'p.is_party_member',
      'p.is_volunteer',
      'p.skills',
      'm.role',
      'm.joined_on',
      'm.left_on',
    ])
    .where('m.group_id', '=', groupId)
    .orderBy('m.left_on', (o) => o.desc().nullsFirst())
    .orderBy(sql`array_position(ARRAY['secretary','leader','deputy','member'], m.role)`)
    .orderBy('m.id')
    .limit(1000)
    .execute();
}

export function childGroupsOf(db: Db, groupId: string) {
  return selectGroups(db).where('g.parent_id', '=', groupId).orderBy('g.id').limit(200).execute();
}

export function findFacility(db: Db, id: string) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['f.id', 'f.name', 'f.kind', 'f.unit_id', 'f.unit_path', 'u.code as unit_code'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------
// 包保

export interface ResponsibleRow {
  id: string;
  unit_path: string;
  person_id: string;
  name: string;
  phone_masked: string | null;
  duty: string;
  since: string;
}

/** Who answers now for the units at these paths. */
export function responsiblesAt(db: Db, paths: string[]): Promise<ResponsibleRow[]> {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('responsibilities as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.unit_path', 'r.person_id', 'p.name', 'p.phone_masked', 'r.duty', 'r.since'])
    .where('r.unit_path', 'in', paths)
    .where('r.until', 'is', null)
    .orderBy('r.unit_path')
    .orderBy('r.id')
    .execute();
}

/**
 * Units below `root` of the kinds given, how many there are and how many nobody answers for, by kind: one
 * range scan of the path index, and an anti-join on the index of current responsibilities.
 */
export async function unansweredCounts(db: Db, root: string, kinds: readonly string[]) {
  const { rows } = await sql<{ kind: string; total: number; unanswered: number }>`
    SELECT u.kind, count(*)::int AS total,
           count(*) FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM responsibilities r WHERE r.unit_path = u.path AND r.until IS NULL
           ))::int AS unanswered
    FROM units u
    WHERE u.path > ${root} AND u.path < ${`${root}/`} AND u.kind = ANY(${kinds as string[]}::text[])
    GROUP BY u.kind`.execute(db);
  return rows;
}

export function findResponsibility(db: Db, id: string) {
  return db
    .selectFrom('responsibilities as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_path',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.kind as unit_kind',
      'r.person_id',
      'p.name',
      'r.duty',
      'r.since',
      'r.until',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
