import { type Kysely, sql } from 'kysely';

// Failed logins counted per (username, address) rather than per account, so that nobody can lock
// another person out from their own address, and so that an unknown username is answered exactly as
// a known one; and failed guesses of the current password in the change form, per user. See
// domain/access/lockout.ts for the back-off. The account-wide counter of 001 goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_failures (
      kind text NOT NULL CHECK (kind IN ('login', 'password')),
      -- login: the username as typed, in lower case (known or not); password: the user's id
      subject text NOT NULL,
      -- login: the client's address; password: '' (counted for the user wherever they are)
      address text NOT NULL,
      failures integer NOT NULL,
      locked_until timestamptz,
      last_failed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, subject, address)
    )`.execute(db);
  await sql`CREATE INDEX login_failures_last_failed ON login_failures (last_failed_at)`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`.execute(
    db,
  );
  await sql`DROP TABLE login_failures`.execute(db);
}
