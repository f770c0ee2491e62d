import { type Kysely, sql } from 'kysely';
import { MARKERS } from '../../../domain/ledger/markers';

// Trust under load (issue 11):
//
// 1. The database says what is unique, not a read before the write. One living resident (present or
//    away) per ID number, across the ledger: residents_id_living_uq replaces 002's residents_id_hmac_idx
//    (same columns and condition, now unique). One active person of the forces registry per phone and per
//    ID number: people_phone_active_uq, people_id_active_uq (002/003's plain indexes stay: they also find
//    people who left). A request that loses a race gets the 409 its check would have given
//    (platform/errors.ts maps every unique index to a message).
//
// 2. The counts by colour (ledger_counts) are kept by one statement per trigger call that touches the
//    counter rows in the order of their key: the old colour's row and the new colour's row of a change are
//    no longer updated in two statements (which made opposite changes in one community lock the two rows
//    in opposite orders and deadlock). The deltas are summed per (community, colour), rows whose deltas
//    are all zero are not touched at all (an edit that changes no count locks no counter).
//
// A database where duplicates already slipped in cannot take the unique indexes: the migration stops and
// names what to resolve (docs/operations.md, "Duplicates found by migration 007"); nothing is changed.

const COUNTS = ['households', 'residents', ...MARKERS];

async function duplicates(db: Kysely<unknown>) {
  const { rows } = await sql<{ what: string; n: number }>`
    SELECT 'residents (living) with one ID number' AS what, count(*)::int AS n FROM (
      SELECT id_hmac FROM residents WHERE id_hmac IS NOT NULL AND status IN ('present','away')
      GROUP BY id_hmac HAVING count(*) > 1) d
    UNION ALL
    SELECT 'active people with one phone', count(*)::int FROM (
      SELECT phone_hmac FROM people WHERE phone_hmac IS NOT NULL AND status = 'active'
      GROUP BY phone_hmac HAVING count(*) > 1) d
    UNION ALL
    SELECT 'active people with one ID number', count(*)::int FROM (
      SELECT id_hmac FROM people WHERE id_hmac IS NOT NULL AND status = 'active'
      GROUP BY id_hmac HAVING count(*) > 1) d`.execute(db);
  return rows.filter((r) => r.n > 0);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const found = await duplicates(db);
  if (found.length)
    throw new Error(
      `migration 007 (uniqueness) stopped: ${found.map((f) => `${f.n} × ${f.what}`).join('; ')}. ` +
        'Resolve them first (docs/operations.md, "Duplicates found by migration 007"); nothing was changed.',
    );
  await sql`
    CREATE UNIQUE INDEX residents_id_living_uq ON residents (id_hmac)
      WHERE id_hmac IS NOT NULL AND status IN ('present','away')`.execute(db);
  await sql`DROP INDEX residents_id_hmac_idx`.execute(db);
  await sql`
    CREATE UNIQUE INDEX people_phone_active_uq ON people (phone_hmac)
      WHERE phone_hmac IS NOT NULL AND status = 'active'`.execute(db);
  await sql`
    CREATE UNIQUE INDEX people_id_active_uq ON people (id_hmac)
      WHERE id_hmac IS NOT NULL AND status = 'active'`.execute(db);

  const cols = sql.raw(COUNTS.join(', '));
  // a row's part of each count: 1 household, its present residents, its residents with each marker
  const part = (c: string) => (c === 'households' ? '1' : c === 'residents' ? 'resident_count' : c);
  const sums = (alias: string, sign: string) =>
    COUNTS.map((c) => `${sign}sum(${c === 'households' ? '' : `${alias}.`}${part(c)})`).join(', ');
  const total = sql.raw(COUNTS.map((c) => `sum(d.${c}) AS ${c}`).join(', '));
  const nonZero = sql.raw(COUNTS.map((c) => `sum(d.${c}) <> 0`).join(' OR '));
  const adds = sql.raw(COUNTS.map((c) => `${c} = lc.${c} + EXCLUDED.${c}`).join(', '));
  // old rows count minus, new rows plus; one INSERT … ON CONFLICT over the sums, in key order
  const body = (old: boolean, fresh: boolean) => {
    const parts = [
      ...(old
        ? [
            `SELECT o.community_path, o.colour, ${sums('o', '-')} FROM old_rows o WHERE o.status = 'active' GROUP BY 1, 2`,
          ]
        : []),
      ...(fresh
        ? [
            `SELECT n.community_path, n.colour, ${sums('n', '')} FROM new_rows n WHERE n.status = 'active' GROUP BY 1, 2`,
          ]
        : []),
    ];
    return sql`
        INSERT INTO ledger_counts AS lc (community_path, colour, ${cols})
          SELECT d.community_path, d.colour, ${total}
          FROM (${sql.raw(parts.join(' UNION ALL '))}) AS d (community_path, colour, ${cols})
          GROUP BY d.community_path, d.colour
          HAVING ${nonZero}
          ORDER BY d.community_path, d.colour
        ON CONFLICT (community_path, colour) DO UPDATE SET ${adds};`;
  };
  await sql`
    CREATE OR REPLACE FUNCTION ledger_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        ${body(true, true)}
      ELSIF TG_OP = 'INSERT' THEN
        ${body(false, true)}
      ELSE
        ${body(true, false)}
      END IF;
      RETURN NULL;
    END $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS people_id_active_uq`.execute(db);
  await sql`DROP INDEX IF EXISTS people_phone_active_uq`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS residents_id_hmac_idx ON residents (id_hmac) WHERE id_hmac IS NOT NULL AND status IN ('present','away')`.execute(
    db,
  );
  await sql`DROP INDEX IF EXISTS residents_id_living_uq`.execute(db);
  // 002's function: the old colour's rows, then the new colour's, in two statements
  const cols = sql.raw(COUNTS.join(', '));
  const sums = (alias: string, sign: string) =>
    sql.raw(
      [
        `${sign}count(*)`,
        `${sign}sum(${alias}.resident_count)`,
        ...MARKERS.map((m) => `${sign}sum(${alias}.${m})`),
      ].join(', '),
    );
  const adds = sql.raw(COUNTS.map((c) => `${c} = lc.${c} + EXCLUDED.${c}`).join(', '));
  await sql`
    CREATE OR REPLACE FUNCTION ledger_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO ledger_counts AS lc (community_path, colour, ${cols})
          SELECT o.community_path, o.colour, ${sums('o', '-')} FROM old_rows o WHERE o.status = 'active'
          GROUP BY o.community_path, o.colour
        ON CONFLICT (community_path, colour) DO UPDATE SET ${adds};
      END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO ledger_counts AS lc (community_path, colour, ${cols})
          SELECT n.community_path, n.colour, ${sums('n', '')} FROM new_rows n WHERE n.status = 'active'
          GROUP BY n.community_path, n.colour
        ON CONFLICT (community_path, colour) DO UPDATE SET ${adds};
      END IF;
      RETURN NULL;
    END $$`.execute(db);
}
