// Test sheets in the old formats: an Excel 97–2003 workbook (BIFF8, the bytes of an .xls, and of a WPS
// .et, which WPS stores the same way) written by SheetJS from rows of values, with merged ranges, text
// cells kept as text (an ID number stays 18 characters) and dates in a date format.

import * as XLSX from '@e965/xlsx';

export interface LegacySheet {
  name: string;
  rows: unknown[][];
  /** 'A3:A5' */
  merges?: string[];
  hidden?: boolean;
}

/** The bytes of an .xls workbook with these sheets. */
export function legacyXlsWorkbook(sheets: readonly LegacySheet[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows, { cellDates: true, dateNF: 'yyyy-mm-dd' });
    ws['!merges'] = (s.merges ?? []).map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}
