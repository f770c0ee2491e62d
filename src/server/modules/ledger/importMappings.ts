import { createHash } from 'node:crypto';
import { fitMapping, type HeaderProposal, headerKey, type LedgerField } from '../../../domain/ledger/sheet';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import * as q from './queries';

// The column mappings an office used (issue 12): an office imports the same layout every day, so each
// import that wrote keeps the mapping it used (which column is which field, the header row, the sheet,
// whether residents already in the ledger were updated) for its unit and header row (migration 012), and
// the next preview of a sheet with the same header row offers it (`remembered`), which the wizard
// pre-fills and the user can set aside. Read and kept only through a unit in the caller's scope.

/** How many mappings a unit keeps (the last used): an office has a few layouts, not hundreds. */
export const MAPPINGS_KEPT = 20;

export interface RememberedMapping {
  id: string;
  /** the header row (0-based) of the sheet it is offered for */
  headerRow: number;
  headers: string[];
  /** every column of the header row: its field, or null when set aside */
  mapping: Record<string, LedgerField | null>;
  sheetName: string | null;
  updateExisting: boolean;
  usedAt: string;
  usedBy: string;
  uses: number;
}

/** The signature of a header row: the SHA-256 of its key (headerKey); undefined for a row with none. */
export function headerSignature(headers: readonly unknown[]): string | undefined {
  const key = headerKey(headers);
  return key === '' ? undefined : createHash('sha256').update(key).digest('hex');
}

function remembered(row: q.ImportMappingRow, headerRow: number, columns: number): RememberedMapping {
  return {
    id: row.id,
    headerRow,
    headers: row.headers,
    mapping: fitMapping(row.mapping, columns),
    sheetName: row.sheet_name,
    updateExisting: row.update_existing,
    usedAt: row.used_at.toISOString(),
    usedBy: row.used_by_name,
    uses: row.uses,
  };
}

/**
 * The mapping the unit used for this sheet's header row, if any: the header row found (or chosen) by its
 * signature; else one of the unit's mappings whose header row, at the row it was, says the same in this
 * sheet (a header the reader does not find by itself, which the user named last time). `rows` are the
 * sheet's first rows (the preview's).
 */
export async function rememberedFor(
  db: Db,
  unitId: string,
  header: HeaderProposal | null,
  rows: readonly (readonly unknown[] | undefined)[],
): Promise<RememberedMapping | undefined> {
  const signature = header && headerSignature(header.headers);
  if (header && signature) {
    const row = await q.importMappingBySignature(db, unitId, signature);
    if (row) return remembered(row, header.rowIndex, header.headers.length);
  }
  for (const row of await q.importMappingsOf(db, unitId, MAPPINGS_KEPT)) {
    if (row.header_row === header?.rowIndex) continue;
    const cells = rows[row.header_row];
    if (cells && headerSignature(cells) === row.signature)
      return remembered(row, row.header_row, Math.max(cells.length, row.headers.length));
  }
  return undefined;
}

/**
 * Keeps the mapping an import into a unit used (after it wrote): one per unit and header signature, the
 * last used kept, at most MAPPINGS_KEPT per unit.
 */
export async function rememberMapping(
  db: Db,
  actor: Actor,
  unitId: string,
  header: HeaderProposal,
  opts: { sheetName: string | null; updateExisting: boolean },
): Promise<void> {
  const signature = headerSignature(header.headers);
  if (!signature) return;
  await q.saveImportMapping(db, {
    unitId,
    signature,
    headers: header.headers,
    headerRow: header.rowIndex,
    mapping: fitMapping(header.mapping, header.headers.length),
    sheetName: opts.sheetName,
    updateExisting: opts.updateExisting,
    userId: actor.userId,
    username: actor.username,
  });
  await q.pruneImportMappings(db, unitId, MAPPINGS_KEPT);
}

/** A unit's remembered mappings, the last used first (404 for a unit out of scope). */
export async function listMappings(
  services: Services,
  actor: Actor,
  unitCode: string,
): Promise<RememberedMapping[]> {
  const unit = await unitInScope(services.db, actor.scope, unitCode, 'ledger.import');
  return (await q.importMappingsOf(services.db, unit.id, MAPPINGS_KEPT)).map((r) =>
    remembered(r, r.header_row, r.headers.length),
  );
}

/**
 * Forgets one of a unit's mappings, if the unit has it (404 for a unit out of scope). Idempotent: a
 * mapping already forgotten, or another unit's, is no error, and nothing of another unit is touched.
 */
export async function forgetMapping(
  services: Services,
  actor: Actor,
  unitCode: string,
  id: string,
): Promise<void> {
  const unit = await unitInScope(services.db, actor.scope, unitCode, 'ledger.import');
  await q.deleteImportMapping(services.db, unit.id, id);
}
