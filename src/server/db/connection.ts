import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;

// A date column is a calendar day ('2020-02-05'), never a midnight in the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

const pools = new WeakMap<Db, pg.Pool>();

/**
 * A pool and its Kysely. `today` is the day the platform replays (Config.today): each connection then
 * carries it as `wangge.today`, which the SQL twin of the platform clock reads (platform_now(), used by
 * column defaults; see migrations/006_platform_clock.ts and platform/clock.ts).
 */
export function createDb(connectionString: string, max = 10, clock: { today?: string } = {}): Db {
  const options = clock.today ? `-c wangge.today=${clock.today}` : undefined;
  const pool = new pg.Pool({ connectionString, max, ...(options ? { options } : {}) });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** The pool behind a Db made by createDb (bulk loads need a client of their own for COPY). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('not a database made by createDb');
  return pool;
}
