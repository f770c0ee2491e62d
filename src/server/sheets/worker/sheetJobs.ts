// The layer's own sheet jobs (jobTable.ts): reading one sheet of an upload, and writing the error sheet
// of an upload with its row errors. A module's own check of its rows is a table of its own.

import type { Locale } from '../../../domain/i18n/messages';
import type { RowError } from '../../../domain/sheets/rowErrors';
import { writeErrorSheet } from '../errorSheet';
import { type ReadWorkbookOptions, readWorkbook, type WorkbookSheet } from '../readWorkbook';
import { sheetJobs } from './jobTable';

export const layerJobs = sheetJobs(import.meta.url, {
  readSheet: (data: Uint8Array, options: ReadWorkbookOptions): Promise<WorkbookSheet> =>
    readWorkbook(data, options),
  errorSheet: (
    data: Uint8Array,
    sheetName: string,
    errors: readonly RowError[],
    locale: Locale,
    headerRowIndex: number | null,
  ): Promise<Uint8Array> => writeErrorSheet(data, sheetName, errors, locale, headerRowIndex),
});

/** Runs one of the layer's jobs in a sheet worker. */
export const inSheetWorker = layerJobs.run;
