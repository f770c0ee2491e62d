// A people list in Excel (人员名册导入): the columns the template has and the words offices use for
// them, read through the sheet layer (domain/sheets: the header row found by its words, merged cells
// filled down, row errors); each row read into a draft and checked by checkPerson (person.ts), and
// duplicates within the sheet by phone or ID number. Every error says the row (as Excel numbers it) and
// the column (its header). Pure, no I/O: the server reads the workbook in a sheet worker and checks the
// registry for people already there.

import type { Locale } from '../i18n/messages';
import { translate } from '../i18n/messages';
import { applyMerges, type CellRange } from '../sheets/fillDown';
import { fieldColumns, findHeaderRow, headerMatcher } from '../sheets/headers';
import { cellText, normaliseIdCell } from '../sheets/normalise';
import type { RowError } from '../sheets/rowErrors';
import {
  checkPerson,
  type PersonDraft,
  type PersonField,
  type PersonValue,
  parseStandings,
  splitWords,
} from './person';

export const SHEET_FIELDS = [
  'name',
  'sex',
  'idNumber',
  'phone',
  'standing',
  'unitCode',
  'homeWorkUnit',
  'sentDownOn',
  'partyBranch',
  'reportedOn',
  'skills',
  'birthDate',
  'notes',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** The template's header of each column, and the other words an office's own sheet may use for it. */
export const SHEET_HEADERS: Record<SheetField, { 'zh-CN': string; en: string; aliases: string[] }> = {
  name: { 'zh-CN': '姓名', en: 'Name', aliases: ['名字', '人员姓名'] },
  sex: { 'zh-CN': '性别', en: 'Sex', aliases: [] },
  idNumber: {
    'zh-CN': '身份证号',
    en: 'ID number',
    aliases: ['身份证号码', '公民身份号码', '身份证', '证件号码', 'id'],
  },
  phone: { 'zh-CN': '手机号', en: 'Phone', aliases: ['手机', '手机号码', '联系电话', '电话', 'mobile'] },
  standing: {
    'zh-CN': '类别',
    en: 'Category',
    aliases: ['身份', '身份类别', '人员类别', '类型', 'standing'],
  },
  unitCode: {
    'zh-CN': '下沉单位代码',
    en: 'Unit code',
    aliases: ['所属单位', '所属单位代码', '单位代码', '社区代码', '报到社区代码', 'unit'],
  },
  homeWorkUnit: { 'zh-CN': '原单位', en: 'Home work unit', aliases: ['工作单位', '派出单位'] },
  sentDownOn: { 'zh-CN': '下沉日期', en: 'Sent down on', aliases: ['下沉时间'] },
  partyBranch: {
    'zh-CN': '党支部',
    en: 'Party branch',
    aliases: ['所在党支部', '组织关系所在支部', '所在党组织'],
  },
  reportedOn: { 'zh-CN': '报到日期', en: 'Reported on', aliases: ['报到时间', '双报到日期'] },
  skills: { 'zh-CN': '技能', en: 'Skills', aliases: ['特长', '专长', '技能特长'] },
  birthDate: { 'zh-CN': '出生日期', en: 'Birth date', aliases: ['出生年月日'] },
  notes: { 'zh-CN': '备注', en: 'Notes', aliases: ['说明'] },
};

/** The form's field a sheet column stands for, for errors on 'standing' and the rest. */
const FIELD_OF_COLUMN: Record<SheetField, PersonField> = {
  name: 'name',
  sex: 'sex',
  idNumber: 'idNumber',
  phone: 'phone',
  standing: 'standing',
  unitCode: 'unitCode',
  homeWorkUnit: 'homeWorkUnit',
  sentDownOn: 'sentDownOn',
  partyBranch: 'partyBranch',
  reportedOn: 'reportedOn',
  skills: 'skills',
  birthDate: 'birthDate',
  notes: 'notes',
};

/** The header words of each field, for the layer's header detection. */
const SYNONYMS = Object.fromEntries(
  SHEET_FIELDS.map((f) => [f, [SHEET_HEADERS[f]['zh-CN'], SHEET_HEADERS[f].en, ...SHEET_HEADERS[f].aliases]]),
) as Record<SheetField, string[]>;

const matchHeader = headerMatcher(SHEET_FIELDS, SYNONYMS);

/** The field a header cell names, if any ('姓名*', '手机号（必填）', 'Phone' and 户主手机号 all count). */
export function fieldOfHeader(cell: unknown): SheetField | undefined {
  return matchHeader(cell)?.field;
}

export interface SheetHeader {
  /** 0-based index of the header row in the rows given */
  rowIndex: number;
  /** column index of each field found */
  columns: Partial<Record<SheetField, number>>;
  /** the header's text of each column, as the sheet has it (for messages) */
  labels: Record<number, string>;
}

/**
 * The header row among the first 20: the one naming the most columns, with a 姓名 column and at least
 * one more (the sheet layer's findHeaderRow).
 */
export function findHeader(rows: readonly (readonly unknown[])[]): SheetHeader | undefined {
  const found = findHeaderRow(
    rows,
    matchHeader,
    (fields) => fields.name !== undefined && Object.keys(fields).length >= 2,
  );
  if (!found) return undefined;
  const columns = fieldColumns(found.mapping);
  const labels: Record<number, string> = {};
  for (const c of Object.values(columns) as number[]) labels[c] = found.headers[c];
  return { rowIndex: found.rowIndex, columns, labels };
}

export interface SheetError extends RowError {
  /** the row as Excel numbers it (1-based) */
  row: number;
  /** the column's header as the sheet has it ('手机号'), or the field's header when the column is missing */
  column: string;
  field: PersonField;
  message: string;
}

export interface SheetPerson {
  row: number;
  value: PersonValue;
}

export interface ReadPeopleResult {
  header: SheetHeader | undefined;
  people: SheetPerson[];
  errors: SheetError[];
  /** rows with something in them, below the header */
  rows: number;
}

export interface ReadPeopleOptions {
  locale: Locale;
  /** the unit code for rows that leave 下沉单位代码 blank (the unit the import is made in) */
  defaultUnitCode: string;
  today?: Date;
  /** the first row of `rows` is this sheet row (1 unless the caller cut rows off the top) */
  firstRow?: number;
  /** the sheet's merged ranges ('A3:A5'): their value is filled down their rows */
  merges?: readonly (string | CellRange)[];
}

/** Reads the rows of a people sheet: every person checked, every error with its row and column. */
export function readPeopleSheet(
  sheetRows: readonly (readonly unknown[])[],
  opts: ReadPeopleOptions,
): ReadPeopleResult {
  const rows = opts.merges?.length ? applyMerges(sheetRows, opts.merges) : sheetRows;
  const header = findHeader(rows);
  const first = opts.firstRow ?? 1;
  if (!header) return { header, people: [], errors: [], rows: 0 };
  const columnOf = (field: PersonField) => columnLabel(header, field, opts.locale);
  const people: SheetPerson[] = [];
  const errors: SheetError[] = [];
  const seenPhone = new Map<string, number>();
  const seenId = new Map<string, number>();
  let count = 0;
  for (let r = header.rowIndex + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const get = (f: SheetField) => {
      const i = header.columns[f];
      return i === undefined ? undefined : cells[i];
    };
    const texts = SHEET_FIELDS.map((f) => cellText(get(f)));
    if (texts.every((t) => t === '')) continue;
    count++;
    const row = first + r;
    const standings = parseStandings(cellText(get('standing')));
    const skillWords = splitWords(cellText(get('skills')));
    const draft: PersonDraft = {
      name: cellText(get('name')),
      sex: cellText(get('sex')),
      idNumber: get('idNumber') === undefined ? undefined : normaliseIdCell(get('idNumber')),
      phone: cellText(get('phone')),
      isCadre: standings.isCadre,
      isPartyMember: standings.isPartyMember,
      isVolunteer: standings.isVolunteer,
      unknownStandings: standings.unknown,
      unitCode: cellText(get('unitCode')) || opts.defaultUnitCode,
      homeWorkUnit: cellText(get('homeWorkUnit')),
      sentDownOn: get('sentDownOn'),
      partyBranch: cellText(get('partyBranch')),
      reportedOn: get('reportedOn'),
      skills: skillWords,
      birthDate: get('birthDate'),
      notes: cellText(get('notes')),
    };
    const checked = checkPerson(draft, opts.locale, opts.today);
    if (!checked.ok) {
      for (const e of checked.errors)
        errors.push({ row, column: columnOf(e.field), field: e.field, message: e.message });
      continue;
    }
    const v = checked.value;
    let duplicate = false;
    if (v.phone) {
      const before = seenPhone.get(v.phone);
      if (before) {
        duplicate = true;
        errors.push({
          row,
          column: columnOf('phone'),
          field: 'phone',
          message: translate(opts.locale, 'forces.phone_duplicate', { rows: before }),
        });
      } else seenPhone.set(v.phone, row);
    }
    if (v.idNumber) {
      const before = seenId.get(v.idNumber);
      if (before) {
        duplicate = true;
        errors.push({
          row,
          column: columnOf('idNumber'),
          field: 'idNumber',
          message: translate(opts.locale, 'forces.id_duplicate', { rows: before }),
        });
      } else seenId.set(v.idNumber, row);
    }
    if (!duplicate) people.push({ row, value: v });
  }
  return { header, people, errors, rows: count };
}

/** The column header of a field, as readPeopleSheet names it in an error for that header. */
export function columnLabel(header: SheetHeader | undefined, field: PersonField, locale: Locale): string {
  const sheetField = (Object.keys(FIELD_OF_COLUMN) as SheetField[]).find((f) => FIELD_OF_COLUMN[f] === field);
  const index = sheetField && header ? header.columns[sheetField] : undefined;
  if (header && index !== undefined) return header.labels[index];
  return sheetField ? SHEET_HEADERS[sheetField][locale] : field;
}

/** The 0-based index of a field's column in the sheet, null when the sheet has no such column. */
export function columnIndexOf(header: SheetHeader | undefined, field: PersonField): number | null {
  const sheetField = (Object.keys(FIELD_OF_COLUMN) as SheetField[]).find((f) => FIELD_OF_COLUMN[f] === field);
  return (sheetField && header?.columns[sheetField]) ?? null;
}
