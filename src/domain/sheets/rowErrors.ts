// Row errors: what an import says is wrong with a sheet, for every module that imports one. Each names
// the row as Excel numbers it and the column as the sheet heads it, so the user finds the cell; the
// error sheet (server/sheets/errorSheet.ts) writes them beside the rows and marks the cells. Pure.

import type { Locale } from '../i18n/messages';

export interface RowError {
  /** the row in the sheet as Excel shows it (1-based); null for the sheet as a whole */
  row: number | null;
  /** the column's header as the sheet shows it ('身份证号'), its letter when blank; null for no column */
  column: string | null;
  /** 0-based index of the column, for marking the cell in the error sheet; null or absent for no column */
  columnIndex?: number | null;
  /** what is wrong and what to do, in the user's language */
  message: string;
}

/** Sheet-level errors first, then by row, then left to right (an error without a column last in its row). */
export function byRowThenColumn(a: RowError, b: RowError): number {
  return (
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.columnIndex ?? Number.MAX_SAFE_INTEGER) - (b.columnIndex ?? Number.MAX_SAFE_INTEGER)
  );
}

/** An error as one line naming its place: 第 4 行“手机号”：… / Row 4, 手机号: … */
export function rowErrorText(locale: Locale, e: RowError): string {
  if (e.row === null) return e.message;
  if (locale === 'en')
    return e.column ? `Row ${e.row}, ${e.column}: ${e.message}` : `Row ${e.row}: ${e.message}`;
  return e.column ? `第 ${e.row} 行“${e.column}”：${e.message}` : `第 ${e.row} 行：${e.message}`;
}
