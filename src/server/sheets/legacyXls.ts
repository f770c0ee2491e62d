// Excel 97–2003 (.xls, BIFF) and WPS Spreadsheets (.et) workbooks, both stored in an OLE2 compound file,
// read with SheetJS (its community edition as republished on npm by @e965/xlsx with provenance: the npm
// package `xlsx` stopped at 0.18.5, which has a prototype-pollution and a ReDoS flaw when reading files;
// 0.20.3 fixes both). Only these files go through it — .xlsx keeps the fast reader of readWorkbook.ts —
// and it is loaded on the first such file. The cells come out as the .xlsx reader gives them: strings,
// numbers, booleans, Dates at UTC midnight of the day shown, null for blank and error cells; merged
// ranges as 'A3:A8'.

import type { WorkSheet } from '@e965/xlsx';
import { isBlankCell } from '../../domain/sheets/normalise';
import { AppError } from '../platform/errors';
import type { ReadWorkbookOptions, WorkbookSheet } from './readWorkbook';
import { excelDate } from './sheetXml';

type SheetJs = typeof import('@e965/xlsx');
let loaded: Promise<SheetJs> | undefined;

/** SheetJS with the code pages of old BIFF5 files (a Chinese Excel 95 sheet is in GBK). */
function sheetJs(): Promise<SheetJs> {
  loaded ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]).then(
    ([xlsx, cptable]) => {
      xlsx.set_cptable(cptable);
      return xlsx;
    },
  );
  return loaded;
}

function cellValue(
  xlsx: SheetJs,
  cell: { t?: string; v?: unknown; z?: unknown } | undefined,
  date1904: boolean,
): unknown {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 's':
      return cell.v === '' ? null : String(cell.v);
    case 'n': {
      const n = Number(cell.v);
      if (typeof cell.z === 'string' && xlsx.SSF.is_date(cell.z)) return excelDate(n, date1904) ?? n;
      return n;
    }
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null; // errors (#N/A) and stubs
  }
}

function rowsOf(xlsx: SheetJs, ws: WorkSheet, date1904: boolean, maxRows: number | undefined) {
  const data = (ws['!data'] ?? []) as ({ t?: string; v?: unknown; z?: unknown } | undefined)[][];
  const ref = ws['!ref'];
  if (!ref) return { rows: [] as unknown[][], truncated: false };
  const range = xlsx.utils.decode_range(ref);
  const last = Math.min(range.e.r, maxRows === undefined ? range.e.r : maxRows - 1);
  const rows: unknown[][] = [];
  for (let r = 0; r <= last; r++) {
    const cells = data[r] ?? [];
    const row: unknown[] = [];
    for (let c = 0; c <= range.e.c && c < cells.length; c++) row[c] = cellValue(xlsx, cells[c], date1904);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(Array.from(row, (v) => v ?? null));
  }
  return { rows, truncated: last < range.e.r };
}

/**
 * Reads one sheet of an .xls or .et workbook: the one named (name or 0-based position), else the first
 * visible sheet with data (hidden ones only when no visible one has any). Throws AppError
 * error.import_encrypted for a password-protected file, error.import_sheet_not_found for a sheet that is
 * not there, and error.import_legacy_xls (save it as .xlsx) for one SheetJS cannot read.
 */
export async function readLegacyWorkbook(
  buf: Buffer,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookSheet> {
  const xlsx = await sheetJs();
  let wb: ReturnType<SheetJs['read']>;
  try {
    wb = xlsx.read(buf, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellHTML: false,
      cellText: false,
    });
  } catch (e) {
    const encrypted = /password/i.test(String((e as Error)?.message ?? e));
    throw new AppError('validation', encrypted ? 'error.import_encrypted' : 'error.import_legacy_xls');
  }
  const sheetNames = wb.SheetNames;
  if (sheetNames.length === 0) throw new AppError('validation', 'error.import_legacy_xls');
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const hidden = new Set(
    (wb.Workbook?.Sheets ?? []).flatMap((s, i) => (s?.Hidden ? [s.name ?? sheetNames[i]] : [])),
  );
  const { sheet } = options;
  let names: string[];
  if (sheet === undefined) {
    names = [...sheetNames.filter((n) => !hidden.has(n)), ...sheetNames.filter((n) => hidden.has(n))];
  } else {
    const name =
      typeof sheet === 'number'
        ? sheetNames[sheet]
        : (sheetNames.find((n) => n === sheet) ??
          sheetNames.find((n) => n.trim().toLowerCase() === sheet.trim().toLowerCase()));
    if (!name)
      throw new AppError('validation', 'error.import_sheet_not_found', {
        name: typeof sheet === 'number' ? `#${sheet + 1}` : sheet,
      });
    names = [name];
  }
  let first: WorkbookSheet | undefined;
  for (const name of names) {
    const ws = wb.Sheets[name];
    const { rows, truncated } = ws
      ? rowsOf(xlsx, ws, date1904, options.maxRows)
      : { rows: [], truncated: false };
    const merges = (ws?.['!merges'] ?? []).map((m) => xlsx.utils.encode_range(m));
    const read: WorkbookSheet = { sheetName: name, sheetNames, rows, merges, truncated };
    first ??= read;
    if (sheet !== undefined || rows.some((row) => row.some((v) => !isBlankCell(v)))) return read;
  }
  return first as WorkbookSheet;
}
