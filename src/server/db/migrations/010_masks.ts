import { type Kysely, sql } from 'kysely';

// Masked ID numbers show the last four characters only (issue 11, finding 1: with the first four and the
// birth date beside them, the hidden digits could be rebuilt). The masks kept beside the sealed numbers
// are rewritten from themselves: every character before the last four becomes a star, as
// remaskIdNumber does (domain/validators/idNumber.ts). Masks in history rows are remasked when read.
// One pass over residents and people; on a city's ledger it rewrites every resident with an ID number
// (docs/operations.md, "Upgrading"). An index serves the count of ID numbers met outside a scope.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['residents', 'people']) {
    await sql`
      UPDATE ${sql.table(table)}
      SET id_masked = repeat('*', length(id_masked) - 4) || right(id_masked, 4)
      WHERE length(id_masked) > 8 AND id_masked <> repeat('*', length(id_masked) - 4) || right(id_masked, 4)`.execute(
      db,
    );
  }
  // ID numbers met outside the user's scope are counted per user and hour (ledger/idMatches.ts)
  await sql`CREATE INDEX audit_log_matched_idx ON audit_log (user_id, at) WHERE action = 'pii.matched'`.execute(
    db,
  );
}

/** The first four characters cannot come back from the masks; the older masks are not remade. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_log_matched_idx`.execute(db);
}
