// The work on an uploaded file that runs in a sheet worker (pool.ts), off the server's event loop:
// reading a sheet, reading and checking a ledger sheet, writing the error sheet. Each takes and gives
// what a worker message can carry (bytes, plain objects, Dates). They are plain async functions, so the
// tests can also call them in-process.

import type { Locale } from '../../../domain/i18n/messages';
import { type LedgerField, type LedgerSheetResult, readLedgerSheet } from '../../../domain/ledger/sheet';
import type { LedgerError } from '../../../domain/ledger/sheet/messages';
import { writeErrorSheet } from '../../sheets/errorSheet';
import { type ReadWorkbookOptions, readWorkbook, type WorkbookSheet } from '../../sheets/readWorkbook';
import { placeNames } from './places';

export interface LedgerCheckOptions {
  sheet?: string | number;
  locale: Locale;
  headerRowIndex?: number;
  mapping?: Record<number, LedgerField | null>;
  /** the ledger's day (LedgerDay.today) */
  ledgerDay: string;
  /** how many rows after the header come back in SheetHead.rows (the preview's sample) */
  headRows: number;
}

/** The sheet read, without its rows but the first ones (the whole sheet is only needed in the worker). */
export interface SheetHead {
  sheetName: string;
  sheetNames: string[];
  /** the first rows of the sheet: through the header row, and LedgerCheckOptions.headRows after it */
  rows: unknown[][];
}

export interface CheckedUpload {
  sheet: SheetHead;
  checked: LedgerSheetResult;
}

/** Reads a ledger sheet and checks every row (readLedgerSheet). */
async function checkLedger(data: Uint8Array, o: LedgerCheckOptions): Promise<CheckedUpload> {
  const sheet = await readWorkbook(data, { sheet: o.sheet });
  const checked = readLedgerSheet(sheet.rows, sheet.merges, {
    locale: o.locale,
    headerRowIndex: o.headerRowIndex,
    mapping: o.mapping,
    places: await placeNames(),
    ledgerDay: o.ledgerDay,
  });
  const end = (checked.header ? checked.header.rowIndex + 1 : 0) + o.headRows;
  return {
    sheet: { sheetName: sheet.sheetName, sheetNames: sheet.sheetNames, rows: sheet.rows.slice(0, end) },
    checked,
  };
}

export const uploadJobs = {
  readSheet: (data: Uint8Array, options: ReadWorkbookOptions): Promise<WorkbookSheet> =>
    readWorkbook(data, options),
  checkLedger,
  errorSheet: (
    data: Uint8Array,
    sheetName: string,
    errors: readonly LedgerError[],
    locale: Locale,
    headerRowIndex: number | null,
  ): Promise<Uint8Array> => writeErrorSheet(data, sheetName, errors, locale, headerRowIndex),
};

export type UploadJobs = typeof uploadJobs;
export type JobName = keyof UploadJobs;
