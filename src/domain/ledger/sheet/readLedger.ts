// Reading a household ledger sheet (入户台账) as offices keep it: find the header row below the title,
// map the columns (or take the user's mapping), fill merged and "same as above" cells down, check every
// row, find the same person twice (a row given twice keeps its first; rows that disagree under one ID
// number are refused), and group the residents into households. Pure, no I/O: the Excel
// reading (ExcelJS) hands over the sheet as a 2-D array of cell values and the list of merged ranges.

import type { Locale } from '../../i18n/messages';
import type { PlaceTable } from '../../places/placeNames';
import { applyMerges, type CellRange, fillDown } from '../../sheets/fillDown';
import { byRowThenColumn } from '../../sheets/rowErrors';
import { type PersonOccurrence, rowContent, sheetDuplicateErrors, sheetDuplicates } from './duplicates';
import {
  applyMapping,
  columnRefs,
  fieldColumns,
  findHeaderRow,
  GROUP_FIELDS,
  type HeaderProposal,
  headerText,
  type LedgerField,
  proposeMapping,
  rowMapper,
} from './headers';
import { groupHouseholds, type Household, householdKey } from './households';
import { type LedgerError, ledgerMessage } from './messages';
import { type LedgerRecord, validateRow } from './validateRow';

/** The sheet: rows[0] is sheet row 1, rows[r][0] column A; cells as ExcelJS gives them (see cellText). */
export type SheetRows = readonly (readonly unknown[])[];

export interface ReadLedgerOptions {
  locale: Locale;
  /** the day ID numbers and birth dates must not be after; defaults to now */
  today?: Date;
  /** the header row the user chose (0-based index into rows), instead of finding it */
  headerRowIndex?: number;
  /** the user's corrections to the proposed mapping, column → field or null (see applyMapping) */
  mapping?: Readonly<Record<number, LedgerField | null>>;
  /** how many rows from the top to look for the header in; default 20 */
  maxScan?: number;
  /** the country's place names, read when the sheet has a column of places been (去过的地方) */
  places?: PlaceTable;
  /** the ledger's day: the last day a stay can end, the day an undated one is recorded */
  ledgerDay?: string;
  /** told every PROGRESS_EVERY rows checked, and at the end: rows done of the rows below the header */
  onProgress?: (done: number, total: number) => void;
}

/** How often (in rows) readLedgerSheet tells its progress. */
export const PROGRESS_EVERY = 1000;

export interface LedgerSheetResult {
  /** the header row and the mapping used (for the mapping step's preview); null when none was found */
  header: HeaderProposal | null;
  /** the accepted rows, residents and empty households, in sheet order, each with its sheet row number */
  records: LedgerRecord[];
  /** the accepted rows grouped by building, unit and door, in the order of their first row */
  households: Household[];
  /** every problem found, by row then column; a sheet-level problem has row null */
  errors: LedgerError[];
  /** the rows below the header, up to the last one that is not blank */
  dataRows: number;
  /** blank rows among them (skipped) */
  skippedBlank: number;
  /** section headings, footnotes and repeated header rows among them (skipped) */
  skippedHeadings: number;
  /** the rows with at least one error */
  rejectedRows: number;
  residents: number;
  emptyHouseholds: number;
}

function emptyResult(header: HeaderProposal | null, errors: LedgerError[]): LedgerSheetResult {
  return {
    header,
    records: [],
    households: [],
    errors,
    dataRows: 0,
    skippedBlank: 0,
    skippedHeadings: 0,
    rejectedRows: 0,
    residents: 0,
    emptyHouseholds: 0,
  };
}

function sheetError(
  code: 'sheet.no_header' | 'mapping.invalid' | 'mapping.no_name' | 'mapping.no_location',
  locale: Locale,
  maxScan: number,
) {
  return {
    row: null,
    column: null,
    columnIndex: null,
    code,
    message: ledgerMessage(locale, code, { maxScan }),
  };
}

/**
 * A copy of the header row further down (sheets that repeat it above every building): the name cell
 * and at least one other mapped cell read as the header's own. Cheap for the rows that are not: only the
 * name cell is looked at.
 */
function isRepeatedHeader(row: readonly unknown[], header: HeaderProposal, nameColumn: number): boolean {
  const name = header.headers[nameColumn];
  if (name === '' || headerText(row[nameColumn]) !== name) return false;
  let same = 0;
  for (const k of Object.keys(header.mapping)) {
    const c = Number(k);
    if (header.headers[c] !== '' && headerText(row[c]) === header.headers[c]) same++;
  }
  return same >= 2;
}

/**
 * Reads a ledger sheet. Finds the header row (or takes options.headerRowIndex) and proposes a mapping,
 * corrected by options.mapping; requires a name column and a building or door column. Then, for every
 * row below the header: merged cells and blank building/unit/door cells filled down (fillDown), blank
 * rows skipped, each row checked (validateRow), the same person twice found (sheetDuplicates: a row
 * given twice is refused after its first, which is kept; rows that disagree under one ID number are each
 * refused, naming the others), and the accepted rows grouped into households (groupHouseholds). A row with any error is left
 * out of records and households; the errors say which row, which column and why, in options.locale.
 * Never throws for bad content or a bad mapping: what is wrong is in errors.
 */
export function readLedgerSheet(
  rows: SheetRows,
  merges: readonly (string | CellRange)[],
  options: ReadLedgerOptions,
): LedgerSheetResult {
  const { locale, today, places, ledgerDay } = options;
  const maxScan = options.maxScan ?? 20;
  const sheet = Array.from(rows, (row) => row ?? []);

  const chosen = options.headerRowIndex;
  // the header is looked for among the first rows only: merges applied to those (a header cell merged
  // over two rows reads in both)
  const top = sheet.slice(0, Math.max(maxScan, (chosen ?? 0) + 1));
  const merged = applyMerges(top, merges);
  const proposal =
    chosen === undefined
      ? findHeaderRow(merged, maxScan)
      : Number.isInteger(chosen) && chosen >= 0 && chosen < merged.length
        ? proposeMapping(merged[chosen], chosen)
        : undefined;
  if (!proposal) return emptyResult(null, [sheetError('sheet.no_header', locale, maxScan)]);

  let header = proposal;
  if (options.mapping) {
    try {
      header = applyMapping(proposal, options.mapping);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return emptyResult(proposal, [sheetError('mapping.invalid', locale, maxScan)]);
    }
  }
  const fields = fieldColumns(header.mapping);
  const nameColumn = fields.name;
  const mappingErrors: LedgerError[] = [];
  if (nameColumn === undefined) mappingErrors.push(sheetError('mapping.no_name', locale, maxScan));
  if (fields.building === undefined && fields.door === undefined)
    mappingErrors.push(sheetError('mapping.no_location', locale, maxScan));
  if (nameColumn === undefined || mappingErrors.length > 0) return emptyResult(header, mappingErrors);

  const fromRow = header.rowIndex + 1;
  const groupColumns = GROUP_FIELDS.flatMap((f) => (fields[f] === undefined ? [] : [fields[f]]));
  // copies of the header row further down are skipped, and must not fill the building below them
  const repeated = new Set<number>();
  for (let r = fromRow; r < sheet.length; r++)
    if (isRepeatedHeader(sheet[r], header, nameColumn)) repeated.add(r);
  const filled = fillDown(
    sheet.map((row, r) => (repeated.has(r) ? [] : row)),
    merges,
    { groupColumns, fromRow },
  );
  const columns = columnRefs(header);
  const mapRow = rowMapper(header.mapping);

  const errors: LedgerError[] = [];
  const accepted: LedgerRecord[] = [];
  const people: PersonOccurrence[] = [];
  let dataRows = 0;
  let skippedBlank = 0;
  let skippedHeadings = 0;
  let pendingBlank = 0; // blank rows count only when something follows them
  const { onProgress } = options;
  const total = sheet.length - fromRow;
  onProgress?.(0, total);
  for (let r = fromRow; r < sheet.length; r++) {
    if (onProgress && (r - fromRow) % PROGRESS_EVERY === 0 && r > fromRow) onProgress(r - fromRow, total);
    const own = mapRow(sheet[r]);
    const result = repeated.has(r)
      ? ({ kind: 'heading' } as const)
      : validateRow(mapRow(filled[r]), {
          row: r + 1,
          columns,
          locale,
          today,
          own,
          places,
          ledgerDay,
        });
    if (result.kind === 'blank') {
      pendingBlank++;
      continue;
    }
    dataRows += pendingBlank + 1;
    skippedBlank += pendingBlank;
    pendingBlank = 0;
    if (result.kind === 'heading') skippedHeadings++;
    else if (result.kind === 'rejected') {
      errors.push(...result.errors);
      if (result.idNumber) people.push({ row: r + 1, idNumber: result.idNumber });
    } else {
      const rec = result.record;
      accepted.push(rec);
      if (rec.kind === 'resident')
        people.push(
          rec.idNumber
            ? { row: r + 1, idNumber: rec.idNumber }
            : { row: r + 1, person: `${householdKey(rec)}|${rec.name}` },
        );
    }
  }

  onProgress?.(total, total);

  // the same person twice: a row given twice keeps its first; rows that disagree under one ID number
  // are all refused
  const duplicates = sheetDuplicates(people, (row) => rowContent(mapRow(filled[row - 1])));
  const conflicted = new Set(duplicates.conflicts.keys());
  const grouped = groupHouseholds(
    accepted.filter((rec) => !conflicted.has(rec.row) && !duplicates.repeats.has(rec.row)),
    { columns, locale },
  );
  const rejected = new Set([...conflicted, ...duplicates.repeats.keys(), ...grouped.rejectedRows]);
  const rejectedOwn = new Set(errors.map((e) => e.row));
  const duplicateErrors = sheetDuplicateErrors(
    duplicates,
    columns.idNumber ?? columns.name,
    locale,
    (row) => !rejected.has(row) && !rejectedOwn.has(row),
  );
  const records = accepted.filter((rec) => !rejected.has(rec.row));
  const allErrors = [...errors, ...duplicateErrors, ...grouped.errors].sort(byRowThenColumn);

  return {
    header,
    records,
    households: grouped.households,
    errors: allErrors,
    dataRows,
    skippedBlank,
    skippedHeadings,
    rejectedRows: new Set(allErrors.map((e) => e.row)).size,
    residents: records.filter((rec) => rec.kind === 'resident').length,
    emptyHouseholds: grouped.households.filter((h) => h.empty).length,
  };
}
