// The same person twice in one sheet. Two kinds:
// - a row given twice (pasted twice, or copied down): the rows say the same in every column read, apart
//   from their 序号 (which is no column read). The first is kept and each later one refused, naming it
//   ('与第 N 行重复，已保留第 N 行'). Found by ID number, or for a resident without one by door and name.
// - two rows that disagree under one ID number (another name, door or phone): which is right cannot be
//   told, so both are refused, each naming the other(s).
// Pure, no I/O. (Duplicates against the residents already in the database are the server's to find, by
// the ID's keyed hash.)

import type { Locale } from '../../i18n/messages';
import { cellText } from '../../sheets/normalise';
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

/** A row that names a person, for the check for the same person twice (sheetDuplicates). */
export interface PersonOccurrence {
  /** the row number in the sheet (1-based) */
  row: number;
  /** the normalised ID number; absent for a resident without one */
  idNumber?: string;
  /** without an ID number: the household's key and the name (who a copied row without ID would be) */
  person?: string;
}

export interface SheetDuplicates {
  /** a later row that repeats an earlier one word for word → the first row it repeats */
  repeats: Map<number, number>;
  /** a row whose ID number other rows, which say something else, also have → those rows, in order */
  conflicts: Map<number, number[]>;
}

/**
 * The two kinds of the same person twice: the repeats of a row (the first kept), and the rows that
 * disagree under one ID number (all refused). A repeat of a row that disagrees with another is a repeat
 * (of the first of its kind), and the first of its kind is in conflict with the others. `contentOf`
 * gives what a row says in every column read (rowContent); it is asked only for the rows of a person
 * named more than once.
 */
export function sheetDuplicates(
  items: Iterable<PersonOccurrence>,
  contentOf: (row: number) => string,
): SheetDuplicates {
  const groups = new Map<string, PersonOccurrence[]>();
  for (const item of items) {
    const key =
      item.idNumber !== undefined
        ? `id:${item.idNumber}`
        : item.person !== undefined
          ? `p:${item.person}`
          : '';
    if (key === '') continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const repeats = new Map<number, number>();
  const conflicts = new Map<number, number[]>();
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.row - b.row);
    const firstOf = new Map<string, number>(); // content → the first row that says it
    const originals: number[] = [];
    for (const { row } of sorted) {
      const content = contentOf(row);
      const first = firstOf.get(content);
      if (first === undefined) {
        firstOf.set(content, row);
        originals.push(row);
      } else if (first !== row) repeats.set(row, first);
    }
    // under one ID number, rows that say different things: each names the others
    if (key.startsWith('id:') && originals.length > 1)
      for (const row of originals)
        conflicts.set(
          row,
          originals.filter((r) => r !== row),
        );
  }
  return { repeats, conflicts };
}

/**
 * What a row says in the columns read, as one string: two rows with the same content are one row given
 * twice. Cells are compared as the sheet shows them (cellText), column by column; the 序号 is no column read.
 */
export function rowContent(cells: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(cells)
      .sort()
      .flatMap((k) => {
        const text = cellText(cells[k]);
        return text === '' ? [] : [[k, text]];
      }),
  );
}

/**
 * The errors of sheetDuplicates, by row: 'id.duplicate' on each row that disagrees with another under its
 * ID number (naming the others), 'row.repeated' on each repeat (naming the first, and saying it is kept
 * when `kept(first)`), both in the ID number's column.
 */
export function sheetDuplicateErrors(
  found: SheetDuplicates,
  column: ColumnRef | undefined,
  locale: Locale,
  kept: (row: number) => boolean,
): LedgerError[] {
  const at = (row: number, code: 'id.duplicate' | 'row.repeated', message: string): LedgerError => ({
    row,
    column: column?.label ?? null,
    columnIndex: column?.index ?? null,
    code,
    message,
  });
  return [
    ...[...found.conflicts].map(([row, others]) =>
      at(row, 'id.duplicate', ledgerMessage(locale, 'id.duplicate', { rows: rowList(locale, others) })),
    ),
    ...[...found.repeats].map(([row, first]) =>
      at(
        row,
        'row.repeated',
        ledgerMessage(locale, kept(first) ? 'row.repeated' : 'row.repeated.unkept', { row: first }),
      ),
    ),
  ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
