import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/db';
import { transaction } from './transaction';

// The shared transaction helper against a real PostgreSQL: two transactions that lock two rows in
// opposite orders deadlock for real; PostgreSQL aborts one (40P01), the helper runs it again, and both
// end up written. Without the helper, one of them fails.

let d: TestDatabase;

beforeAll(async () => {
  d = await createTestDatabase();
  await sql`CREATE TABLE lock_pair (k text PRIMARY KEY, n integer NOT NULL)`.execute(d.db);
}, 120_000);

afterAll(async () => {
  await d?.destroy();
});

/** Two transactions, each taking one row then (once the other holds its own) the other row. */
async function opposite(run: typeof transaction) {
  await sql`INSERT INTO lock_pair VALUES ('a', 0), ('b', 0) ON CONFLICT (k) DO UPDATE SET n = 0`.execute(
    d.db,
  );
  let holding = 0;
  const bothHold = async () => {
    holding++;
    for (let i = 0; i < 200 && holding < 2; i++) await new Promise((r) => setTimeout(r, 10));
  };
  const work = (first: string, second: string) =>
    run(d.db, async (tx) => {
      await sql`UPDATE lock_pair SET n = n + 1 WHERE k = ${first}`.execute(tx);
      await bothHold();
      await sql`UPDATE lock_pair SET n = n + 1 WHERE k = ${second}`.execute(tx);
    });
  return Promise.allSettled([work('a', 'b'), work('b', 'a')]);
}

describe('transaction', () => {
  it('without retries a real deadlock fails one of the two (the test can fail)', async () => {
    const once: typeof transaction = (db, fn) => transaction(db, fn, { attempts: 1 });
    const results = await opposite(once);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed).toHaveLength(1);
    expect((failed[0].reason as { code?: string }).code).toBe('40P01');
  });

  it('runs a transaction PostgreSQL aborted as a deadlock again: both are written', async () => {
    const results = await opposite(transaction);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const { rows } = await sql<{ n: number }>`SELECT n FROM lock_pair ORDER BY k`.execute(d.db);
    expect(rows.map((r) => r.n)).toEqual([2, 2]);
  });
});
