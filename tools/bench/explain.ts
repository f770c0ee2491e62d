import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Db } from '../../src/server/db/connection';

// --explain: the plans of the queries an operation really runs. The operation runs once while the
// pg client records every statement it sends (Kysely's PostgresDialect goes through pg.Client#query);
// then each recorded SELECT runs again under EXPLAIN (ANALYZE, BUFFERS) with the same parameters.

interface Recorded {
  text: string;
  values: unknown[];
}

type QueryFn = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

async function record(work: () => Promise<unknown>): Promise<Recorded[]> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const seen: Recorded[] = [];
  proto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    if (typeof config === 'string') seen.push({ text: config, values: Array.isArray(values) ? values : [] });
    return original.call(this, config, values, callback);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}

/** The statements one run of `work` sends, each SELECT with its plan (EXPLAIN ANALYZE), as text. */
export async function explainOperation(db: Db, work: () => Promise<unknown>): Promise<string> {
  const queries = (await record(work)).filter((q) => /^\s*(select|with)\b/i.test(q.text));
  const out: string[] = [];
  for (const q of queries) {
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values),
    );
    out.push(`    ${q.text}`, `    params: ${JSON.stringify(q.values)}`);
    for (const r of rows) out.push(`      ${r['QUERY PLAN']}`);
  }
  return out.join('\n');
}
