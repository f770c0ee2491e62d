// Remembering an office's column mapping (issue 12): an office imports the same layout every day, so the
// mapping it settled on is kept per unit and header row, and offered on its next import of a sheet whose
// header row says the same. Here: what "says the same" means (the header key), and a remembered mapping
// made fit to be offered again. Pure, no I/O; the server hashes the key and keeps the rows.

import { removeSpaces, toHalfWidth } from '../../validators/text';
import { headerText, isLedgerField, type LedgerField } from './headers';

/**
 * The key of a header row: each column's header as compared (half-width, no spaces, lower case), in
 * column order, trailing blank columns dropped; '' for a row with no header at all. Two sheets with the
 * same key have the same columns in the same places, whatever their title rows, widths or data.
 */
export function headerKey(headers: readonly unknown[]): string {
  const keys = headers.map((h) => removeSpaces(toHalfWidth(headerText(h))).toLowerCase());
  let end = keys.length;
  while (end > 0 && keys[end - 1] === '') end--;
  return keys.slice(0, end).join('\u001f');
}

/**
 * A remembered mapping (column → field, null for a column set aside) made fit for a sheet with `columns`
 * columns: columns beyond them and unknown fields dropped, each field kept on its first column only.
 * Every column of the sheet is given (null when not mapped), as the wizard sends it back.
 */
export function fitMapping(
  remembered: Readonly<Record<string, unknown>>,
  columns: number,
): Record<string, LedgerField | null> {
  const out: Record<string, LedgerField | null> = {};
  const taken = new Set<LedgerField>();
  for (let c = 0; c < columns; c++) {
    const field = remembered[String(c)];
    if (isLedgerField(field) && !taken.has(field)) {
      taken.add(field);
      out[String(c)] = field;
    } else out[String(c)] = null;
  }
  return out;
}
