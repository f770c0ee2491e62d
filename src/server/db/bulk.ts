import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, poolOf } from './connection';
import type { Database } from './schema';
import { type RetryOptions, retrying } from './transaction';

// Bulk loads (DESIGN rule 5): a transaction on a client of its own, in which Kysely queries and COPY
// run side by side, so that an import writes everything or nothing.

export type CopyValue = string | number | boolean | Buffer | readonly string[] | null | undefined;

export interface BulkTransaction {
  /** Kysely on the transaction's client */
  tx: Db;
  /** COPY rows into a table's columns (text format), inside the transaction */
  copy(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number>;
}

/** A bulk transaction, run again after a deadlock or a serialisation failure (db/transaction.ts). */
export function bulkTransaction<T>(
  db: Db,
  fn: (bulk: BulkTransaction) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  return retrying(() => bulkTransactionOnce(db, fn), opts);
}

async function bulkTransactionOnce<T>(db: Db, fn: (bulk: BulkTransaction) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  // Kysely releases its connection after each query: hand it the client with a release that keeps it.
  const borrowed = { query: client.query.bind(client), release() {} };
  const tx = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => borrowed, end: async () => {} } as never }),
  });
  let failed = true;
  try {
    await client.query('BEGIN');
    const result = await fn({ tx, copy: (table, columns, rows) => copyRows(client, table, columns, rows) });
    await client.query('COMMIT');
    failed = false;
    return result;
  } finally {
    if (failed) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/** Ids taken ahead from a table's identity sequence, to link rows that are loaded together. */
export async function nextIds(tx: Db, table: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::text AS id FROM generate_series(1, ${n})`.execute(
    tx,
  );
  return rows.map((r) => r.id);
}

const CHUNK = 1 << 16;

async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let n = 0;
  let buffer = '';
  for (const row of rows) {
    buffer += `${row.map(copyText).join('\t')}\n`;
    n++;
    if (buffer.length >= CHUNK) {
      if (!stream.write(buffer)) await new Promise((r) => stream.once('drain', r));
      buffer = '';
    }
  }
  stream.end(buffer);
  await done;
  return n;
}

/** A value in COPY's text format: \N for null, bytea as \\x hex, arrays as {…}, backslash escapes. */
export function copyText(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeCopy(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  return escapeCopy(`{${(v as readonly string[]).map((e) => `"${e.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
}

function escapeCopy(s: string): string {
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}
