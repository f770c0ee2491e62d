import type { Transaction } from 'kysely';
import type { Db } from './connection';
import type { Database } from './schema';

// One transaction helper for the services: a transaction that PostgreSQL aborted because it deadlocked
// (40P01) or could not be serialised (40001) is run again from the start, a few times, after a short
// random pause. Counter rows are touched in one fixed order (migration 007), so deadlocks should not
// happen; this is the safety net for the lock orders nobody foresaw. The work given must be safe to run
// again: everything it writes is in the transaction, which PostgreSQL rolled back.

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);
/** runs at most (the first and three more) */
export const TRANSACTION_ATTEMPTS = 4;

/** The SQLSTATE of a PostgreSQL error (pg's DatabaseError), if it is one. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A deadlock or a serialisation failure: the transaction was rolled back and may be run again. */
export function isRetryable(err: unknown): boolean {
  return RETRYABLE.has(sqlState(err) ?? '');
}

/** The unique index or constraint a statement violated (23505), if that is what happened. */
export function uniqueViolation(err: unknown): string | undefined {
  if (sqlState(err) !== '23505') return undefined;
  const constraint = (err as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : '';
}

export interface RetryOptions {
  /** runs at most (TRANSACTION_ATTEMPTS unless said) */
  attempts?: number;
  /** another failure after which this work may be run again (an import re-plans on a unique violation) */
  alsoRetry?: (err: unknown) => boolean;
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));

/** Runs `work`, and again after a deadlock or a serialisation failure (see above). */
export async function retrying<T>(work: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? TRANSACTION_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !(isRetryable(err) || opts.alsoRetry?.(err))) throw err;
      await pause(attempt);
    }
  }
}

/** A transaction on `db`, run again after a deadlock or a serialisation failure. */
export function transaction<T>(
  db: Db,
  fn: (tx: Transaction<Database>) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  return retrying(() => db.transaction().execute(fn), opts);
}
