// The error sheet (错误报告): the user's own workbook given back with what is wrong written beside each
// rejected row — a column 错误原因 / Errors at the right of the sheet, the messages of the row's errors in
// it, the cell and the offending cells filled light red, and the problems with the sheet as a whole
// (no header, a bad mapping) in a note on the column's header cell. Everything else of the workbook
// (other sheets, merged cells, styles, formulas, validations) stays as ExcelJS keeps it, so that the
// user can correct the rows in this file and import it again: the 错误原因 column is not a ledger
// column, and is reused, not repeated, when the corrected file fails again.

import ExcelJS from 'exceljs';
import type { Locale } from '../../../../domain/i18n/messages';
import type { LedgerError } from '../../../../domain/ledger/sheet/messages';
import { cellText } from '../../../../domain/ledger/sheet/normalise';
import { AppError } from '../../../platform/errors';
import { loadWorkbook, workbookBuffer } from './excelJs';
import { readWorkbook } from './readWorkbook';
import { looksLikeZip } from './zip';

/** The header of the added column, in each language; either is recognised when the column is reused. */
export const ERROR_COLUMN_HEADER: Record<Locale, string> = { 'zh-CN': '错误原因', en: 'Errors' };
const SEPARATOR: Record<Locale, string> = { 'zh-CN': '；', en: '; ' };

/** Excel's "light red fill with dark red text" */
const LIGHT_RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const DARK_RED = { argb: 'FF9C0006' };
const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };

function isOurHeader(v: unknown): boolean {
  const text = cellText(v);
  return Object.values(ERROR_COLUMN_HEADER).some((h) => h.toLowerCase() === text.toLowerCase());
}

/** The last column (1-based) with a value in any row, or covered by a merged range. */
function lastUsedColumn(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > last && cell.type !== ExcelJS.ValueType.Merge && !isBlankValue(cell.value)) last = col;
    });
  });
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const right = Number(ws.getCell(ref.split(':')[1] ?? ref).col);
    if (right > last) last = right;
  }
  return last;
}

function isBlankValue(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || cellText(v) === '';
}

/** Sets a cell's fill without touching the style other cells may share with it. */
function fill(cell: ExcelJS.Cell, f: ExcelJS.Fill): void {
  cell.style = { ...cell.style, fill: f };
}

/** The error column: the one a previous error sheet added, or the first after the used range. */
function errorColumn(ws: ExcelJS.Worksheet, headerRow: number): { col: number; reused: boolean } {
  const header = ws.getRow(headerRow);
  let found = 0;
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    if (!found && isOurHeader(cell.value)) found = col;
  });
  if (found) return { col: found, reused: true };
  return { col: lastUsedColumn(ws) + 1, reused: false };
}

function clearColumn(ws: ExcelJS.Worksheet, col: number, headerRow: number): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRow) return;
    const cell = row.getCell(col);
    if (cell.value !== null || cell.fill) {
      cell.value = null;
      fill(cell, NO_FILL);
    }
  });
}

/** The worksheet of an .xlsx, or of a CSV file made into a workbook. */
async function openSheet(
  original: Buffer | Uint8Array,
  sheetName: string,
): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  if (!looksLikeZip(original)) {
    const csv = await readWorkbook(original);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(sheetName);
    csv.rows.forEach((row, r) => {
      if (row.length) sheet.getRow(r + 1).values = row as ExcelJS.CellValue[];
    });
    return { workbook, sheet };
  }
  const workbook = await loadWorkbook(original);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new AppError('validation', 'error.import_sheet_not_found', { name: sheetName });
  return { workbook, sheet };
}

/**
 * The original workbook with the errors written into the sheet read: headerRowIndex is the 0-based
 * index of its header row (LedgerSheetResult.header.rowIndex), null when none was found (the column is
 * then headed on row 1). Each row with errors gets their messages in the error column joined with '；'
 * (zh-CN) or '; ' (en), that cell and each cell an error names (LedgerError.columnIndex) filled light
 * red; errors without a row go in a note on the column's header cell. An .xlsx comes back as an .xlsx;
 * a CSV comes back as an .xlsx of its rows.
 */
export async function writeErrorSheet(
  original: Buffer | Uint8Array,
  sheetName: string,
  errors: readonly LedgerError[],
  locale: Locale,
  headerRowIndex: number | null,
): Promise<Buffer> {
  const { workbook, sheet } = await openSheet(original, sheetName);
  const headerRow = (headerRowIndex ?? 0) + 1;
  const { col, reused } = errorColumn(sheet, headerRow);
  if (reused) clearColumn(sheet, col, headerRow);

  const header = sheet.getCell(headerRow, col);
  const left = col > 1 ? sheet.getCell(headerRow, col - 1) : undefined;
  header.value = ERROR_COLUMN_HEADER[locale];
  header.style = {
    ...(left && !reused ? left.style : header.style),
    font: { ...(left?.font ?? {}), bold: true, color: DARK_RED },
    fill: LIGHT_RED,
  };
  sheet.getColumn(col).width = Math.max(sheet.getColumn(col).width ?? 0, 50);

  const sheetLevel = errors.filter((e) => e.row === null).map((e) => e.message);
  if (sheetLevel.length > 0) header.note = sheetLevel.join('\n');
  // a note left by an earlier error sheet goes (ExcelJS has no public way to remove a note)
  else (header as unknown as { _comment?: unknown })._comment = undefined;

  const byRow = new Map<number, LedgerError[]>();
  for (const e of errors) {
    if (e.row === null) continue;
    const list = byRow.get(e.row);
    if (list) list.push(e);
    else byRow.set(e.row, [e]);
  }
  for (const [r, list] of byRow) {
    const cell = sheet.getCell(r, col);
    cell.value = [...new Set(list.map((e) => e.message))].join(SEPARATOR[locale]);
    cell.style = {
      ...cell.style,
      fill: LIGHT_RED,
      font: { color: DARK_RED },
      alignment: { wrapText: true, vertical: 'top' },
    };
    for (const e of list) {
      if (e.columnIndex === null) continue;
      const target = sheet.getCell(r, e.columnIndex + 1);
      fill(target.isMerged ? target.master : target, LIGHT_RED);
    }
  }
  return workbookBuffer(workbook);
}
