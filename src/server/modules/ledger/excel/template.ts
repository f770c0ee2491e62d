// The ledger template (入户台账模板) offices download, fill in and import: a title row, the header row
// with the importer's own labels, the ID, phone and place columns formatted as text (so that Excel
// cannot turn an ID number into 4.10105E+17 or a door number 3-12 into a date), dropdowns for the
// colour, sex, ID type, relation and markers, and a second sheet that says how to fill it in, with two
// example rows. The examples are not on the ledger sheet, where the importer would take them for
// residents. Every dropdown value reads back as the code it stands for (the test checks it).

import ExcelJS from 'exceljs';
import type { Locale } from '../../../../domain/i18n/messages';
import { COLOURS, colourLabel, HOUSEHOLD_COLOURS } from '../../../../domain/ledger/colours';
import { MARKER_INFO, MARKERS, parseMarkers } from '../../../../domain/ledger/markers';
import { FIELD_LABELS, type LedgerField, matchHeader } from '../../../../domain/ledger/sheet/headers';
import {
  ID_TYPE_LABELS,
  ID_TYPES,
  parseIdType,
  parseRelation,
  parseSex,
  RELATION_LABELS,
  RELATIONS,
  SEX_LABELS,
} from '../../../../domain/ledger/sheet/values';
import { generateIdNumber } from '../../../../domain/validators/idNumber';
import { workbookBuffer } from '../../../sheets/excelJs';

/** The template's columns, in order. */
export const TEMPLATE_FIELDS = [
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
  'colour',
  'markers',
  'travelPlace',
  'travelDate',
  'notes',
] as const satisfies readonly LedgerField[];
type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Columns Excel must keep as typed: numbers that are not quantities. */
const TEXT_FIELDS: ReadonlySet<TemplateField> = new Set([
  'building',
  'unit',
  'door',
  'idNumber',
  'phone',
  'travelDate',
]);
const WIDTHS: Record<TemplateField, number> = {
  building: 9,
  unit: 8,
  door: 9,
  name: 10,
  sex: 7,
  idType: 14,
  idNumber: 22,
  phone: 16,
  relation: 12,
  workUnit: 20,
  colour: 18,
  markers: 14,
  travelPlace: 18,
  travelDate: 12,
  notes: 24,
};
/** the rows of the ledger sheet that get the dropdowns and text formats */
export const TEMPLATE_ROWS = 5000;
const HEADER_ROW = 2;

export const TEMPLATE_SHEETS: Record<Locale, { ledger: string; help: string; lists: string }> = {
  'zh-CN': { ledger: '入户排查台账', help: '填写说明', lists: '下拉选项' },
  en: { ledger: 'Household ledger', help: 'How to fill in', lists: 'Lists' },
};

/**
 * The header of a column: the field's label, unless the importer would not recognise it as that field
 * (the English 'relation to the head' is too long to be matched), then its shortest English word.
 */
export function templateHeader(field: TemplateField, locale: Locale): string {
  const label = FIELD_LABELS[field][locale];
  if (matchHeader(label)?.field === field) return label;
  const fallback = { relation: 'relation' } as Partial<Record<TemplateField, string>>;
  return fallback[field] ?? FIELD_LABELS[field]['zh-CN'];
}

/**
 * A dropdown entry for a code: its label when that reads back as the code; else the parts of the label
 * that do ('岳父/公公' → 岳父, 公公); else the Chinese label with the English one after it; else the
 * Chinese label.
 */
function entries(
  labels: Record<Locale, string>,
  locale: Locale,
  readsAs: (text: string) => boolean,
): string[] {
  const label = labels[locale];
  if (readsAs(label)) return [label];
  const parts = label.split('/').filter(readsAs);
  if (parts.length > 0) return parts;
  const both = `${labels['zh-CN']} ${labels.en}`;
  return readsAs(both) ? [both] : [labels['zh-CN']];
}

/** The dropdown lists, each value as the importer reads it. */
export function templateLists(
  locale: Locale,
  homeAreaCode?: string,
): Record<'colour' | 'sex' | 'idType' | 'relation' | 'markers', string[]> {
  const paren = (a: string, b: string) => (locale === 'zh-CN' ? `${a}（${b}）` : `${a} (${b})`);
  return {
    colour: HOUSEHOLD_COLOURS.map((c) =>
      paren(COLOURS[c].name[locale], colourLabel(c, locale, homeAreaCode)),
    ),
    sex: (['male', 'female'] as const).flatMap((s) =>
      entries(SEX_LABELS[s], locale, (t) => parseSex(t) === s),
    ),
    idType: ID_TYPES.flatMap((t) => entries(ID_TYPE_LABELS[t], locale, (x) => parseIdType(x) === t)),
    relation: RELATIONS.flatMap((r) =>
      entries(RELATION_LABELS[r], locale, (x) => parseRelation(x)?.relation === r && !parseRelation(x)?.text),
    ),
    // the markers column is read as a list (parseMarkers splits at commas): 'elderly, living alone' is two
    markers: MARKERS.flatMap((m) =>
      entries(MARKER_INFO[m].label, locale, (x) => {
        const read = parseMarkers(x);
        return read.unknown.length === 0 && read.markers.length === 1 && read.markers[0] === m;
      }),
    ),
  };
}

const TEXTS = {
  'zh-CN': {
    title: (community: string) => `${community}入户排查台账`,
    placeholder: 'XX社区',
    prompts: {
      colour: '一户一个颜色；空户选“白（空户）”，姓名留空。',
      sex: '不填时按身份证号确定。',
      idType: '不填时按居民身份证处理。',
      relation: '可从列表中选，也可直接填写（如“外甥”）。',
      markers: '可填多项，用“、”隔开，如“党员、志愿者”。',
      travelPlace: '近14天去过的省、市或区县，如“湖北省武汉市”；多个用“、”隔开；没有外出填“无”或留空。',
      travelDate: '返回本地的日期，如 2020-01-20；记不清可留空。',
    },
    helpTitle: '填写说明',
    help: [
      '1. 每位居民填一行。同一户的居民，楼栋、单元、门牌号相同；楼栋、单元可以只在第一行填写、下面留空（导入时按上一行补齐），也可以合并单元格。',
      '2. “姓名”必填；“楼栋”和“门牌号”至少填一项。',
      '3. “身份证号”填 18 位号码，末位的 x 大小写均可。本列已设为文本格式。从别的表格粘贴时请用“选择性粘贴 → 数值”，并检查号码没有变成 4.10105E+17 这样的科学计数法：那样后几位已经丢失，只能重新输入。',
      '4. “证件类型”不填时按居民身份证处理；护照、港澳台通行证等请选择证件类型。',
      '5. “联系电话”填 11 位手机号，或带区号的固定电话（如 0371-12345678）；多个号码用“/”隔开。',
      '6. “颜色”（四级五色）：{colours}。同一户只能有一个颜色；不填时按排查情况确定。',
      '7. 空户：填楼栋、单元、门牌号，颜色选“白（空户）”，姓名留空。',
      '8. “人员类别”用于标注：党员、楼栋长、志愿者（党旗、星星），低保、残疾、独居老人、行动不便（红心）；可填多项，用“、”隔开。',
      '9. “去过的地方”填近14天去过的省、市或区县（如“湖北省武汉市”“孝感”），多个用“、”隔开；“返回日期”填回到本地的日期，记不清可留空，导入后按“日期不详”登记，不会遗漏。',
      '10. 请不要修改第 2 行的表头；第 1 行的标题可以改成本社区的名称。',
    ],
    examplesTitle: '示例（仅供参考，请在“入户排查台账”工作表中填写）',
    examples: [
      [
        '1号楼',
        '1单元',
        '101',
        '张伟',
        '男',
        '居民身份证',
        null,
        '13812345678',
        '户主',
        '郑州市某单位',
        '{green}',
        '党员',
        '无',
        null,
        null,
      ],
      [
        '1号楼',
        '1单元',
        '101',
        '李娜',
        '女',
        '居民身份证',
        null,
        '13912345678',
        '配偶',
        null,
        '{green}',
        null,
        '河南省开封市',
        '2020-01-20',
        null,
      ],
    ],
  },
  en: {
    title: (community: string) => `Household ledger of ${community}`,
    placeholder: 'XX community',
    prompts: {
      colour: 'One colour per household; for an empty household choose white and leave the name blank.',
      sex: 'When blank, the ID number says.',
      idType: 'When blank: resident ID card.',
      relation: 'Choose from the list, or type another word.',
      markers: 'Several may be given, separated by commas.',
      travelPlace:
        'Provinces, cities or counties visited in the last 14 days (湖北省武汉市), several separated by 、; 无 or blank for none.',
      travelDate: 'The day the resident came back, such as 2020-01-20; blank when not known.',
    },
    helpTitle: 'How to fill in',
    help: [
      '1. One row per resident. The residents of a household share building, unit and door number; the building and unit may be given on the first row only and left blank below (they are filled down on import), or merged.',
      '2. The name is required, and the building or the door number.',
      '3. ID number: the 18 characters; a final x may be either case. The column is formatted as text. When pasting from another sheet use Paste Special → Values, and check that no number became 4.10105E+17: its last digits are lost and must be typed again.',
      '4. ID type: when blank, a resident ID card; choose the type for passports and travel permits.',
      '5. Phone: an 11-digit mobile, or a landline with its area code (0371-12345678); several separated by "/".',
      '6. Colour (four levels, five colours): {colours}. One colour per household; when blank, the screening decides.',
      '7. An empty household: building, unit and door number, colour white, no name.',
      '8. Markers: party member, building leader, volunteer (flags and stars); low income, disabled, elderly living alone, immobile (hearts). Several may be given, separated by commas.',
      '9. Places been: the provinces, cities or counties visited in the last 14 days (湖北省武汉市, 孝感), several separated by 、. Date back: the day the resident came back; when not known leave it blank: the stay is recorded with its dates unknown, never dropped.',
      '10. Do not change the header in row 2; the title in row 1 may be changed to your community’s name.',
    ],
    examplesTitle: 'Examples (for reference only: fill in the sheet "Household ledger")',
    examples: [
      [
        'Building 1',
        '1',
        '101',
        'Zhang Wei',
        'male',
        null,
        null,
        '13812345678',
        'head of household',
        'Zhengzhou Water Co.',
        '{green}',
        'party member',
        '无',
        null,
        null,
      ],
      [
        'Building 1',
        '1',
        '101',
        'Li Na',
        'female',
        null,
        null,
        '13912345678',
        'spouse',
        null,
        '{green}',
        null,
        '河南省开封市',
        '2020-01-20',
        null,
      ],
    ],
  },
} as const;

/** the examples' ID numbers: synthetic, valid, one man and one woman */
const EXAMPLE_IDS = [
  generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 11 }),
  generateIdNumber({ regionCode: '410105', birthDate: '1982-03-08', sequence: 22 }),
];

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

function addLists(workbook: ExcelJS.Workbook, locale: Locale, homeAreaCode?: string): Record<string, string> {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS[locale].lists, { state: 'hidden' });
  const refs: Record<string, string> = {};
  Object.entries(templateLists(locale, homeAreaCode)).forEach(([key, values], i) => {
    const col = columnLetter(i);
    sheet.getCell(`${col}1`).value = key;
    values.forEach((v, r) => {
      sheet.getCell(`${col}${r + 2}`).value = v;
    });
    refs[key] = `'${TEMPLATE_SHEETS[locale].lists}'!$${col}$2:$${col}$${values.length + 1}`;
  });
  return refs;
}

function addLedgerSheet(workbook: ExcelJS.Workbook, locale: Locale, title: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS[locale].ledger, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  const last = columnLetter(TEMPLATE_FIELDS.length - 1);
  TEMPLATE_FIELDS.forEach((field, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = WIDTHS[field];
    if (TEXT_FIELDS.has(field)) column.numFmt = '@';
  });
  const titleCell = sheet.getCell('A1');
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(`A1:${last}1`);
  const header = sheet.getRow(HEADER_ROW);
  TEMPLATE_FIELDS.forEach((field, i) => {
    const cell = header.getCell(i + 1);
    cell.value = templateHeader(field, locale);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 22;
  return sheet;
}

function addValidations(sheet: ExcelJS.Worksheet, locale: Locale, lists: Record<string, string>): void {
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  const prompts = TEXTS[locale].prompts;
  const strict = new Set(['colour', 'sex', 'idType']);
  for (const key of Object.keys(prompts) as (keyof typeof prompts)[]) {
    const col = columnLetter(TEMPLATE_FIELDS.indexOf(key));
    // a column without a list (places been, the date back) gets its prompt only
    const list = lists[key];
    validations.add(`${col}${HEADER_ROW + 1}:${col}${HEADER_ROW + TEMPLATE_ROWS}`, {
      ...(list
        ? { type: 'list' as const, formulae: [list] }
        : { type: 'textLength' as const, operator: 'lessThanOrEqual' as const, formulae: [200] }),
      allowBlank: true,
      showInputMessage: true,
      promptTitle: templateHeader(key, locale),
      prompt: prompts[key],
      // relations and markers take other words too (外甥; '党员、志愿者'): the list only helps
      showErrorMessage: strict.has(key) && !!list,
      errorStyle: 'stop',
      errorTitle: templateHeader(key, locale),
      error: prompts[key],
    });
  }
}

function addHelpSheet(workbook: ExcelJS.Workbook, locale: Locale, homeAreaCode?: string): void {
  const t = TEXTS[locale];
  // the colours in the deployment's words, as the dropdown offers them (ledger/colour/palette.ts)
  const colours = templateLists(locale, homeAreaCode).colour;
  const words: Record<string, string> = {
    '{colours}': colours.join(locale === 'zh-CN' ? '、' : ', '),
    '{green}': colours[HOUSEHOLD_COLOURS.indexOf('green')],
  };
  const fill = (s: string) => s.replace(/\{colours\}|\{green\}/g, (w) => words[w]);
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS[locale].help);
  TEMPLATE_FIELDS.forEach((field, i) => {
    sheet.getColumn(i + 1).width = WIDTHS[field];
  });
  const last = columnLetter(TEMPLATE_FIELDS.length - 1);
  sheet.getCell('A1').value = t.helpTitle;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  t.help.map(fill).forEach((line, i) => {
    const r = i + 2;
    sheet.getCell(`A${r}`).value = line;
    sheet.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(`A${r}:${last}${r}`);
    sheet.getRow(r).height = Math.max(18, Math.ceil(line.length / (locale === 'zh-CN' ? 80 : 160)) * 16);
  });
  const top = t.help.length + 3;
  sheet.getCell(`A${top}`).value = t.examplesTitle;
  sheet.getCell(`A${top}`).font = { bold: true };
  const header = sheet.getRow(top + 1);
  TEMPLATE_FIELDS.forEach((field, i) => {
    const cell = header.getCell(i + 1);
    cell.value = templateHeader(field, locale);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  t.examples.forEach((example, k) => {
    const row = sheet.getRow(top + 2 + k);
    TEMPLATE_FIELDS.forEach((field, i) => {
      const cell = row.getCell(i + 1);
      const value = field === 'idNumber' ? EXAMPLE_IDS[k] : example[i] && fill(example[i]);
      if (value !== null) cell.value = value;
      if (TEXT_FIELDS.has(field)) cell.numFmt = '@';
      cell.font = { italic: true, color: { argb: 'FF808080' } };
      cell.border = BORDER;
    });
  });
}

export interface TemplateOptions {
  /** the community named in the title (省民航社区); default a placeholder, XX社区 */
  community?: string;
  /** the deployment's home area (ColourPolicy.homeAreaCode): the colours are named after its city */
  homeAreaCode?: string;
}

/**
 * The ledger template, an .xlsx: the ledger sheet (title, header, text formats, dropdowns), the sheet
 * that says how to fill it in (with two example rows), and a hidden sheet holding the dropdown lists.
 * Read back with readWorkbook and readLedgerSheet, it finds the header on row 2 and maps every column.
 */
export async function buildTemplate(locale: Locale, options: TemplateOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wangge';
  const t = TEXTS[locale];
  const ledger = addLedgerSheet(workbook, locale, t.title(options.community?.trim() || t.placeholder));
  addHelpSheet(workbook, locale, options.homeAreaCode);
  const lists = addLists(workbook, locale, options.homeAreaCode);
  addValidations(ledger, locale, lists);
  return workbookBuffer(workbook);
}
