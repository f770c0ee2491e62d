// The importer's messages, zh-CN and en: what is wrong with a row and how to put it right in the sheet.
// Messages never repeat an ID or phone number (they end up in reports, logs and the CLI's JSON); the row
// and column say where to look.

import type { Locale } from '../../i18n/messages';

export const LEDGER_ERROR_CODES = [
  'sheet.no_header',
  'mapping.invalid',
  'mapping.no_name',
  'mapping.no_location',
  'name.required',
  'location.required',
  'text.too_long',
  'id.excel_number',
  'id.length',
  'id.chars',
  'id.checksum',
  'id.birth_date',
  'id.region',
  'id.format',
  'id.duplicate',
  'row.repeated',
  'id.in_ledger',
  'id_type.invalid',
  'sex.invalid',
  'sex.id_mismatch',
  'birth_date.invalid',
  'birth_date.id_mismatch',
  'phone.format',
  'colour.invalid',
  'colour.white_with_residents',
  'colour.conflict',
  'colour.empty_household',
  'household.empty_with_person',
  'household.empty_conflict',
  'household.second_head',
  'resident.in_household',
  'travel.place_unknown',
  'travel.place_ambiguous',
  'travel.place_required',
  'travel.date_invalid',
  'travel.date_future',
] as const;
export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

/** The message keys: the codes, and variants of a code's message for a particular case. */
export type LedgerMessageKey =
  | LedgerErrorCode
  | 'id.length.15'
  | 'id.in_ledger.same_door'
  | 'id.in_ledger.unnamed'
  | 'row.repeated.unkept';

const zh: Record<LedgerMessageKey, string> = {
  'sheet.no_header':
    '前 {maxScan} 行中没有找到表头行（需要有“姓名”列，以及“身份证号”或“门牌号”列）。请检查表头，或指定表头所在行和各列对应的内容。',
  'mapping.invalid': '列的对应关系有误：每列只能对应一项内容，每项内容也只能对应一列。',
  'mapping.no_name': '没有指定哪一列是“姓名”。',
  'mapping.no_location': '没有指定哪一列是“楼栋”或“门牌号”，无法分户。',
  'name.required': '姓名不能为空。',
  'location.required': '没有楼栋、单元或门牌号，无法确定属于哪一户。',
  'text.too_long': '内容过长，最多 {max} 个字。',
  'id.excel_number':
    "身份证号被 Excel 存成了数字（显示为 {shown}）：Excel 只保留 15 位有效数字，后几位已变成 0，无法恢复。请在 Excel 中选中该列，设置单元格格式为“文本”，再重新输入号码（或在号码前加英文单引号 '），然后重新导入。",
  'id.length': '身份证号应为 18 位，这里是 {length} 位。',
  'id.length.15': '身份证号应为 18 位。15 位的第一代身份证已于 2013 年停止使用，请填写 18 位号码。',
  'id.chars': '身份证号只能由数字组成，最后一位可以是 X。',
  'id.checksum': '身份证号的校验位不对，请核对号码有没有抄错。',
  'id.birth_date': '身份证号中的出生日期（第 7–14 位）不是有效日期。',
  'id.region': '身份证号的前 6 位不是有效的地区代码。',
  'id.format': '证件号码格式不正确，应为 5–20 位字母或数字。',
  'id.duplicate': '身份证号与第 {rows} 行重复。',
  'row.repeated': '与第 {row} 行重复，已保留第 {row} 行。',
  'row.repeated.unkept': '与第 {row} 行重复（两行内容相同，保留一行即可）。',
  'id.in_ledger': '此人已登记在台账中（{place}），不能重复登记；如已搬家，请先在原住户中办理迁出。',
  'id.in_ledger.unnamed': '此人已登记在台账中，不能重复登记；如已搬家，请先在原住户中办理迁出。',
  'id.in_ledger.same_door':
    '此人已登记在台账中的这一户，不能重复登记；如表格是台账的新版本，请勾选“更新台账中已有的居民”。',
  'id_type.invalid': '无法识别证件类型“{value}”。',
  'sex.invalid': '无法识别性别“{value}”，请填写“男”或“女”。',
  'sex.id_mismatch': '性别“{value}”与身份证号不符，按身份证号应为“{expected}”。',
  'birth_date.invalid': '出生日期“{value}”不是有效日期，请按 1980-01-31 的格式填写。',
  'birth_date.id_mismatch': '出生日期 {value} 与身份证号不符，按身份证号应为 {expected}。',
  'phone.format': '联系电话格式不正确，应为 11 位手机号或带区号的固定电话。',
  'colour.invalid': '无法识别颜色“{value}”，应为红、橙、黄、绿、白之一。',
  'colour.white_with_residents': '白色表示空户，但这一行登记了居民。',
  'colour.conflict': '同一户的颜色不一致：第 {row} 行是{expected}色，这一行是{value}色。',
  'colour.empty_household': '空户应为白色，这里填的是“{value}”。',
  'household.empty_with_person': '这一行标为空户，却填写了居民的信息。',
  'household.empty_conflict': '这一户标为空户，但第 {rows} 行登记了这一户的居民。',
  'household.second_head':
    '这一户已有户主{name}（{where}），一户只能有一位户主。请更正“与户主关系”；如户主有变，请先在台账中修改。',
  'resident.in_household':
    '这一户已登记了{name}（没有证件号码，无法核对是否同一人），不能重复登记；如是同一人，请勾选“更新台账中已有的居民”。',
  'travel.place_unknown':
    '无法识别去过的地方“{value}”。请写省、市或区县的名称（如“湖北省武汉市”“孝感”），多个地方用顿号隔开；没有外出请写“无”。',
  'travel.place_ambiguous': '“{value}”有不止一处，请写上所在的省或市（如“北京市朝阳区”）。',
  'travel.place_required': '填写了返回日期{value}，请同时填写去过的地方。',
  'travel.date_invalid': '无法识别返回日期“{value}”，请写成 2020-01-23 这样的日期。',
  'travel.date_future': '返回日期 {value} 晚于台账日期 {today}。',
};

const en: Record<LedgerMessageKey, string> = {
  'sheet.no_header':
    'No header row in the first {maxScan} rows (one with a name column and an ID number or door number column). Check the header, or choose the header row and the columns yourself.',
  'mapping.invalid': 'The column mapping is not valid: each field can be given to one column only.',
  'mapping.no_name': 'No column is mapped to the name.',
  'mapping.no_location':
    'No column is mapped to the building or the door number, so households cannot be told apart.',
  'name.required': 'The name is missing.',
  'location.required': 'No building, unit or door number: the household cannot be placed.',
  'text.too_long': 'Too long: at most {max} characters.',
  'id.excel_number':
    "Excel stored the ID number as a number (shown as {shown}). Excel keeps only 15 significant digits, so the last digits became 0 and cannot be recovered. In Excel, select the column, set the cell format to Text, type the numbers again (or type an apostrophe ' before each), and import again.",
  'id.length': 'An ID number has 18 characters; this one has {length}.',
  'id.length.15':
    'An ID number has 18 characters. The 15-digit first-generation cards expired in 2013: enter the 18-character number.',
  'id.chars': 'An ID number is made of digits, the last of which may be X.',
  'id.checksum': 'The check character of the ID number is wrong: check the number for a typing mistake.',
  'id.birth_date': 'The date of birth in the ID number (characters 7–14) is not a real date.',
  'id.region': 'The first six digits of the ID number are not a region code.',
  'id.format': 'Not a valid document number: 5 to 20 letters or digits.',
  'id.duplicate': 'The same ID number is in row {rows}.',
  'row.repeated': 'The same as row {row}; row {row} is kept.',
  'row.repeated.unkept': 'The same as row {row} (the two rows say the same: keep one).',
  'id.in_ledger':
    'This person is already in the ledger ({place}) and cannot be registered twice; if they moved, record the move out of their old household first.',
  'id.in_ledger.unnamed':
    'This person is already in the ledger and cannot be registered twice; if they moved, record the move out of their old household first.',
  'id.in_ledger.same_door':
    'This person is already registered in this household and cannot be registered twice; if the sheet is a newer version of the ledger, tick "Update residents already in the ledger".',
  'id_type.invalid': 'Unknown ID type "{value}".',
  'sex.invalid': 'Unknown sex "{value}": write 男 (male) or 女 (female).',
  'sex.id_mismatch': 'Sex "{value}" does not agree with the ID number, which says {expected}.',
  'birth_date.invalid': 'Date of birth "{value}" is not a date; write it as 1980-01-31.',
  'birth_date.id_mismatch': 'Date of birth {value} does not agree with the ID number, which says {expected}.',
  'phone.format': 'Not a phone number: an 11-digit mobile, or a landline with its area code.',
  'colour.invalid': 'Unknown colour "{value}": red, orange, yellow, green or white.',
  'colour.white_with_residents': 'White means an empty household, but this row lists a resident.',
  'colour.conflict': 'One household, two colours: row {row} says {expected}, this row says {value}.',
  'colour.empty_household': 'An empty household is white, not "{value}".',
  'household.empty_with_person': 'This row is marked as an empty household but gives details of a resident.',
  'household.empty_conflict': 'This household is marked empty, but row {rows} lists a resident of it.',
  'household.second_head':
    'This household already has a head, {name} ({where}); a household has one head. Correct the relation to the head; if the head has changed, change it in the ledger first.',
  'resident.in_household':
    '{name} is already registered in this household (without an ID number, so it cannot be checked that this is someone else) and cannot be registered twice; if it is the same person, tick "Update residents already in the ledger".',
  'travel.place_unknown':
    'Unknown place "{value}". Write the name of a province, city or county (湖北省武汉市, 孝感), several separated by 、; write 无 for none.',
  'travel.place_ambiguous':
    'There is more than one "{value}": write its province or city too (北京市朝阳区).',
  'travel.place_required': 'A date back ({value}) is given: write where the resident has been too.',
  'travel.date_invalid': 'Unknown date back "{value}": write a date such as 2020-01-23.',
  'travel.date_future': 'The date back {value} is after the ledger day {today}.',
};

const catalogues: Record<Locale, Record<LedgerMessageKey, string>> = { 'zh-CN': zh, en };

/** A message with its {placeholders} filled in. */
export function ledgerMessage(
  locale: Locale,
  key: LedgerMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/**
 * Row numbers in a message: '5、9' in Chinese, '5, 9' in English; past `max`, the first ones and how
 * many there are ('5、9、12 等 40 行' / '5, 9, 12 and 37 more'), so that a message stays short.
 */
export function rowList(locale: Locale, rows: readonly number[], max = 5): string {
  const shown = rows.slice(0, max);
  if (locale === 'zh-CN') {
    const list = shown.join('、');
    return rows.length > max ? `${list} 等 ${rows.length}` : list;
  }
  const list = shown.join(', ');
  return rows.length > max ? `${list} and ${rows.length - max} more` : list;
}

/** One problem with the sheet: where (sheet row, 1-based; the column's header), what, and why. */
export interface LedgerError {
  /** the row number in the sheet as Excel shows it (1-based); null for the sheet as a whole */
  row: number | null;
  /** the column's header as the sheet shows it ('身份证号'), its letter when blank; null for no column */
  column: string | null;
  /** 0-based index of the column, for marking the cell in the error sheet; null for no column */
  columnIndex: number | null;
  code: LedgerErrorCode;
  message: string;
}
