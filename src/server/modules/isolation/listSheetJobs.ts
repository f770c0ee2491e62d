// The isolation module's work on an uploaded list from above (协查名单), run in a sheet worker as the
// ledger's and forces' checks are: the workbook read by the layer's reader with its limits, then every
// row checked (readListSheet). Only the check comes back, not the sheet.

import type { Locale } from '../../../domain/i18n/messages';
import { type ReadListResult, readListSheet } from '../../../domain/isolation/listSheet';
import { isBlankCell } from '../../../domain/sheets/normalise';
import { readWorkbook } from '../../sheets/readWorkbook';
import { sheetJobs } from '../../sheets/worker/jobTable';

export interface ListCheckOptions {
  locale: Locale;
  today: Date;
  maxRows: number;
}

export type CheckedList =
  | { outcome: 'too_many' }
  | { outcome: 'empty' }
  | { outcome: 'read'; sheetName: string; read: ReadListResult };

async function checkList(data: Uint8Array, o: ListCheckOptions): Promise<CheckedList> {
  const sheet = await readWorkbook(data, { maxRows: o.maxRows });
  if (sheet.truncated) return { outcome: 'too_many' };
  if (!sheet.rows.some((row) => row.some((v) => !isBlankCell(v)))) return { outcome: 'empty' };
  const read = readListSheet(sheet.rows, { locale: o.locale, today: o.today, merges: sheet.merges });
  return { outcome: 'read', sheetName: sheet.sheetName, read };
}

export const listSheetJobs = sheetJobs(import.meta.url, { checkList });
