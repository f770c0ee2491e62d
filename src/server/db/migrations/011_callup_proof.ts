import { type Kysely, sql } from 'kysely';

// The proof of a person behind a public call-up sign-up (issue 11): a code sent by SMS to the phone
// being signed up. Only the code's keyed hash is kept (bound to the call-up and the phone), with the
// attempts made against it; a code lives ten minutes and is spent by the sign-up it proves. The rows are
// short-lived (those older than a day are deleted as new ones are made), belong to their call-up and
// are read by nobody's scope, so they carry no unit path of their own.
// The indexes answer the limits: codes of a call-up in the last minute, codes of a phone at a call-up.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE callup_codes (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      callup_id   bigint NOT NULL REFERENCES callups(id) ON DELETE CASCADE,
      phone_hmac  bytea NOT NULL,
      code_hmac   bytea NOT NULL,
      attempts    integer NOT NULL DEFAULT 0,
      created_at  timestamptz NOT NULL DEFAULT now(),
      expires_at  timestamptz NOT NULL,
      used_at     timestamptz
    )`.execute(db);
  await sql`CREATE INDEX callup_codes_callup_idx ON callup_codes (callup_id, created_at)`.execute(db);
  await sql`CREATE INDEX callup_codes_phone_idx ON callup_codes (callup_id, phone_hmac, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS callup_codes`.execute(db);
}
