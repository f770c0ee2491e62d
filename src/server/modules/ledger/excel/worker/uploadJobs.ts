// The work on an uploaded file that runs in a sheet worker (pool.ts), off the server's event loop:
// reading a sheet, reading and checking a ledger sheet, writing the error sheet. Each takes and gives
// what a worker message can carry (bytes, plain objects, Dates). They are plain async functions, so the
// tests can also call them in-process.

import type { Locale } from '../../../../../domain/i18n/messages';
import {
  type LedgerField,
  type LedgerSheetResult,
  readLedgerSheet,
} from '../../../../../domain/ledger/sheet';
import type { LedgerError } from '../../../../../domain/ledger/sheet/messages';
import { placeNames } from '../../places';
import { writeErrorSheet } from '../errorSheet';
import { type ReadWorkbookOptions, readWorkbook, type WorkbookSheet } from '../readWorkbook';

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

/** How far a job has come: the sheet's XML read (bytes), or its rows checked. */
export interface JobProgress {
  step: 'read' | 'check';
  done: number;
  total: number;
}

let reportProgress: (p: JobProgress) => void = () => {};

/**
 * Where the jobs tell their progress: a sheet worker posts it to the pool for the job at hand
 * (worker.ts); in-process (tests) nobody listens.
 */
export function onJobProgress(report: (p: JobProgress) => void): void {
  reportProgress = report;
}

/** Reads a ledger sheet and checks every row (readLedgerSheet), telling its progress as it goes. */
async function checkLedger(data: Uint8Array, o: LedgerCheckOptions): Promise<CheckedUpload> {
  const sheet = await readWorkbook(data, {
    sheet: o.sheet,
    onProgress: (done, total) => reportProgress({ step: 'read', done, total }),
  });
  const checked = readLedgerSheet(sheet.rows, sheet.merges, {
    locale: o.locale,
    headerRowIndex: o.headerRowIndex,
    mapping: o.mapping,
    places: await placeNames(),
    ledgerDay: o.ledgerDay,
    onProgress: (done, total) => reportProgress({ step: 'check', done, total }),
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
