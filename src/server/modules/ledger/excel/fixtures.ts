// Ledger sheets for the importer's API, browser and benchmark tests (see messyLedger.ts, cleanLedger.ts,
// legacySheet.ts).

export { type LegacySheet, legacyXlsWorkbook } from '../../../sheets/legacySheet';
export { type CleanLedgerOptions, cleanLedgerSheet } from './cleanLedger';
export { FIXED_EXPECTED, fixedMessyLedgerSheet, MESSY_EXPECTED, messyLedgerSheet } from './messyLedger';
