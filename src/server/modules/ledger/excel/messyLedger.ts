// A household ledger as a community office really keeps it (省民航社区, 花园路街道, source 000), for the
// importer's API and browser tests: two title rows and a blank row above the header, the office's own
// header words (楼号, 门牌, 名字, 身份证号码, 手机号), the building merged down its rows, the unit written
// once, a section heading, two blank rows, an empty household (空户), full-width digits, a lowercase x —
// and five rows with something wrong that the importer must report, each at its row. The same sheet with
// every mistake put right reads without an error. Every ID number is synthetic (generateIdNumber).

import ExcelJS from 'exceljs';
import type { LedgerErrorCode } from '../../../../domain/ledger/sheet/messages';
import { toFullWidth } from '../../../../domain/testing/text';
import { generateIdNumber } from '../../../../domain/validators/idNumber';
import { workbookBuffer } from '../../../sheets/excelJs';

const id = (regionCode: string, birthDate: string, sequence: number) =>
  generateIdNumber({ regionCode, birthDate, sequence });

/** the first ID of that person whose check character is X (sequence of the given parity) */
function idEndingInX(birthDate: string, female: boolean): string {
  for (let seq = female ? 0 : 1; seq < 1000; seq += 2) {
    const v = id('410105', birthDate, seq);
    if (v.endsWith('X')) return v;
  }
  throw new Error('no ID ending in X');
}

// odd sequence: a man; even: a woman (GB 11643)
const ZHANG_JIANGUO = id('410105', '1965-03-12', 31);
const LI_XIULAN = idEndingInX('1968-11-23', true);
const ZHANG_WEI = id('410105', '1980-01-01', 123); // 410105198001011239, typed into a General cell
const WANG_FANG = id('410102', '1975-06-30', 44);
const LIU_QIANG = id('410102', '1973-09-09', 57);
const ZHAO_MIN = id('410105', '1988-12-01', 62);
const SUN_HAO = id('410103', '1990-05-05', 35);
const SUN_HAO_MISTYPED = SUN_HAO.slice(0, 17) + (SUN_HAO[17] === '1' ? '2' : '1');
const ZHOU_JIE = id('410105', '1979-07-15', 11);
const WU_LI = id('410105', '1981-02-28', 26);
const QIAN_JIN = id('410104', '1958-10-01', 73);
const CHEN_GANG = id('410105', '1970-08-08', 19);
const CHEN_SIYU = id('410105', '2005-04-18', 48);

/** The columns, as the office heads them. */
const HEADER = [
  '楼号',
  '单元',
  '门牌',
  '名字',
  '性别',
  '身份证号码',
  '手机号',
  '与户主关系',
  '工作单位',
  '人员类别',
  '颜色',
  '备注',
];
const LAST_COLUMN = 'L';

type Cells = readonly unknown[];
type Line =
  /** a data row: [楼号, 单元, 门牌, 名字, 性别, 身份证号码, 手机号, 与户主关系, 工作单位, 人员类别, 颜色, 备注] */
  | { cells: Cells; fixed?: Cells | null }
  | { blank: true }
  /** a section heading merged across the sheet ('二单元') */
  | { heading: string };

/**
 * The data rows from sheet row 5. A building given on a row is merged down over the rows below it up to
 * the next building or heading; `fixed` is the row put right (null: the row is deleted).
 */
const LINES: Line[] = [
  /* 5 */ {
    cells: [
      '3号楼',
      '1单元',
      '101',
      '张建国',
      '男',
      ZHANG_JIANGUO,
      '13838112233',
      '户主',
      '郑州市园林局',
      '党员',
      '绿',
    ],
  },
  /* 6 */ {
    cells: [
      null,
      null,
      '101',
      '李秀兰',
      '女',
      LI_XIULAN.toLowerCase(),
      toFullWidth('13903712234'),
      '妻',
      null,
      null,
      '绿',
    ],
  },
  /* 7: the ID typed into a General cell: Excel kept 15 digits and shows 4.10105E+17 */ {
    cells: [
      null,
      null,
      '101',
      '张伟',
      '男',
      Number(Number(ZHANG_WEI).toPrecision(15)), // what Excel keeps: 410105198001011000
      '13607661234',
      '子',
      '金水区某公司',
      null,
      '绿',
    ],
    fixed: [null, null, '101', '张伟', '男', ZHANG_WEI, '13607661234', '子', '金水区某公司', null, '绿'],
  },
  /* 8: a full-width ID */ {
    cells: [
      null,
      null,
      '102',
      '王芳',
      '女',
      toFullWidth(WANG_FANG),
      '13712345678',
      '户主',
      '丹尼斯超市',
      '低保',
      '黄',
      '1月20日从开封返郑',
    ],
  },
  /* 9: sex disagrees with the ID (a man's) */ {
    cells: [null, null, '102', '刘强', '女', LIU_QIANG, '13512345678', '夫', null, null, '黄'],
    fixed: [null, null, '102', '刘强', '男', LIU_QIANG, '13512345678', '夫', null, null, '黄'],
  },
  /* 10 */ { blank: true },
  /* 11 */ { blank: true },
  /* 12: an empty household */ {
    cells: [null, null, '103', null, null, null, null, null, null, null, '白', '空户'],
  },
  /* 13 */ { heading: '二单元' },
  /* 14: the same ID as row 18 */ {
    cells: [
      '3号楼',
      '2单元',
      '201',
      '赵敏',
      '女',
      ZHAO_MIN,
      '18638123456',
      '户主',
      '省人民医院',
      '党员、志愿者',
      '绿',
    ],
  },
  /* 15: a mistyped check digit */ {
    cells: [
      null,
      null,
      '201',
      '孙浩',
      '男',
      SUN_HAO_MISTYPED,
      '18638123457',
      '配偶',
      '省人民医院',
      null,
      '绿',
    ],
    fixed: [null, null, '201', '孙浩', '男', SUN_HAO, '18638123457', '配偶', '省人民医院', null, '绿'],
  },
  /* 16 */ {
    cells: [null, null, '202', '周杰', '男', ZHOU_JIE, '15036112233', '户主', null, '楼栋长', '绿'],
  },
  /* 17 */ {
    cells: [null, null, '202', '吴丽', '女', WU_LI, '15036112234', '配偶', '金水区第一小学', null, '绿'],
  },
  /* 18: 赵敏 entered a second time, under another door */ {
    cells: [null, null, '203', '赵敏', '女', ZHAO_MIN, '18638123456', '户主', null, null, '绿'],
    fixed: null,
  },
  /* 19 */ {
    cells: [null, null, '203', '钱进', '男', QIAN_JIN, '0371-65881234', '户主', '退休', '独居老人', '绿'],
  },
  /* 20 */ {
    cells: [
      '5号楼',
      '1单元',
      '301',
      '陈刚',
      '男',
      CHEN_GANG,
      '13938556677',
      '户主',
      '郑州市第九中学',
      null,
      '绿',
    ],
  },
  /* 21 */ {
    cells: [null, null, '301', '陈思雨', '女', CHEN_SIYU, null, '女', '学生', null, '绿'],
  },
];

/** What the importer must find in the messy sheet. */
export const MESSY_EXPECTED = {
  sheetName: '入户排查台账',
  /** the header row, 0-based (sheet row 4) */
  headerRowIndex: 3,
  /** every column maps: 楼号→building, 门牌→door, 名字→name, 身份证号码→idNumber, 手机号→phone … */
  mapping: {
    0: 'building',
    1: 'unit',
    2: 'door',
    3: 'name',
    4: 'sex',
    5: 'idNumber',
    6: 'phone',
    7: 'relation',
    8: 'workUnit',
    9: 'markers',
    10: 'colour',
    11: 'notes',
  },
  /** each deliberately wrong row (sheet row number) and its error, by row */
  errors: [
    { row: 7, code: 'id.excel_number', column: '身份证号码' },
    { row: 9, code: 'sex.id_mismatch', column: '性别' },
    { row: 14, code: 'id.duplicate', column: '身份证号码' },
    { row: 15, code: 'id.checksum', column: '身份证号码' },
    { row: 18, code: 'id.duplicate', column: '身份证号码' },
  ] as const satisfies readonly { row: number; code: LedgerErrorCode; column: string }[],
  /** rows 5, 6, 8, 16, 17, 19, 20, 21 */
  residents: 8,
  /** 101, 102, 103 (empty), 202, 203, 301 */
  households: 6,
  emptyHouseholds: 1,
  blankRows: 2,
  /** 二单元 (row 13), and the footnote under the table (row 22) */
  headingRows: 2,
  rejectedRows: 5,
  /** a valid resident with a lowercase x and a full-width phone (row 6), and one with a full-width ID (row 8) */
  normalised: [
    { row: 6, idNumber: LI_XIULAN, phone: '13903712234' },
    { row: 8, idNumber: WANG_FANG },
  ],
} as const;

/** What the importer must find in the corrected sheet: no error at all. */
export const FIXED_EXPECTED = {
  sheetName: MESSY_EXPECTED.sheetName,
  headerRowIndex: MESSY_EXPECTED.headerRowIndex,
  /** the 8 valid ones, and 张伟, 刘强, 赵敏, 孙浩 put right */
  residents: 12,
  /** 101, 102, 103 (empty), 201, 202, 203, 301 */
  households: 7,
  emptyHouseholds: 1,
} as const;

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

async function build(fixed: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '省民航社区';
  const ws = wb.addWorksheet(MESSY_EXPECTED.sheetName);
  ws.columns = [8, 8, 8, 10, 6, 22, 16, 10, 18, 14, 6, 20].map((width) => ({ width }));
  ws.getCell('A1').value = '花园路街道省民航社区入户排查台账';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells(`A1:${LAST_COLUMN}1`);
  ws.getCell('A2').value = '填报单位：省民航社区居委会　　　　填报日期：2020年1月28日';
  ws.mergeCells(`A2:${LAST_COLUMN}2`);
  ws.getRow(4).values = HEADER;
  ws.getRow(4).font = { bold: true };
  ws.getRow(4).eachCell((c) => {
    c.border = BORDER;
  });

  let r = 5;
  let block: { start: number; end: number } | undefined;
  const closeBlock = () => {
    if (block && block.end > block.start) ws.mergeCells(`A${block.start}:A${block.end}`);
    block = undefined;
  };
  for (const line of LINES) {
    if ('blank' in line) {
      if (block) block.end = r;
      r++;
      continue;
    }
    if ('heading' in line) {
      closeBlock();
      ws.getCell(r, 1).value = line.heading;
      ws.getCell(r, 1).font = { bold: true };
      ws.mergeCells(`A${r}:${LAST_COLUMN}${r}`);
      r++;
      continue;
    }
    const cells = fixed && line.fixed !== undefined ? line.fixed : line.cells;
    if (cells === null) continue;
    if (cells[0] !== null) {
      closeBlock();
      block = { start: r, end: r };
    } else if (block) block.end = r;
    const row = ws.getRow(r);
    cells.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
    // the office formatted the ID column as text, except in the row where the ID became a number
    const idCell = row.getCell(6);
    if (typeof idCell.value === 'string') idCell.numFmt = '@';
    for (let c = 1; c <= HEADER.length; c++) row.getCell(c).border = BORDER;
    r++;
  }
  closeBlock();
  ws.getCell(`A${r}`).value =
    '注：白色为空户，党员、楼栋长、志愿者用党旗和星星标注，低保、残疾家庭用红心标注。';
  return workbookBuffer(wb);
}

/** The messy ledger, an .xlsx (see MESSY_EXPECTED for what reading it must give). */
export function messyLedgerSheet(): Promise<Buffer> {
  return build(false);
}

/** The same ledger with every mistake put right: reads with no error (see FIXED_EXPECTED). */
export function fixedMessyLedgerSheet(): Promise<Buffer> {
  return build(true);
}
