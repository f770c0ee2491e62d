import { performance } from 'node:perf_hooks';
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
  /** COPY rows into a table's columns (text format), inside the transaction; rows, or text made ahead */
  copy(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]> | CopyText,
  ): Promise<number>;
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

/**
 * Ids taken ahead from a table's identity sequence, to link rows that are loaded together. The sequence
 * is advanced n times on the server (its name looked up once: pg_get_serial_sequence for each of
 * 133,000 ids took 0.6 s), and the ids come back as runs (lo, hi): one run unless another session took
 * ids in between.
 */
export async function nextIds(tx: Db, table: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ lo: string; hi: string }>`
    SELECT min(id)::text AS lo, max(id)::text AS hi
    FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run
          FROM (SELECT nextval((SELECT pg_get_serial_sequence(${table}, 'id')::regclass)) AS id
                FROM generate_series(1, ${n})) s) r
    GROUP BY run ORDER BY 1`.execute(tx);
  const ids: string[] = [];
  for (const r of rows)
    for (let id = BigInt(r.lo), hi = BigInt(r.hi); id <= hi; id++) ids.push(id.toString());
  return ids;
}

const CHUNK = 1 << 16;

/**
 * Rows in COPY's text format, made ahead by encodeCopy: chunks of about 64 KB (UTF-8), read once, as
 * they are made.
 */
export interface CopyText {
  chunks: AsyncIterable<Buffer>;
  /** the rows made (all of them once `chunks` has ended) */
  readonly rows: number;
}

const isCopyText = (rows: Iterable<readonly CopyValue[]> | CopyText): rows is CopyText => 'chunks' in rows;

/**
 * Starts making the COPY text of rows at once, giving way to the event loop every few milliseconds, so
 * that rows that cost this process time (sealing ID numbers and phones, pinyin) are made while PostgreSQL
 * loads another table, and then while it loads these: start it, COPY the other table, then COPY this
 * (`copy(table, columns, encodeCopy(rows))`), which sends each chunk as soon as it is made. A bulk load
 * then takes about the longer of the two (the server's work and this process's), not their sum. What is
 * made ahead waits in memory until its COPY reads it (about 0.8 KB a resident).
 */
export function encodeCopy(rows: Iterable<readonly CopyValue[]>, sliceMs = 4): CopyText {
  const ready: Buffer[] = [];
  let finished = false;
  let failure: unknown;
  let made = 0;
  let abandoned = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    try {
      let buffer = '';
      let n = 0;
      let until = performance.now() + sliceMs;
      for (const row of rows) {
        if (abandoned) return;
        buffer += `${row.map(copyText).join('\t')}\n`;
        if (buffer.length >= CHUNK) {
          ready.push(Buffer.from(buffer, 'utf8'));
          buffer = '';
          notify();
        }
        made = ++n;
        if ((n & 31) === 0 && performance.now() > until) {
          await new Promise((resolve) => setImmediate(resolve));
          until = performance.now() + sliceMs;
        }
      }
      if (buffer) ready.push(Buffer.from(buffer, 'utf8'));
    } catch (e) {
      failure = e ?? new Error('encodeCopy failed');
    }
    finished = true;
    notify();
  })();
  return {
    get rows() {
      return made;
    },
    chunks: {
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            if (failure !== undefined) throw failure;
            const chunk = ready.shift();
            if (chunk) yield chunk;
            else if (finished) return;
            else await new Promise<void>((resolve) => (wake = resolve));
          }
        } finally {
          // the COPY stopped reading (it failed): stop making rows for it
          abandoned = true;
          ready.length = 0;
        }
      },
    },
  };
}

async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]> | CopyText,
): Promise<number> {
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  // PostgreSQL may refuse the COPY (a unique index, 23505) while rows are still being sent: the stream's
  // error is the one thrown, never a write to the connection it has let go of.
  let failure: unknown;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (e) => {
      failure ??= e;
      reject(e);
    });
  });
  done.catch(() => {}); // awaited below, or its error thrown by the next write
  const write = async (chunk: string | Buffer) => {
    if (failure !== undefined) throw failure;
    try {
      if (!stream.write(chunk))
        await new Promise((r) => {
          stream.once('drain', r);
          stream.once('error', r);
        });
    } catch (e) {
      throw failure ?? e;
    }
    if (failure !== undefined) throw failure;
  };
  let n = 0;
  if (isCopyText(rows)) {
    for await (const chunk of rows.chunks) await write(chunk);
    n = rows.rows;
    stream.end();
  } else {
    let buffer = '';
    for (const row of rows) {
      buffer += `${row.map(copyText).join('\t')}\n`;
      n++;
      if (buffer.length >= CHUNK) {
        await write(buffer);
        buffer = '';
      }
    }
    stream.end(buffer);
  }
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
