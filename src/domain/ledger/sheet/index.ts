// The household-ledger importer's sheet rules: header finding and mapping, fill-down of merged cells,
// cell normalisation, row validation, duplicates, households. Pure, no I/O; the Excel reading feeds them.

export * from '../../sheets/fillDown';
export * from '../../sheets/normalise';
export * from './duplicates';
export * from './headers';
export * from './households';
export * from './importPlan';
export * from './mappingMemory';
export * from './messages';
export * from './placeholders';
export * from './readLedger';
export * from './validateRow';
export * from './values';
