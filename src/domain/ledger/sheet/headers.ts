// The columns of a household ledger sheet: the fields Wangge reads, the header words offices use for
// them (姓名/名字, 身份证号/证件号码, 联系电话/手机号 …), and which header row the ledger can use. Finding
// the header row below the title and filler rows, matching the words and the column → field mapping the
// user can correct are the sheet layer's (domain/sheets/headers.ts), given this table. Pure, no I/O.
//
// Rows and columns here are 0-based indexes into the sheet's 2-D array (rows[0] is sheet row 1,
// rows[r][0] is column A).

import type { Locale } from '../../i18n/messages';
import * as sheets from '../../sheets/headers';
import { type ColumnRef, type HeaderMatcher, headerMatcher } from '../../sheets/headers';
import { MARKER_INFO, MARKERS, type Marker } from '../markers';

export {
  type ColumnRef,
  columnLabel,
  columnLetter,
  headerText,
  normaliseHeader,
  type UnmappedColumn,
} from '../../sheets/headers';

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

/** The field a ledger header cell names, if any (the layer's matcher over HEADER_SYNONYMS). */
export const matchHeader: HeaderMatcher<LedgerField> = headerMatcher(LEDGER_FIELDS, HEADER_SYNONYMS);

export type HeaderMatch = sheets.HeaderMatch<LedgerField>;
/** Column index → field; one column per field. Keys are 0-based column indexes (0 = column A). */
export type ColumnMapping = sheets.ColumnMapping<LedgerField>;
export type HeaderProposal = sheets.HeaderProposal<LedgerField>;
/** A row's cells by field, per the mapping. */
export type MappedRow = sheets.MappedRow<LedgerField>;

/**
 * The mapping a header row suggests: each cell matched to a field; when two columns name the same
 * field, an exact word beats a containing one (联系电话 over 紧急联系人电话), then the leftmost wins.
 */
export function proposeMapping(headerRow: readonly unknown[], rowIndex: number): HeaderProposal {
  return sheets.proposeMapping(headerRow, rowIndex, matchHeader);
}

/** field → column of a mapping */
export const fieldColumns: (mapping: ColumnMapping) => Partial<Record<LedgerField, number>> =
  sheets.fieldColumns;

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
  return sheets.findHeaderRow(rows, matchHeader, isUsable, maxScan);
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
  return sheets.applyMapping(proposal, corrections, isLedgerField, matchHeader);
}

/** The column of each mapped field, for validateRow's messages. */
export const columnRefs: (
  proposal: Pick<HeaderProposal, 'headers' | 'mapping'>,
) => Partial<Record<LedgerField, ColumnRef>> = sheets.columnRefs;

export function mapRow(row: readonly unknown[], mapping: ColumnMapping): MappedRow {
  return rowMapper(mapping)(row);
}

/** mapRow for many rows: the mapping read once. */
export const rowMapper: (mapping: ColumnMapping) => (row: readonly unknown[]) => MappedRow = sheets.rowMapper;
