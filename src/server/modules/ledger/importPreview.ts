import type { Locale } from '../../../domain/i18n/messages';
import { cellText, FIELD_LABELS, LEDGER_FIELDS } from '../../../domain/ledger/sheet';
import { type checkSheet, reportOf, SAMPLE_ROWS } from './importer';

// The mapping step of the import: what the reader found (header row, which column is which field), the
// first rows as the sheet shows them — ID numbers and phones masked, as in every list — and the report
// with the import plan (what each row will do).

function maskCell(text: string): string {
  return text.length <= 4 ? text : `${'*'.repeat(Math.min(text.length - 4, 14))}${text.slice(-4)}`;
}

export function previewOf(
  locale: Locale,
  c: Awaited<ReturnType<typeof checkSheet>>,
  updateExisting: boolean,
) {
  const header = c.checked.header;
  const masked = new Set(
    Object.entries(header?.mapping ?? {})
      .filter(([, f]) => f === 'idNumber' || f === 'phone')
      .map(([k]) => Number(k)),
  );
  const from = header ? header.rowIndex + 1 : 0;
  const sample = c.sheet.rows.slice(from, from + SAMPLE_ROWS).map((row, i) => ({
    row: from + i + 1,
    cells: (header?.headers ?? row).map((_, col) => {
      const text = cellText(row?.[col]);
      return masked.has(col) ? maskCell(text) : text;
    }),
  }));
  return {
    sheetName: c.sheet.sheetName,
    sheetNames: c.sheet.sheetNames,
    header: header && {
      rowIndex: header.rowIndex,
      headers: header.headers,
      mapping: header.mapping,
      unmapped: header.unmapped,
    },
    fields: LEDGER_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field][locale] })),
    sample,
    report: reportOf(c.checked, c.planned, updateExisting),
  };
}
