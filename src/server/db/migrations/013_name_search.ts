import { type Kysely, sql } from 'kysely';

// Finding a resident by the start of their name across a district or a city in the ledger's order
// (issue 12). 002's residents_name_idx (name, unit_path) answered a prefix with a range over names, in
// name order: every match in the subtree was read, its household fetched and the lot sorted to find the
// first page (王秀 in a district of a million: 3,000 rows, 160 ms warm, 1 s cold; 王 would be 70,000).
//
// Two partial indexes over the living (present or away, what a search asks for) key the first one and
// the first two characters of the name with equality, so that the matches of one prefix come in unit
// path order: the ledger's first page is read from the index's start within the subtree, whatever the
// prefix's frequency (ledger/queries.ts, listByName):
// - residents_name1_idx (left(name, 1), unit_path): a prefix of one character;
// - residents_name2_idx (left(name, 2), unit_path, name): two characters, and longer prefixes, whose
//   further characters are checked on the name in the index. It replaces residents_name_idx.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX residents_name1_idx ON residents (left(name, 1), unit_path)
      WHERE status IN ('present','away')`.execute(db);
  await sql`
    CREATE INDEX residents_name2_idx ON residents (left(name, 2), unit_path, name)
      WHERE status IN ('present','away')`.execute(db);
  await sql`DROP INDEX IF EXISTS residents_name_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS residents_name_idx ON residents (name, unit_path)`.execute(db);
  await sql`DROP INDEX IF EXISTS residents_name2_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS residents_name1_idx`.execute(db);
}
