import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/db';
import { down, up } from './013_name_search';

// Migration 013 on a database that already holds a city (the demo's Zhengzhou and its ledger, as a
// deployment upgraded from 011 would): the name prefix indexes replace residents_name_idx, and they are
// the ones a search by the start of a name reads (the plan, with sequential scans off: the demo city is
// small enough for the planner to read it whole).

let d: TestDatabase;
let db: Kysely<unknown>;

const indexes = async () =>
  (
    await sql<{ name: string }>`
      SELECT indexname AS name FROM pg_indexes
      WHERE tablename = 'residents' AND indexname LIKE 'residents_name%' ORDER BY 1`.execute(db)
  ).rows.map((r) => r.name);

/** The indexes the plan of a prefix search reads (EXPLAIN, no timing). */
async function indexesRead(condition: string): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${sql.raw(`
      SELECT r.unit_path, r.household_id FROM residents r
      WHERE ${condition} AND r.status IN ('present', 'away')
        AND r.unit_path >= '410000.410100' AND r.unit_path < '410000.410100/'
      ORDER BY r.unit_path LIMIT 20`)}`.execute(tx);
    return [...new Set(rows.flatMap((r) => r['QUERY PLAN'].match(/residents_\w+/g) ?? []))];
  });
}

beforeAll(async () => {
  d = await createTestDatabase();
  db = d.db as unknown as Kysely<unknown>;
}, 120_000);

afterAll(async () => {
  await d?.destroy();
});

describe('migration 013', () => {
  it('replaces residents_name_idx with the prefix indexes on the seeded demo city, and back', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(db);
    expect(rows[0].n).toBeGreaterThan(1000);
    expect(await indexes()).toEqual(['residents_name1_idx', 'residents_name2_idx']);
    await down(db);
    expect(await indexes()).toEqual(['residents_name_idx']);
    await up(db);
    expect(await indexes()).toEqual(['residents_name1_idx', 'residents_name2_idx']);
  });

  it('answers a prefix of one character and of two or more from them, in unit path order', async () => {
    expect(await indexesRead(`left(r.name, 1) = '王'`)).toEqual(['residents_name1_idx']);
    expect(await indexesRead(`left(r.name, 2) = '王秀'`)).toEqual(['residents_name2_idx']);
    expect(
      await indexesRead(`left(r.name, 2) = '王秀' AND r.name >= '王秀英' AND r.name < '王秀英\u{10FFFF}'`),
    ).toEqual(['residents_name2_idx']);
  });
});
