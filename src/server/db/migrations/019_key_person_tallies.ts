import { type Kysely, sql } from 'kysely';
import { KEY_PERSON_CATEGORIES } from '../../../domain/isolation/keyPerson';
import { MEASURE_KINDS } from '../../../domain/isolation/measures';

// The counts of key persons as one wide row per community (the bench of issue 14: the city's counts read
// 62,611 narrow rows, community × category × measure, in 78 ms; 3,306 wide rows read in about 3 ms). The
// API gives the totals by category and by measure, never the table of both, so nothing is lost. Kept by
// statement triggers as before: the deltas of a statement summed per community, rows touched in key order.
// And a partial index for the overdue count: the people under a measure by when they were last checked.

const MEASURES = [...MEASURE_KINDS, 'none'];
const COLUMNS = [
  'persons',
  'fevers',
  ...KEY_PERSON_CATEGORIES.map((c) => `c_${c}`),
  ...MEASURES.map((m) => `m_${m}`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS key_persons_counts_ins ON key_persons`.execute(db);
  await sql`DROP TRIGGER IF EXISTS key_persons_counts_upd ON key_persons`.execute(db);
  await sql`DROP TRIGGER IF EXISTS key_persons_counts_del ON key_persons`.execute(db);
  await sql`DROP FUNCTION IF EXISTS key_person_counts_apply()`.execute(db);
  await sql`DROP TABLE IF EXISTS key_person_counts`.execute(db);
  const cols = COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n      ');
  await sql`
    CREATE TABLE key_person_tallies (
      community_path  text COLLATE "C" PRIMARY KEY,
      ${sql.raw(cols)}
    )`.execute(db);
  // one row's contribution (open key persons only), signed
  const parts = (sign: string) =>
    [
      `${sign}1`,
      `${sign}(fever::int)`,
      ...KEY_PERSON_CATEGORIES.map((c) => `${sign}((category = '${c}')::int)`),
      ...MEASURES.map((m) => `${sign}((coalesce(measure, 'none') = '${m}')::int)`),
    ].join(', ');
  const part = (table: string, sign: string) =>
    `SELECT community_path, ${parts(sign)} FROM ${table} WHERE state = 'open'`;
  const list = COLUMNS.join(', ');
  const sums = COLUMNS.map((c) => `sum(d.${c})`).join(', ');
  const nonZero = COLUMNS.map((c) => `sum(d.${c}) <> 0`).join(' OR ');
  const adds = COLUMNS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ');
  const body = (ps: string[]) => `
    INSERT INTO key_person_tallies AS t (community_path, ${list})
      SELECT d.community_path, ${sums}
      FROM (${ps.join(' UNION ALL ')}) AS d (community_path, ${list})
      GROUP BY d.community_path
      HAVING ${nonZero}
      ORDER BY d.community_path
    ON CONFLICT (community_path) DO UPDATE SET ${adds};`;
  await sql`
    CREATE FUNCTION key_person_tallies_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        ${sql.raw(body([part('old_rows', '-'), part('new_rows', '')]))}
      ELSIF TG_OP = 'INSERT' THEN
        ${sql.raw(body([part('new_rows', '')]))}
      ELSE
        ${sql.raw(body([part('old_rows', '-')]))}
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER key_persons_tallies_ins AFTER INSERT ON key_persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_tallies_apply()`.execute(
    db,
  );
  await sql`CREATE TRIGGER key_persons_tallies_upd AFTER UPDATE ON key_persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_tallies_apply()`.execute(
    db,
  );
  await sql`CREATE TRIGGER key_persons_tallies_del AFTER DELETE ON key_persons REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_tallies_apply()`.execute(
    db,
  );
  // what is there already, counted once
  await sql.raw(body([part('key_persons', '')])).execute(db);
  await sql`
    CREATE INDEX key_persons_unchecked_idx ON key_persons ((coalesce(last_checked_at, '-infinity'::timestamptz)))
      INCLUDE (unit_path, measure_started_at) WHERE measure IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS key_persons_unchecked_idx`.execute(db);
  await sql`DROP TRIGGER IF EXISTS key_persons_tallies_ins ON key_persons`.execute(db);
  await sql`DROP TRIGGER IF EXISTS key_persons_tallies_upd ON key_persons`.execute(db);
  await sql`DROP TRIGGER IF EXISTS key_persons_tallies_del ON key_persons`.execute(db);
  await sql`DROP FUNCTION IF EXISTS key_person_tallies_apply()`.execute(db);
  await sql`DROP TABLE IF EXISTS key_person_tallies`.execute(db);
}
