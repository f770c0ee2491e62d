import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { inSubtree } from './scope';

// Every table whose rows belong to a place carries the place's materialised path (DESIGN rule 1).
// Modules register those columns here, so that the tree can move a subtree (rewrite the paths) and
// refuse to delete a unit that still holds anything, without knowing the other modules' tables.

export interface PlaceColumn {
  table: string;
  column: string;
  /** what the rows are, for "cannot delete: it still has …" (an i18n key of domain/i18n/messages) */
  what: 'what.children' | 'what.facilities' | 'what.users' | 'what.households' | 'what.forces';
}

const registry: PlaceColumn[] = [];

export function registerPlaceColumn(c: PlaceColumn) {
  if (!registry.some((r) => r.table === c.table && r.column === c.column)) registry.push(c);
}

export function placeColumns(): readonly PlaceColumn[] {
  return registry;
}

/** Rewrites every registered path under `from` to lie under `to` (a moved subtree). */
export async function movePlacePaths(tx: Db, from: string, to: string) {
  for (const { table, column } of registry) {
    const col = sql.ref(column);
    await sql`
      UPDATE ${sql.table(table)} SET ${col} = ${to} || substr(${col}, ${from.length + 1})
      WHERE ${inSubtree(column, from)}`.execute(tx);
  }
}

/** The first kind of row that still stands at exactly this path, if any. */
export async function firstOccupant(db: Db, path: string): Promise<PlaceColumn | undefined> {
  for (const c of registry) {
    const { rows } =
      await sql`SELECT 1 FROM ${sql.table(c.table)} WHERE ${sql.ref(c.column)} = ${path} LIMIT 1`.execute(db);
    if (rows.length) return c;
  }
  return undefined;
}
