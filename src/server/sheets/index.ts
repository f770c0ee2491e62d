// The ledger's Excel input and output: reading an uploaded sheet, the error sheet, the template, exports.
// (The test fixtures are in fixtures.ts, not here.)
export { ERROR_COLUMN_HEADER, writeErrorSheet } from './errorSheet';
export {
  createLedgerExport,
  type ExportColumn,
  type LedgerExport,
  type LedgerExportOptions,
} from './exportSheet';
export { type ReadWorkbookOptions, readWorkbook, type WorkbookSheet } from './readWorkbook';
