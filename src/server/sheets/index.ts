// The spreadsheet layer, for every module's imports and exports: reading an uploaded sheet, the error
// sheet, exports, the ExcelJS glue, and running a module's work on an upload in a sheet worker. The pure
// parts (cell text, header detection, merged cells, row errors) are in src/domain/sheets. (The test sheets
// are in hostileSheets.ts and legacySheet.ts, not here.)
export { ERROR_COLUMN_HEADER, writeErrorSheet } from './errorSheet';
export { loadWorkbook, workbookBuffer } from './excelJs';
export {
  createLedgerExport,
  type ExportColumn,
  type LedgerExport,
  type LedgerExportOptions,
} from './exportSheet';
export { type ReadWorkbookOptions, readWorkbook, type WorkbookSheet } from './readWorkbook';
export { type SheetJobs, sheetJobs } from './worker/jobTable';
export { asBuffer, stopSheetWorkers } from './worker/pool';
export { inSheetWorker } from './worker/sheetJobs';
export { looksLikeZip } from './zip';
