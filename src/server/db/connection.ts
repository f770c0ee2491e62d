import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, type RawBuilder } from 'kysely';
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

/**
 * Runs a statement as a named prepared statement on the pool (the name is a digest of its text): each
 * connection parses and plans it once, and later calls send only the values. For the few statements
 * that run on every request of a hot path (a checkpoint's passages, the session check); the rest go
 * through Kysely as usual. Not for use inside a transaction (it takes its own connection).
 */
export async function runPrepared<R>(db: Db, query: RawBuilder<R>): Promise<R[]> {
  const compiled = query.compile(db);
  const name = `w_${createHash('sha1').update(compiled.sql).digest('base64url').slice(0, 20)}`;
  const result = await poolOf(db).query({ name, text: compiled.sql, values: [...compiled.parameters] });
  return result.rows as R[];
}
