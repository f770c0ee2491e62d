import { type Kysely, sql } from 'kysely';
import { personInitials, personPinyin } from '../../../domain/org/initials';

// Finding people by what the searcher has: their name in full pinyin (zhoumingde) as well as initials
// (zmd), in the ledger and in the forces registry, through indexes (a district's residents are never
// read one by one).
//
// - residents.pinyin: the full pinyin, beside the initials 002 keeps. Both get an index of their own,
//   with the unit path so that the scope is checked in the index, and only over the living (present or
//   away), which is what a search asks for.
// - people.initials and people.pinyin, with their indexes.
//
// Existing rows are filled here: one pinyin per distinct name (names repeat a lot), written in batches.

const BATCH = 5000;

async function backfill(db: Kysely<unknown>, table: 'residents' | 'people') {
  let after = '';
  for (;;) {
    const { rows } = await sql<{ name: string }>`
      SELECT DISTINCT name COLLATE "C" AS name FROM ${sql.table(table)}
      WHERE name COLLATE "C" > ${after} ORDER BY 1 LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    const names = rows.map((r) => r.name);
    await sql`
      UPDATE ${sql.table(table)} t SET initials = v.initials, pinyin = v.pinyin
      FROM unnest(${names}::text[], ${names.map(personInitials)}::text[], ${names.map(personPinyin)}::text[])
        AS v(name, initials, pinyin)
      WHERE t.name = v.name`.execute(db);
    after = names[names.length - 1];
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE residents ADD COLUMN pinyin text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE people ADD COLUMN initials text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE people ADD COLUMN pinyin text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
  await backfill(db, 'residents');
  await backfill(db, 'people');
  await sql`CREATE INDEX residents_pinyin_idx ON residents (pinyin, unit_path) WHERE status IN ('present','away')`.execute(
    db,
  );
  await sql`CREATE INDEX residents_initials_idx ON residents (initials, unit_path) WHERE status IN ('present','away')`.execute(
    db,
  );
  await sql`CREATE INDEX people_pinyin_idx ON people (pinyin)`.execute(db);
  await sql`CREATE INDEX people_initials_idx ON people (initials)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'people_initials_idx',
    'people_pinyin_idx',
    'residents_initials_idx',
    'residents_pinyin_idx',
  ])
    await sql`DROP INDEX IF EXISTS ${sql.ref(index)}`.execute(db);
  await sql`ALTER TABLE people DROP COLUMN pinyin, DROP COLUMN initials`.execute(db);
  await sql`ALTER TABLE residents DROP COLUMN pinyin`.execute(db);
}
