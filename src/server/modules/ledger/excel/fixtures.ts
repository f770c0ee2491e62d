// Ledger sheets for the importer's API, browser and benchmark tests (see messyLedger.ts, cleanLedger.ts,
// legacySheet.ts).
export { type CleanLedgerOptions, cleanLedgerSheet } from './cleanLedger';
export { type LegacySheet, legacyXlsWorkbook } from './legacySheet';
export { FIXED_EXPECTED, fixedMessyLedgerSheet, MESSY_EXPECTED, messyLedgerSheet } from './messyLedger';
