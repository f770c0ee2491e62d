// A resident typed into a form (the desk's household detail, the phone's screening visit) is checked
// by the same rules as a row of an imported sheet (sheet/validateRow.ts), and its errors name the
// form's fields instead of a sheet's columns.

import type { Locale } from '../i18n/messages';
import type { LedgerField } from './sheet/headers';
import { type LedgerError, ledgerMessage } from './sheet/messages';
import { type ResidentRecord, validateRow } from './sheet/validateRow';

export interface ResidentForm {
  name: string;
  sex?: string;
  birthDate?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  relation?: string;
  workUnit?: string;
  notes?: string;
  markers?: readonly string[];
}

const FORM_FIELDS = [
  'name',
  'sex',
  'birthDate',
  'idType',
  'idNumber',
  'phone',
  'relation',
  'workUnit',
  'notes',
  'markers',
] as const satisfies readonly (keyof ResidentForm & LedgerField)[];

export interface FormError {
  field: (typeof FORM_FIELDS)[number];
  code: LedgerError['code'];
  message: string;
}

export type ResidentFormResult = { ok: true; record: ResidentRecord } | { ok: false; errors: FormError[] };

export function checkResidentForm(form: ResidentForm, locale: Locale, today?: Date): ResidentFormResult {
  const cells: Partial<Record<LedgerField, unknown>> = { door: '-' };
  const columns: Partial<Record<LedgerField, { index: number; label: string }>> = {
    door: { index: -1, label: 'door' },
  };
  FORM_FIELDS.forEach((f, index) => {
    const v = form[f];
    columns[f] = { index, label: f };
    if (v === undefined) return;
    cells[f] = Array.isArray(v) ? v.join('、') : v;
  });
  const result = validateRow(cells, { row: 1, columns, locale, today });
  if (result.kind === 'accepted' && result.record.kind === 'resident')
    return { ok: true, record: result.record };
  const errors: FormError[] =
    result.kind === 'rejected'
      ? result.errors.map((e) => ({
          field: FORM_FIELDS[e.columnIndex ?? 0] ?? 'name',
          code: e.code,
          message: e.message,
        }))
      : [{ field: 'name', code: 'name.required', message: ledgerMessage(locale, 'name.required') }];
  return { ok: false, errors };
}
