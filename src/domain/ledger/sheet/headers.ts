// The columns of a household ledger sheet: the fields Wangge reads, the header words offices use for
// them (姓名/名字, 身份证号/证件号码, 联系电话/手机号 …), finding the header row below the title and filler
// rows, and the column → field mapping the user can correct. Pure, no I/O.
//
// Rows and columns here are 0-based indexes into the sheet's 2-D array (rows[0] is sheet row 1,
// rows[r][0] is column A).

import type { Locale } from '../../i18n/messages';
import { cellText } from '../../sheets/normalise';
import { removeSpaces, toHalfWidth } from '../../validators/text';
import { MARKER_INFO, MARKERS, type Marker } from '../markers';

export const BASE_FIELDS = [
  'building',
  'unit',
  'door',
  'name',
  'sex',
  'idType',
  'idNumber',
  'phone',
  'relation',
  'workUnit',
  'birthDate',
  'markers',
  'colour',
  'empty',
  'travelPlace',
  'travelDate',
  'notes',
] as const;
export type BaseField = (typeof BASE_FIELDS)[number];

/**
 * What a column can hold: one of the base fields, or one marker's own yes/no column (a column headed 党员
 * or 低保 maps to the marker's code, 'party_member', 'low_income' …). 'markers' is a column that lists
 * several (人员类别: '党员、低保'); 'empty' a column that says the household is empty (是否空户).
 */
export type LedgerField = BaseField | Marker;

export const LEDGER_FIELDS: readonly LedgerField[] = [
  ...BASE_FIELDS.slice(0, BASE_FIELDS.indexOf('markers')),
  ...MARKERS,
  ...BASE_FIELDS.slice(BASE_FIELDS.indexOf('markers')),
];

export function isLedgerField(s: unknown): s is LedgerField {
  return typeof s === 'string' && (LEDGER_FIELDS as readonly string[]).includes(s);
}

/** The fields that place a household: 楼栋 / 单元 / 门牌. Merged or left blank below the first row. */
export const GROUP_FIELDS = ['building', 'unit', 'door'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The fields that say something about a person (a row with none of them is no resident). */
export const PERSON_FIELDS: readonly LedgerField[] = [
  'name',
  'sex',
  'idNumber',
  'phone',
  'relation',
  'workUnit',
  'birthDate',
  'markers',
  'travelPlace',
  'travelDate',
  ...MARKERS,
];

const BASE_LABELS: Record<BaseField, Record<Locale, string>> = {
  building: { 'zh-CN': '楼栋', en: 'building' },
  unit: { 'zh-CN': '单元', en: 'unit' },
  door: { 'zh-CN': '门牌号', en: 'door number' },
  name: { 'zh-CN': '姓名', en: 'name' },
  sex: { 'zh-CN': '性别', en: 'sex' },
  idType: { 'zh-CN': '证件类型', en: 'ID type' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  phone: { 'zh-CN': '联系电话', en: 'phone' },
  relation: { 'zh-CN': '与户主关系', en: 'relation to the head' },
  workUnit: { 'zh-CN': '工作单位', en: 'work unit' },
  birthDate: { 'zh-CN': '出生日期', en: 'date of birth' },
  markers: { 'zh-CN': '人员类别', en: 'markers' },
  colour: { 'zh-CN': '颜色', en: 'colour' },
  empty: { 'zh-CN': '空户', en: 'empty household' },
  travelPlace: { 'zh-CN': '去过的地方', en: 'places been' },
  travelDate: { 'zh-CN': '返回日期', en: 'date back' },
  notes: { 'zh-CN': '备注', en: 'notes' },
};

/** The name of each field, for the mapping step's dropdown and the template's header row. */
export const FIELD_LABELS: Record<LedgerField, Record<Locale, string>> = {
  ...BASE_LABELS,
  ...(Object.fromEntries(MARKERS.map((m) => [m, MARKER_INFO[m].label])) as Record<
    Marker,
    Record<Locale, string>
  >),
};

/** Header words, as offices write them. Matching ignores spaces, full width, case and '（必填）'/'*'. */
export const HEADER_SYNONYMS: Record<LedgerField, readonly string[]> = {
  building: [
    '楼栋',
    '楼号',
    '栋',
    '楼栋号',
    '栋号',
    '楼',
    '幢',
    '幢号',
    '楼幢',
    '楼宇',
    '楼院',
    '所在楼栋',
    'building',
  ],
  unit: ['单元', '单元号', 'unit'],
  door: [
    '门牌号',
    '门牌',
    '房号',
    '户号',
    '房间号',
    '门牌号码',
    '房屋号',
    '户室号',
    '室',
    '室号',
    'door',
    'room',
  ],
  name: ['姓名', '名字', '居民姓名', '人员姓名', '住户姓名', '居住人姓名', '成员姓名', 'name'],
  sex: ['性别', 'sex', 'gender'],
  idType: ['证件类型', '证件种类', '证件名称', 'idtype'],
  idNumber: [
    '身份证号',
    '身份证号码',
    '证件号码',
    '身份证',
    '证件号',
    '公民身份号码',
    '身份证件号码',
    '居民身份证号码',
    'idnumber',
    'idno',
    'id',
  ],
  phone: [
    '联系电话',
    '手机号',
    '电话',
    '手机',
    '联系方式',
    '手机号码',
    '电话号码',
    '联系号码',
    'phone',
    'mobile',
    'tel',
  ],
  relation: ['与户主关系', '关系', '家庭关系', '户主关系', '与户主的关系', 'relation'],
  workUnit: [
    '工作单位',
    '单位',
    '工作单位或学校',
    '就职单位',
    '工作地点',
    '工作单位及职务',
    'workunit',
    'employer',
  ],
  birthDate: ['出生日期', '出生年月', '生日', '出生年月日', 'birthdate', 'dateofbirth'],
  party_member: ['党员', '是否党员', '政治面貌', '中共党员'],
  building_leader: ['楼栋长', '楼长', '是否楼栋长', '楼院长', '单元长'],
  volunteer: ['志愿者', '是否志愿者'],
  low_income: ['低保', '低保户', '是否低保'],
  disabled: ['残疾', '残疾人', '是否残疾'],
  elderly_alone: ['独居', '独居老人', '是否独居', '空巢老人'],
  immobile: ['行动不便', '是否行动不便', '卧床'],
  markers: [
    '人员类别',
    '特殊人群',
    '人员标签',
    '人员标识',
    '特殊标识',
    '标注',
    '重点人群',
    'markers',
    'tags',
  ],
  colour: [
    '颜色',
    '标识',
    '颜色标识',
    '五色',
    '五色标识',
    '户颜色',
    '四级五色',
    '户类别',
    '户分类',
    'colour',
    'color',
  ],
  empty: ['是否空户', '空户', '空房', '是否空置', '空置', '居住状态'],
  // 您近期去过哪? — where a resident has been (近14天旅居史), and the day they came back (返郑日期)
  travelPlace: [
    '去过的地方',
    '旅居地',
    '旅居史',
    '近14天旅居史',
    '旅居地点',
    '从何地返回',
    '从何地返郑',
    '从何地来',
    '来自何地',
    '外出地点',
    '途经地',
    '去过哪里',
    'placesbeen',
    'travel',
  ],
  travelDate: [
    '返回日期',
    '返回时间',
    '返郑日期',
    '返郑时间',
    '返乡日期',
    '返乡时间',
    '到达日期',
    '抵达日期',
    'dateback',
    'returndate',
  ],
  notes: ['备注', '说明', '情况说明', '备注说明', 'notes', 'remark', 'remarks'],
};

/**
 * A header cell in the form synonyms are compared in: half-width, no spaces or line breaks, lower-case,
 * without what offices add around the word — '（必填）', '(18位)', '【选填】', a '*' or '※' before or after,
 * a trailing colon, a leading '1.' — so '* 身份证号码\n（必填）' and '身份证号码' compare equal.
 */
export function normaliseHeader(v: unknown): string {
  return removeSpaces(toHalfWidth(cellText(v)))
    .replace(/\([^()]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g, '')
    .replace(/^(?:\d{1,2}[.、)])?[*※★☆]*/, '')
    .replace(/(?:必填|选填)?[*※★☆:]*$/, '')
    .toLowerCase();
}

const EXACT = new Map<string, LedgerField>();
const CONTAINED: { word: string; field: LedgerField }[] = [];
for (const field of LEDGER_FIELDS) {
  for (const w of HEADER_SYNONYMS[field]) {
    const word = normaliseHeader(w);
    if (!EXACT.has(word)) EXACT.set(word, field);
    // a header such as 户主身份证号码 or 居民联系电话 holds a synonym; single characters (栋, 室) only match whole
    if (word.length >= 2) CONTAINED.push({ word, field });
  }
}
CONTAINED.sort((a, b) => b.word.length - a.word.length);
/** A header longer than this is a sentence (a title, a note), not a column name, unless it matches exactly. */
const MAX_CONTAINING_HEADER = 10;

export interface HeaderMatch {
  field: LedgerField;
  /** the header is one of the field's words (rather than holding one: 户主身份证号码) */
  exact: boolean;
}

/** The field a header cell names, if any. */
export function matchHeader(v: unknown): HeaderMatch | undefined {
  const h = normaliseHeader(v);
  if (h === '') return undefined;
  const exact = EXACT.get(h);
  if (exact) return { field: exact, exact: true };
  if (h.length > MAX_CONTAINING_HEADER) return undefined;
  const contained = CONTAINED.find((c) => h.includes(c.word));
  return contained ? { field: contained.field, exact: false } : undefined;
}

/** Column index → field; one column per field. Keys are 0-based column indexes (0 = column A). */
export type ColumnMapping = Readonly<Record<number, LedgerField>>;

export interface UnmappedColumn {
  column: number;
  header: string;
  /**
   * unknown: the header names no field; taken: it names a field another column has (the first exact
   * match wins, then the leftmost); ignored: the user set it aside
   */
  reason: 'unknown' | 'taken' | 'ignored';
}

export interface HeaderProposal {
  /** index of the header row in the rows given (sheet row rowIndex + 1) */
  rowIndex: number;
  /** each column's header as the sheet shows it (line breaks and padding spaces removed), '' when blank */
  headers: string[];
  mapping: ColumnMapping;
  /** columns with a header that are not mapped, for the mapping step to show */
  unmapped: UnmappedColumn[];
}

/**
 * A header as the sheet shows it, for messages: its own characters, white space and line breaks
 * collapsed, none beside Chinese or full-width characters ('身份证号码\n（必填）' → '身份证号码（必填）').
 */
export function headerText(v: unknown): string {
  return cellText(v)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim()
    .replace(/ ?([^\x20-\x7e]) ?/g, '$1');
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA' (the letters Excel shows above its columns). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The name of a column in messages: its header text, or its letter when the header is blank. */
export function columnLabel(headers: readonly string[], column: number): string {
  return headers[column] || columnLetter(column);
}

function unmappedColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
  ignored: ReadonlySet<number> = new Set(),
): UnmappedColumn[] {
  const out: UnmappedColumn[] = [];
  headers.forEach((header, column) => {
    if (header === '' || mapping[column] !== undefined) return;
    const reason = ignored.has(column) ? 'ignored' : matchHeader(header) ? 'taken' : 'unknown';
    out.push({ column, header, reason });
  });
  return out;
}

/**
 * The mapping a header row suggests: each cell matched to a field; when two columns name the same
 * field, an exact word beats a containing one (联系电话 over 紧急联系人电话), then the leftmost wins.
 */
export function proposeMapping(headerRow: readonly unknown[], rowIndex: number): HeaderProposal {
  const headers = Array.from(headerRow, (v) => headerText(v));
  const candidates: { column: number; match: HeaderMatch }[] = [];
  for (let column = 0; column < headerRow.length; column++) {
    const match = matchHeader(headerRow[column]);
    if (match) candidates.push({ column, match });
  }
  candidates.sort((a, b) => Number(b.match.exact) - Number(a.match.exact) || a.column - b.column);
  const mapping: Record<number, LedgerField> = {};
  const taken = new Set<LedgerField>();
  for (const { column, match } of candidates) {
    if (taken.has(match.field)) continue;
    taken.add(match.field);
    mapping[column] = match.field;
  }
  return { rowIndex, headers, mapping, unmapped: unmappedColumns(headers, mapping) };
}

/** field → column of a mapping */
export function fieldColumns(mapping: ColumnMapping): Partial<Record<LedgerField, number>> {
  const out: Partial<Record<LedgerField, number>> = {};
  for (const [column, field] of Object.entries(mapping)) out[field] = Number(column);
  return out;
}

/** Whether a header row is one: it names the residents (姓名) and identifies them or their door. */
function isUsable(fields: Partial<Record<LedgerField, number>>): boolean {
  return fields.name !== undefined && (fields.idNumber !== undefined || fields.door !== undefined);
}

/**
 * Finds the header row among the first maxScan rows, below the title (省民航社区入户排查台账), the date
 * and "filled in by" rows and any group-header row: the row naming the most fields, which must include
 * the name and the ID number or the door number; the first such row on a tie. Undefined when no row
 * qualifies (the user then picks the header row and maps the columns by hand).
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  maxScan = 20,
): HeaderProposal | undefined {
  let best: { proposal: HeaderProposal; score: number } | undefined;
  for (let r = 0; r < Math.min(rows.length, maxScan); r++) {
    const row = rows[r] ?? [];
    const proposal = proposeMapping(row, r);
    const fields = fieldColumns(proposal.mapping);
    if (!isUsable(fields)) continue;
    const score = Object.keys(fields).length;
    if (!best || score > best.score) best = { proposal, score };
  }
  return best?.proposal;
}

/**
 * The user's corrections over a proposal (the mapping step): each column given takes that field, or is
 * set aside with null; a field taken here is released from the column the proposal gave it to; the
 * other columns keep the proposal. Throws a RangeError for a negative column or an unknown field.
 */
export function applyMapping(
  proposal: HeaderProposal,
  corrections: Readonly<Record<number, LedgerField | null>>,
): HeaderProposal {
  const entries = Object.entries(corrections).map(([k, field]) => {
    const column = Number(k);
    if (!Number.isInteger(column) || column < 0) throw new RangeError(`not a column index: ${k}`);
    if (field !== null && !isLedgerField(field)) throw new RangeError(`not a ledger field: ${String(field)}`);
    return { column, field };
  });
  const claimed = new Set(entries.flatMap((e) => (e.field === null ? [] : [e.field])));
  const mapping: Record<number, LedgerField> = {};
  for (const [k, field] of Object.entries(proposal.mapping)) {
    if (!claimed.has(field)) mapping[Number(k)] = field;
  }
  const ignored = new Set<number>();
  for (const { column, field } of entries) {
    delete mapping[column];
    if (field === null) ignored.add(column);
  }
  const seen = new Set<LedgerField>();
  for (const { column, field } of entries) {
    if (field === null) continue;
    if (seen.has(field)) throw new RangeError(`field mapped to two columns: ${field}`);
    seen.add(field);
    mapping[column] = field;
  }
  return { ...proposal, mapping, unmapped: unmappedColumns(proposal.headers, mapping, ignored) };
}

/** Where a field's values are in the sheet: the column's index and its name for messages. */
export interface ColumnRef {
  index: number;
  /** the header as the sheet shows it, or the column letter when the header is blank */
  label: string;
}

/** The column of each mapped field, for validateRow's messages. */
export function columnRefs(
  proposal: Pick<HeaderProposal, 'headers' | 'mapping'>,
): Partial<Record<LedgerField, ColumnRef>> {
  const out: Partial<Record<LedgerField, ColumnRef>> = {};
  for (const [k, field] of Object.entries(proposal.mapping)) {
    const index = Number(k);
    out[field] = { index, label: columnLabel(proposal.headers, index) };
  }
  return out;
}

/** A row's cells by field, per the mapping. */
export type MappedRow = Partial<Record<LedgerField, unknown>>;

export function mapRow(row: readonly unknown[], mapping: ColumnMapping): MappedRow {
  return rowMapper(mapping)(row);
}

/** mapRow for many rows: the mapping read once. */
export function rowMapper(mapping: ColumnMapping): (row: readonly unknown[]) => MappedRow {
  const entries = Object.entries(mapping).map(([k, field]) => [Number(k), field] as const);
  return (row) => {
    const out: MappedRow = {};
    for (const [column, field] of entries) out[field] = row[column];
    return out;
  };
}
