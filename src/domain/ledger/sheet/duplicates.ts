// The same person twice in one sheet: rows with the same (normalised) ID number. Both rows are reported,
// each naming the other, so that the user can see which to keep. Pure, no I/O. (Duplicates against the
// residents already in the database are the server's to find, by the ID's keyed hash.)

import type { Locale } from '../../i18n/messages';
import type { ColumnRef } from './headers';
import { type LedgerError, ledgerMessage, rowList } from './messages';

export interface IdOccurrence {
  /** the row number in the sheet (1-based) */
  row: number;
  /** the normalised ID number (validateRow's) */
  idNumber: string;
}

/**
 * For every row whose ID number occurs more than once: the other rows with it, in sheet order.
 * Rows with a unique ID number are not in the map.
 */
export function findDuplicateIds(items: Iterable<IdOccurrence>): Map<number, number[]> {
  const byId = new Map<string, number[]>();
  for (const { row, idNumber } of items) {
    const rows = byId.get(idNumber);
    if (rows) rows.push(row);
    else byId.set(idNumber, [row]);
  }
  const out = new Map<number, number[]>();
  for (const rows of byId.values()) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    if (sorted.length < 2) continue;
    for (const row of sorted)
      out.set(
        row,
        sorted.filter((r) => r !== row),
      );
  }
  return out;
}

/** An 'id.duplicate' error for every row of a duplicated ID number, naming the other rows; by row. */
export function duplicateIdErrors(
  items: Iterable<IdOccurrence>,
  column: ColumnRef | undefined,
  locale: Locale,
): LedgerError[] {
  const duplicates = findDuplicateIds(items);
  return [...duplicates.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, others]) => ({
      row,
      column: column?.label ?? null,
      columnIndex: column?.index ?? null,
      code: 'id.duplicate' as const,
      message: ledgerMessage(locale, 'id.duplicate', { rows: rowList(locale, others) }),
    }));
}
