import { sql } from 'kysely';
import type { Qualification } from '../../src/domain/forces/schedule';
import { PATTERN_PRESETS } from '../../src/domain/forces/shiftPatterns';
import type { Db } from '../../src/server/db/connection';
import { importDivisions } from '../../src/server/modules/org/divisions';
import type { HuijiCase } from './forces';

// The Huiji case written into the bench database, for the end-to-end figure: the generated case's towns
// and communities mapped onto Huiji's official ones (8 towns and streets, 92 communities), its 453
// checkpoints as facilities with the three-shift pattern (三班倒), its 6,000 people in the registry with
// their skills, standing and availability. What the generated case says of hours before the run and
// of days busy elsewhere is left out: in the database those come from other shifts.

export const HUIJI = '410108';
const STANDING: ReadonlySet<Qualification> = new Set(['cadre', 'party_member']);

interface UnitRow {
  id: string;
  code: string;
  path: string;
  depth: number;
}

export interface HuijiInDb {
  facilities: number;
  people: number;
  towns: number;
  communities: number;
}

/** Writes the case into the database (importing Zhengzhou's divisions first when they are missing). */
export async function seedHuijiInDb(db: Db, c: HuijiCase): Promise<HuijiInDb> {
  const present = await db.selectFrom('units').select('id').where('code', '=', HUIJI).executeTakeFirst();
  if (!present) await importDivisions(db, { province: '41', city: '4101' });
  const units: UnitRow[] = await db
    .selectFrom('units')
    .select(['id', 'code', 'path', 'depth'])
    .where('code', 'like', `${HUIJI}%`)
    .orderBy('code')
    .execute();
  const district = units.find((u) => u.code === HUIJI) as UnitRow;
  const towns = units.filter((u) => u.depth === district.depth + 1);
  const villagesOf = new Map(
    towns.map((t) => [t.code, units.filter((u) => u.depth === t.depth + 1 && u.code.startsWith(t.code))]),
  );

  // the generated paths: district.town(t) and district.town(t).community(k), or district.bureauN
  const realOf = new Map<string, UnitRow>();
  const mapPath = (path: string): UnitRow => {
    const known = realOf.get(path);
    if (known) return known;
    const parts = path.split('.');
    let real = district;
    if (parts.length >= 4 && !parts[3].startsWith('bureau')) {
      const t = Number(parts[3].slice(-3)) - 1;
      const town = towns[t % towns.length];
      real = town;
      if (parts.length >= 5) {
        const villages = villagesOf.get(town.code) ?? [];
        const k = Number(parts[4].slice(-3)) - 1 + t; // towns wrapping onto the same real one spread out
        if (villages.length) real = villages[k % villages.length];
      }
    }
    realOf.set(path, real);
    return real;
  };

  // the checkpoints, in the order of the case
  const facilityUnits = new Map<string, UnitRow>();
  for (const s of c.shifts)
    if (!facilityUnits.has(s.facilityId)) facilityUnits.set(s.facilityId, mapPath(s.unitPath));
  const entries = [...facilityUnits];
  const { rows: facilities } = await sql<{ id: string; unit_path: string }>`
    INSERT INTO facilities (unit_id, unit_path, kind, name)
    SELECT * FROM unnest(${entries.map(([, u]) => u.id)}::bigint[], ${entries.map(([, u]) => u.path)}::text[],
                         ${entries.map(() => 'checkpoint')}::text[],
                         ${entries.map(([id]) => `惠济卡点 ${id.slice(2)}`)}::text[])
    RETURNING id, unit_path`.execute(db);
  const pattern = PATTERN_PRESETS.three_shifts;
  await sql`
    INSERT INTO shift_patterns (facility_id, unit_path, name, shifts)
    SELECT f, p, ${pattern.name}, ${JSON.stringify(pattern.shifts)}::jsonb
    FROM unnest(${facilities.map((f) => f.id)}::bigint[], ${facilities.map((f) => f.unit_path)}::text[]) AS x(f, p)`.execute(
    db,
  );

  // the people: skills, and the standings cadre (下沉干部) and party member as flags
  const people = c.people.map((p, i) => ({
    unit: mapPath(p.unitPath),
    name: `值守人员${String(i + 1).padStart(4, '0')}`,
    skills: `{${p.qualifications.filter((q) => !STANDING.has(q)).join(',')}}`,
    cadre: p.qualifications.includes('cadre'),
    member: p.qualifications.includes('party_member'),
    availability: JSON.stringify(p.availability),
  }));
  await sql`
    INSERT INTO people (unit_id, unit_path, name, is_cadre, is_party_member, is_volunteer, skills, availability)
    SELECT u, p, n, c, m, NOT c, s::text[], a
    FROM unnest(${people.map((p) => p.unit.id)}::bigint[], ${people.map((p) => p.unit.path)}::text[],
                ${people.map((p) => p.name)}::text[], ${people.map((p) => p.cadre)}::boolean[],
                ${people.map((p) => p.member)}::boolean[], ${people.map((p) => p.skills)}::text[],
                ${people.map((p) => p.availability)}::jsonb[]) AS x(u, p, n, c, m, s, a)`.execute(db);
  await sql`ANALYZE facilities, shift_patterns, people`.execute(db);
  return {
    facilities: facilities.length,
    people: people.length,
    towns: towns.length,
    communities: [...villagesOf.values()].reduce((n, v) => n + v.length, 0),
  };
}

/** Removes the roster of the district (shifts, assignments, their events), so that a run starts afresh. */
export async function clearHuijiRoster(db: Db, districtPath: string): Promise<void> {
  const within = sql<boolean>`unit_path >= ${districtPath} AND unit_path < ${`${districtPath}/`}`;
  await sql`DELETE FROM duty_events WHERE ${within}`.execute(db);
  await sql`DELETE FROM duty_assignments WHERE ${within}`.execute(db);
  await sql`DELETE FROM duty_shifts WHERE ${within}`.execute(db);
}
