// Ledger exports (导出台账) written as they are produced: ExcelJS's streaming writer, each row committed
// as it is added, so that 100,000 rows never sit in memory as a workbook. A title row (what the export
// holds: unit, filter, day), the header row frozen under it with a filter on it, and text columns (ID
// numbers, phones, door numbers) formatted as text and written as text, so that Excel shows
// 410105198001011239 and not 4.10105E+17. Printed on A4 landscape, fitted to the width, title and header
// repeated on every page.

import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../domain/i18n/messages';
import { landscapePageSetup } from '../platform/exportFiles';

export interface ExportColumn {
  /** the key of the value in each row given to addRow */
  key: string;
  header: string;
  /** in characters; default 14 */
  width?: number;
  /** format the column as text, and write its values as text */
  text?: boolean;
}

export interface LedgerExportOptions {
  locale: Locale;
  /** the first row, merged across the columns: '省民航社区入户台账（颜色：红、橙）2020-02-05 导出' */
  title: string;
  columns: readonly ExportColumn[];
  /** default 入户台账 / Ledger */
  sheetName?: string;
}

export interface LedgerExport {
  /** writes one row: values by column key; arrays are joined ('党员、志愿者'), null and undefined are blank */
  addRow(values: Readonly<Record<string, unknown>>): void;
  /** ends the workbook; the stream has every byte when it resolves */
  finish(): Promise<void>;
}

const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };
const DEFAULT_SHEET: Record<Locale, string> = { 'zh-CN': '入户台账', en: 'Ledger' };
const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not blank. */
export function safeSheetName(name: string, fallback: string): string {
  const s = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return s === '' ? fallback : s;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A value as a cell holds it. Text columns get text: a number in one (a phone) is written as its digits. */
function cellValue(v: unknown, text: boolean, locale: Locale): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => String(x)).join(LIST_SEPARATOR[locale]);
  if (text) return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}

/**
 * Starts a ledger export into `out` (a file, an HTTP response). Write the rows with addRow, then await
 * finish(). Rows are written as they come: memory stays bounded whatever their number.
 */
export function createLedgerExport(out: NodeJS.WritableStream, options: LedgerExportOptions): LedgerExport {
  const { locale, columns } = options;
  if (columns.length === 0) throw new RangeError('an export needs at least one column');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const last = columnLetter(columns.length - 1);
  const sheet = workbook.addWorksheet(safeSheetName(options.sheetName ?? '', DEFAULT_SHEET[locale]), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: landscapePageSetup('1:2'),
  });
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? 14,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.autoFilter = `A2:${last}2`;

  sheet.mergeCells(`A1:${last}1`);
  const title = sheet.getRow(1);
  title.getCell(1).value = options.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 26;
  title.commit();

  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.commit();

  // one style object per column and kind, shared by its cells: ExcelJS resolves a style object once
  // and remembers it (a WeakMap), where a fresh object per cell costs a lookup each (3× slower)
  const plain = columns.map((c): Partial<ExcelJS.Style> => (c.text ? { numFmt: '@' } : {}));
  const dated = columns.map((): Partial<ExcelJS.Style> => ({ numFmt: DATE_FORMAT }));
  let finished = false;
  return {
    addRow(values) {
      if (finished) throw new Error('the export is finished');
      const row = sheet.addRow(columns.map((c) => cellValue(values[c.key], c.text === true, locale)));
      row.eachCell((cell, n) => {
        cell.style = (cell.value instanceof Date ? dated : plain)[n - 1];
      });
      row.commit();
    },
    async finish() {
      if (finished) return;
      finished = true;
      sheet.commit();
      await workbook.commit();
    },
  };
}
