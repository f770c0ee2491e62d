// A list sent down from above (协查名单) in Excel: name, ID number, phone, last address, reason, read
// through the sheet layer (the header row found by its words below titles, merged cells filled down, row
// errors by row and column), each row checked: a name, and an ID number or a phone to find the person
// by; the ID number by GB 11643 (the layer undoes what Excel does to it), the phone as a mobile. A person
// twice on the list is an error on the second row. Pure, no I/O.

import type { Locale } from '../i18n/messages';
import { translate } from '../i18n/messages';
import { applyMerges, type CellRange } from '../sheets/fillDown';
import { fieldColumns, findHeaderRow, headerMatcher } from '../sheets/headers';
import { cellText, normaliseIdCell } from '../sheets/normalise';
import type { RowError } from '../sheets/rowErrors';
import { validateIdNumber } from '../validators/idNumber';
import { validatePhone } from '../validators/phone';

export const LIST_FIELDS = ['name', 'idNumber', 'phone', 'address', 'reason'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export const LIST_HEADERS: Record<ListField, { 'zh-CN': string; en: string; aliases: string[] }> = {
  name: { 'zh-CN': '姓名', en: 'Name', aliases: ['名字', '人员姓名', '协查人员姓名'] },
  idNumber: {
    'zh-CN': '身份证号',
    en: 'ID number',
    aliases: ['身份证号码', '公民身份号码', '身份证', '证件号码', '证件号', 'id'],
  },
  phone: {
    'zh-CN': '联系电话',
    en: 'Phone',
    aliases: ['手机号', '手机', '手机号码', '电话', '联系方式', 'mobile'],
  },
  address: {
    'zh-CN': '现住址',
    en: 'Address',
    aliases: ['住址', '地址', '居住地址', '现居住地址', '落地地址', '详细地址', '最后地址', '现居住地'],
  },
  reason: {
    'zh-CN': '协查原因',
    en: 'Reason',
    aliases: ['原因', '事由', '协查事由', '备注', '类别', '人员类别', '风险类别'],
  },
};

const SYNONYMS = Object.fromEntries(
  LIST_FIELDS.map((f) => [f, [LIST_HEADERS[f]['zh-CN'], LIST_HEADERS[f].en, ...LIST_HEADERS[f].aliases]]),
) as Record<ListField, string[]>;
const matchHeader = headerMatcher(LIST_FIELDS, SYNONYMS);

export interface ListRow {
  /** the row as Excel numbers it */
  row: number;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  reason?: string;
}

export interface ListSheetError extends RowError {
  row: number | null;
  column: string | null;
  field: ListField | null;
  message: string;
}

export interface ReadListResult {
  rows: ListRow[];
  errors: ListSheetError[];
  /** rows with something in them, below the header */
  count: number;
}

export interface ReadListOptions {
  locale: Locale;
  today?: Date;
  merges?: readonly (string | CellRange)[];
}

/** Reads a list from above: every row checked, every error with its row and column. */
export function readListSheet(
  sheetRows: readonly (readonly unknown[])[],
  opts: ReadListOptions,
): ReadListResult {
  const rows = opts.merges?.length ? applyMerges(sheetRows, opts.merges) : sheetRows;
  const found = findHeaderRow(
    rows,
    matchHeader,
    (f) => f.name !== undefined && (f.idNumber !== undefined || f.phone !== undefined),
  );
  if (!found)
    return {
      rows: [],
      count: 0,
      errors: [
        { row: null, column: null, field: null, message: translate(opts.locale, 'isolation.list_header') },
      ],
    };
  const columns = fieldColumns(found.mapping) as Partial<Record<ListField, number>>;
  const columnOf = (f: ListField) => {
    const i = columns[f];
    return i === undefined ? LIST_HEADERS[f][opts.locale] : found.headers[i] || LIST_HEADERS[f][opts.locale];
  };
  const out: ListRow[] = [];
  const errors: ListSheetError[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  for (let r = found.rowIndex + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const get = (f: ListField) => {
      const i = columns[f];
      return i === undefined ? undefined : cells[i];
    };
    const texts = LIST_FIELDS.map((f) => cellText(get(f)));
    if (texts.every((t) => t === '')) continue;
    count++;
    const row = r + 1;
    const fail = (
      field: ListField,
      key: Parameters<typeof translate>[1],
      params?: Record<string, string | number>,
    ) =>
      errors.push({
        row,
        column: columnOf(field),
        columnIndex: columns[field] ?? null,
        field,
        message: translate(opts.locale, key, params),
      });
    const before = errors.length;
    const name = cellText(get('name'));
    if (!name) fail('name', 'isolation.name');
    const idCell = get('idNumber');
    let idNumber = idCell === undefined ? '' : normaliseIdCell(idCell);
    if (idNumber) {
      const v = validateIdNumber(idNumber, { today: opts.today });
      if (v.ok) idNumber = v.value;
      else fail('idNumber', 'isolation.id_number');
    }
    let phone = cellText(get('phone'));
    if (phone) {
      const v = validatePhone(phone);
      if (v.ok) phone = v.value;
      else fail('phone', 'isolation.phone');
    }
    if (!idNumber && !phone)
      fail(columns.idNumber !== undefined ? 'idNumber' : 'phone', 'isolation.list_no_key');
    if (errors.length > before) continue;
    const key = idNumber ? `id:${idNumber}` : `phone:${phone}`;
    const first = seen.get(key);
    if (first) {
      fail(idNumber ? 'idNumber' : 'phone', 'isolation.list_duplicate', { rows: first });
      continue;
    }
    seen.set(key, row);
    const address = cellText(get('address'));
    const reason = cellText(get('reason'));
    out.push({
      row,
      name,
      ...(idNumber ? { idNumber } : {}),
      ...(phone ? { phone } : {}),
      ...(address ? { address } : {}),
      ...(reason ? { reason } : {}),
    });
  }
  return { rows: out, errors, count };
}
