// Forces' work on an uploaded people sheet, run in a sheet worker (server/sheets/worker) as the ledger's
// check is: the sheet read by the layer's reader, with its limits, then every row checked
// (readPeopleSheet: the header found by the layer, merged cells filled down, row errors by row and
// column). Only the check comes back, not the sheet. The registry (people already there, units in scope)
// is checked on the main thread.

import type { ReadPeopleResult } from '../../../domain/forces/personSheet';
import { readPeopleSheet } from '../../../domain/forces/personSheet';
import type { Locale } from '../../../domain/i18n/messages';
import { isBlankCell } from '../../../domain/sheets/normalise';
import { readWorkbook } from '../../sheets/readWorkbook';
import { sheetJobs } from '../../sheets/worker/jobTable';

export interface PeopleCheckOptions {
  locale: Locale;
  /** the unit code of rows that leave 下沉单位代码 blank */
  defaultUnitCode: string;
  /** the platform's day, as a local Date (checkPerson refuses dates after it) */
  today: Date;
  /** read at most this many rows (the import's bound and a header's rows above it) */
  maxRows: number;
}

export type CheckedPeople =
  /** the sheet has more rows than maxRows */
  | { outcome: 'too_many' }
  /** the sheet has nothing in it */
  | { outcome: 'empty' }
  | { outcome: 'read'; sheetName: string; read: ReadPeopleResult };

/** Reads a people sheet (.xlsx) and checks every row. A file that cannot be read throws its AppError. */
async function checkPeople(data: Uint8Array, o: PeopleCheckOptions): Promise<CheckedPeople> {
  const sheet = await readWorkbook(data, { maxRows: o.maxRows });
  if (sheet.truncated) return { outcome: 'too_many' };
  if (!sheet.rows.some((row) => row.some((v) => !isBlankCell(v)))) return { outcome: 'empty' };
  const read = readPeopleSheet(sheet.rows, {
    locale: o.locale,
    defaultUnitCode: o.defaultUnitCode,
    today: o.today,
    merges: sheet.merges,
  });
  return { outcome: 'read', sheetName: sheet.sheetName, read };
}

export const peopleSheetJobs = sheetJobs(import.meta.url, { checkPeople });
