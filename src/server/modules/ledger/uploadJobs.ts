// The ledger's work on an uploaded file that runs in a sheet worker (server/sheets/worker), off the
// server's event loop: reading a ledger sheet and checking every row. Reading a sheet and writing the
// error sheet are the sheet layer's own jobs (sheets/worker/sheetJobs.ts). Each takes and gives what a
// worker message can carry (bytes, plain objects, Dates); tests may call them in-process
// (ledgerUploadJobs.jobs).

import type { Locale } from '../../../domain/i18n/messages';
import { type LedgerField, type LedgerSheetResult, readLedgerSheet } from '../../../domain/ledger/sheet';
import { readWorkbook } from '../../sheets/readWorkbook';
import { sheetJobs } from '../../sheets/worker/jobTable';
import { reportProgress } from '../../sheets/worker/progress';
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

export const ledgerUploadJobs = sheetJobs(import.meta.url, { checkLedger });
