import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/db';
import { down, up } from './007_uniqueness';

// Migration 007 on a database that already holds a city (the demo's Zhengzhou, its ledger and its
// forces, as a deployment upgraded from 006 would): it takes the unique indexes; on a database where
// duplicates slipped in before, it stops naming them and changes nothing.

let d: TestDatabase;
let db: Kysely<unknown>;

const indexes = async () =>
  (
    await sql<{ name: string }>`
      SELECT indexname AS name FROM pg_indexes
      WHERE indexname IN ('residents_id_living_uq', 'residents_id_hmac_idx', 'people_phone_active_uq', 'people_id_active_uq')
      ORDER BY 1`.execute(db)
  ).rows.map((r) => r.name);

beforeAll(async () => {
  d = await createTestDatabase();
  db = d.db as unknown as Kysely<unknown>;
  await down(db);
}, 120_000);

afterAll(async () => {
  await d?.destroy();
});

describe('migration 007', () => {
  it('takes the unique indexes on the seeded demo city', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(db);
    expect(rows[0].n).toBeGreaterThan(1000);
    await up(db);
    expect(await indexes()).toEqual([
      'people_id_active_uq',
      'people_phone_active_uq',
      'residents_id_living_uq',
    ]);
    await down(db);
    expect(await indexes()).toEqual(['residents_id_hmac_idx']);
  });

  it('stops on a resident registered twice, naming it, and changes nothing', async () => {
    await sql`
      INSERT INTO residents (region_code, household_id, unit_path, name, id_hmac, status)
      SELECT region_code, household_id, unit_path, name || '（重复）', id_hmac, 'present'
      FROM residents WHERE id_hmac IS NOT NULL AND status = 'present' LIMIT 1`.execute(db);
    await expect(up(db)).rejects.toThrow(/1 × residents \(living\) with one ID number/);
    expect(await indexes()).toEqual(['residents_id_hmac_idx']);
  });
});
