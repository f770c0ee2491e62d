import { type Kysely, sql } from 'kysely';

// The column mappings an office used for its imports (issue 12): an office imports the same layout every
// day, so the mapping it settled on (which column is which field, the header row, the sheet, whether to
// update residents already in the ledger) is kept per unit and header signature, and offered, pre-filled,
// on its next import of a sheet with the same header row. One row per unit, kind of import and
// signature (the SHA-256 of the header row's words as compared: domain/ledger/sheet/mappingMemory.ts),
// overwritten by each import that used it. A mapping belongs to its unit (by id, deleted with it) and is
// read only through that unit, once the unit is known to be in the reader's scope.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_mappings (
      id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id         bigint NOT NULL REFERENCES units(id) ON DELETE CASCADE,
      kind            text NOT NULL CHECK (kind IN ('ledger')),
      signature       text NOT NULL,
      headers         jsonb NOT NULL,
      header_row      integer NOT NULL CHECK (header_row >= 0),
      mapping         jsonb NOT NULL,
      sheet_name      text,
      update_existing boolean NOT NULL DEFAULT false,
      used_by         bigint REFERENCES users(id) ON DELETE SET NULL,
      used_by_name    text NOT NULL,
      used_at         timestamptz NOT NULL DEFAULT now(),
      uses            integer NOT NULL DEFAULT 1,
      created_at      timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX import_mappings_unit_signature_uq
      ON import_mappings (unit_id, kind, signature)`.execute(db);
  await sql`CREATE INDEX import_mappings_unit_used_idx ON import_mappings (unit_id, kind, used_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS import_mappings`.execute(db);
}
