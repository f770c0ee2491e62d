import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFullWidth } from '../../testing/text';
import { generateIdNumber } from '../../validators/idNumber';
import { type LedgerSheetResult, readLedgerSheet } from './readLedger';

const TODAY = new Date(2020, 1, 3); // 2020-02-03

/** the first ID of that person whose check character is X (a male child here) */
function idEndingInX(birthDate: string): string {
  for (let seq = 1; seq < 1000; seq += 2) {
    const id = generateIdNumber({ regionCode: '410105', birthDate, sequence: seq });
    if (id.endsWith('X')) return id;
  }
  throw new Error('no ID ending in X');
}

const ZHANG_WEI = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 11 }); // male
const LI_NA = generateIdNumber({ regionCode: '410105', birthDate: '1982-03-08', sequence: 22 }); // female
const WANG_XIAOMING = idEndingInX('2008-09-01'); // male, ends in X
const SUN_LI = generateIdNumber({ regionCode: '410102', birthDate: '1975-11-20', sequence: 44 }); // female
const ZHOU_JIE = generateIdNumber({ regionCode: '410103', birthDate: '1990-05-05', sequence: 35 }); // male
const ZHENG_SHUANG = generateIdNumber({ regionCode: '410105', birthDate: '1986-07-07', sequence: 88 }); // female
const ZHENG_XIAO = generateIdNumber({ regionCode: '410105', birthDate: '2012-12-12', sequence: 66 }); // female
const BAD_CHECK = ZHOU_JIE.slice(0, 17) + (ZHOU_JIE[17] === '1' ? '2' : '1');

/** the full-width, spaced ID a Chinese input method and a careless paste give */
const LI_NA_WRITTEN = ` ${toFullWidth(LI_NA.slice(0, 6))} ${toFullWidth(LI_NA.slice(6, 14))}\u3000${LI_NA.slice(14)} `;

const ID_HEADER = '身份证号码\n（必填）';
const ID_COLUMN = '身份证号码（必填）';

/**
 * A ledger as a community office keeps it (省民航社区): a title merged across the sheet, a date and
 * "filled in by" row, the header row with the office's own words, the building merged over its rows,
 * doors merged over their families, the unit written once and left blank below, a blank row, an ID
 * number Excel stored as a number, a full-width ID, the same ID twice, an empty household, a family
 * with two colours, and a footnote.
 */
const SHEET: unknown[][] = [
  /* 1 */ ['省民航社区入户排查台账'],
  /* 2 */ [
    '填报日期：',
    new Date(Date.UTC(2020, 1, 3)),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '填报人：',
    '王芳',
  ],
  /* 3 */ [
    '序号',
    '楼号',
    '单元',
    '门牌号',
    '姓名',
    '性别',
    ID_HEADER,
    '手机号',
    '与户主关系',
    '工作单位',
    '党员',
    '低保',
    '颜色',
    '备注',
  ],
  /* 4 */ [
    1,
    '1号楼',
    '1单元',
    '101',
    '张伟',
    '男',
    ZHANG_WEI,
    13812345678,
    '户主',
    '郑州市第一中学',
    '是',
    '',
    '绿',
    '',
  ],
  /* 5 */ [2, null, null, null, '李娜', '女', LI_NA_WRITTEN, '139 1234 5679', '配偶', '', '', '', '绿', ''],
  /* 6 */ [
    3,
    null,
    null,
    '102',
    '王强',
    '男',
    4.10105198001011e17,
    '13712345678',
    '户主',
    '',
    '',
    '',
    '',
    '',
  ],
  /* 7 */ [
    4,
    null,
    null,
    null,
    '王小明',
    '',
    WANG_XIAOMING.toLowerCase(),
    '',
    '子',
    '金水区实验小学',
    '',
    '',
    '',
    '',
  ],
  /* 8 */ [5, null, null, null, null, null, null, null, null, null, null, null, null, null],
  /* 9 */ [6, null, '2单元', '201', '空户', '', '', '', '', '', '', '', '', '房主在外地'],
  /* 10 */ [7, '2号楼', '1单元', '101', '赵刚', '男', ZHANG_WEI, '15012345678', '户主', '', '', '', '', ''],
  /* 11 */ [8, null, null, '102', '孙丽', '男', SUN_LI, '', '户主', '', '', '', '', ''],
  /* 12 */ [9, null, null, '103', '周杰', '男', BAD_CHECK, '1381234', '户主', '', '', '', '', ''],
  /* 13 */ [10, null, null, '104', '吴刚', '男', '4.10105E+17', '', '户主', '', '', '', '', ''],
  /* 14 */ [
    11,
    null,
    null,
    '105',
    '郑爽',
    '女',
    ZHENG_SHUANG,
    ' 18612345678 ',
    '户主',
    '',
    '',
    '√',
    '黄',
    '',
  ],
  /* 15 */ [12, null, null, null, '郑小爽', '女', ZHENG_XIAO, '', '女', '', '', '', '红', ''],
  /* 16 */ [],
  /* 17 */ ['填表人：王芳      审核人：李强'],
];
const MERGES = ['A1:N1', 'B4:B9', 'D4:D5', 'D6:D7', 'B10:B15', 'D14:D15'];

function errorList(result: LedgerSheetResult): [number | null, string | null, string][] {
  return result.errors.map((e) => [e.row, e.column, e.code]);
}

describe('readLedgerSheet on a real, messy ledger', () => {
  const result = readLedgerSheet(SHEET, MERGES, { locale: 'zh-CN', today: TODAY });

  it('finds the header row below the title and the date row, with the office’s words', () => {
    expect(result.header?.rowIndex).toBe(2);
    expect(result.header?.mapping).toEqual({
      1: 'building',
      2: 'unit',
      3: 'door',
      4: 'name',
      5: 'sex',
      6: 'idNumber',
      7: 'phone',
      8: 'relation',
      9: 'workUnit',
      10: 'party_member',
      11: 'low_income',
      12: 'colour',
      13: 'notes',
    });
    expect(result.header?.unmapped).toEqual([{ column: 0, header: '序号', reason: 'unknown' }]);
  });

  it('reports every rejected row with its sheet row, its column header and the reason', () => {
    expect(errorList(result)).toEqual([
      [4, ID_COLUMN, 'id.duplicate'], // the same ID as row 10
      [6, ID_COLUMN, 'id.excel_number'], // 4.10105198001011E+17, a number
      [10, ID_COLUMN, 'id.duplicate'],
      [11, '性别', 'sex.id_mismatch'], // 男, but the ID is a woman's
      [12, ID_COLUMN, 'id.checksum'],
      [12, '手机号', 'phone.format'],
      [13, ID_COLUMN, 'id.excel_number'], // '4.10105E+17', text
      [15, '颜色', 'colour.conflict'], // red in a household row 14 says is yellow
    ]);
    expect(result.errors.map((e) => e.columnIndex)).toEqual([6, 6, 6, 5, 6, 7, 6, 12]);
    const message = (row: number) => result.errors.find((e) => e.row === row)?.message;
    expect(message(4)).toBe('身份证号与第 10 行重复。');
    expect(message(10)).toBe('身份证号与第 4 行重复。');
    expect(message(6)).toContain('显示为 4.10105E+17');
    expect(message(6)).toContain('“文本”');
    expect(message(13)).toContain('显示为 4.10105E+17');
    expect(message(11)).toBe('性别“男”与身份证号不符，按身份证号应为“女”。');
    expect(message(15)).toBe('同一户的颜色不一致：第 14 行是黄色，这一行是红色。');
    for (const e of result.errors) expect(e.message).not.toMatch(/\d{17}[\dX]/); // no ID in a message
  });

  it('accepts the valid rows, normalised, with their sheet row numbers', () => {
    expect(result.records.map((r) => r.row)).toEqual([5, 7, 9, 14]);
    expect(result.records[0]).toEqual({
      kind: 'resident',
      row: 5,
      building: '1号楼', // from the merged B4:B9
      unit: '1单元', // the blank below '1单元' (no merge in that column)
      door: '101', // from the merged D4:D5
      name: '李娜',
      sex: 'female',
      birthDate: '1982-03-08',
      idType: 'resident_id',
      idNumber: LI_NA, // full-width and spaces gone
      phone: '13912345679',
      relation: 'spouse',
      markers: [],
      colour: 'green',
    });
    expect(result.records[1]).toMatchObject({
      row: 7,
      door: '102',
      idNumber: WANG_XIAOMING,
      sex: 'male',
      relation: 'son',
    });
    expect(WANG_XIAOMING.endsWith('X')).toBe(true);
    expect(result.records[2]).toEqual({
      kind: 'empty_household',
      row: 9,
      building: '1号楼',
      unit: '2单元',
      door: '201',
      colour: 'white',
      notes: '房主在外地',
    });
    expect(result.records[3]).toMatchObject({
      row: 14,
      building: '2号楼',
      unit: '1单元',
      door: '105',
      phone: '18612345678',
      markers: ['low_income'],
      colour: 'yellow',
    });
  });

  it('groups the accepted rows into households, the empty one included', () => {
    expect(
      result.households.map((h) => [h.building, h.unit, h.door, h.rows, h.empty, h.colour ?? null]),
    ).toEqual([
      ['1号楼', '1单元', '101', [5], false, 'green'],
      ['1号楼', '1单元', '102', [7], false, null],
      ['1号楼', '2单元', '201', [9], true, 'white'],
      ['2号楼', '1单元', '105', [14], false, 'yellow'],
    ]);
  });

  it('counts what it read', () => {
    expect({
      dataRows: result.dataRows,
      skippedBlank: result.skippedBlank,
      skippedHeadings: result.skippedHeadings,
      rejectedRows: result.rejectedRows,
      residents: result.residents,
      emptyHouseholds: result.emptyHouseholds,
    }).toEqual({
      dataRows: 12, // rows 4..15; the blank row 16 and the footnote in an unmapped column come after the last
      skippedBlank: 1, // row 8
      skippedHeadings: 0,
      rejectedRows: 7, // 4, 6, 10, 11, 12, 13, 15
      residents: 3,
      emptyHouseholds: 1,
    });
  });

  it('speaks English when asked, with the same rows, columns and codes', () => {
    const en = readLedgerSheet(SHEET, MERGES, { locale: 'en', today: TODAY });
    expect(errorList(en)).toEqual(errorList(result));
    expect(en.errors[0].message).toBe('The same ID number is in row 10.');
    expect(en.errors[1].message).toContain('shown as 4.10105E+17');
  });

  it('gives the same answer with the title and filler rows shuffled and repeated above the header', () => {
    const fillers = [
      SHEET[0],
      SHEET[1],
      [],
      [null, '  '],
      ['（2020年2月3日）'],
      ['户籍信息', null, null, null, '人员信息'],
    ];
    const shift = (ref: string, by: number) => ref.replace(/\d+/g, (n) => String(Number(n) + by));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fillers), { maxLength: 12 }), (above) => {
        const rows = [...above, ...SHEET.slice(2)];
        const by = above.length - 2;
        const merges = MERGES.slice(1).map((m) => shift(m, by));
        const shifted = readLedgerSheet(rows, merges, { locale: 'zh-CN', today: TODAY });
        expect(shifted.header?.rowIndex).toBe(above.length);
        expect(errorList(shifted)).toEqual(
          errorList(result).map(([row, col, code]) => [(row ?? 0) + by, col, code]),
        );
        expect(shifted.records.map((r) => r.row)).toEqual(result.records.map((r) => r.row + by));
      }),
      { numRuns: 50 },
    );
  });
});

describe('readLedgerSheet, other sheets', () => {
  it('fills blank building and door cells from above when the sheet has no merges', () => {
    const rows = [
      ['楼栋', '房号', '名字', '证件号码'],
      ['3栋', '301', '张伟', ZHANG_WEI],
      ['', '', '李娜', LI_NA],
      [null, '302', '空户', ''],
    ];
    const r = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.households.map((h) => [h.building, h.door, h.rows, h.empty])).toEqual([
      ['3栋', '301', [2, 3], false],
      ['3栋', '302', [4], true],
    ]);
  });

  it('skips repeated header rows and section headings', () => {
    const header = ['楼号', '门牌号', '姓名', '身份证号'];
    const rows = [
      header,
      ['1号楼', '101', '张伟', ZHANG_WEI],
      ['2号楼'],
      header,
      [null, '201', '李娜', LI_NA],
    ];
    const r = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.skippedHeadings).toBe(2);
    expect(r.records.map((rec) => [rec.row, rec.building, rec.door])).toEqual([
      [2, '1号楼', '101'],
      [5, '2号楼', '201'],
    ]);
  });

  it('says so when there is no header row, without throwing', () => {
    const r = readLedgerSheet([['省民航社区入户排查台账'], ['张伟', ZHANG_WEI]], [], { locale: 'zh-CN' });
    expect(r.header).toBeNull();
    expect(r.records).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: null,
        column: null,
        columnIndex: null,
        code: 'sheet.no_header',
        message: expect.stringContaining('前 20 行中没有找到表头行'),
      },
    ]);
    expect(readLedgerSheet([], [], { locale: 'en' }).errors.map((e) => e.code)).toEqual(['sheet.no_header']);
    expect(
      readLedgerSheet([['a']], [], { locale: 'en', headerRowIndex: 5 }).errors.map((e) => e.code),
    ).toEqual(['sheet.no_header']);
  });

  it('takes the header row and the mapping the user chose', () => {
    const rows = [
      ['居民', '住址', '号码'],
      ['张伟', '101', ZHANG_WEI],
    ];
    const none = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY });
    expect(none.errors.map((e) => e.code)).toEqual(['sheet.no_header']);

    const unmapped = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY, headerRowIndex: 0 });
    expect(unmapped.header?.mapping).toEqual({});
    expect(unmapped.errors.map((e) => e.code)).toEqual(['mapping.no_name', 'mapping.no_location']);

    const mapped = readLedgerSheet(rows, [], {
      locale: 'zh-CN',
      today: TODAY,
      headerRowIndex: 0,
      mapping: { 0: 'name', 1: 'door', 2: 'idNumber' },
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.records).toMatchObject([{ row: 2, name: '张伟', door: '101', idNumber: ZHANG_WEI }]);
  });

  it('answers a malformed mapping with an error, not an exception', () => {
    const rows = [['门牌号', '姓名', '身份证号']];
    const r = readLedgerSheet(rows, [], { locale: 'zh-CN', mapping: { 0: 'name', 1: 'name' } });
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[null, 'mapping.invalid']]);
    expect(r.header?.rowIndex).toBe(0);
  });

  it('lets a corrected mapping set a column aside', () => {
    const rows = [
      ['门牌号', '姓名', '身份证号', '电话'],
      ['101', '张伟', ZHANG_WEI, '不详'],
    ];
    const as = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY });
    expect(as.errors.map((e) => e.code)).toEqual(['phone.format']);
    const aside = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY, mapping: { 3: null } });
    expect(aside.errors).toEqual([]);
    expect(aside.header?.unmapped).toEqual([{ column: 3, header: '电话', reason: 'ignored' }]);
  });

  it('reads a sparse sheet as ExcelJS gives it, with holes for missing rows', () => {
    const rows: unknown[][] = [];
    rows[1] = ['门牌号', '姓名', '身份证号'];
    rows[3] = ['101', '张伟', ZHANG_WEI];
    const r = readLedgerSheet(rows, [], { locale: 'zh-CN', today: TODAY });
    expect(r.header?.rowIndex).toBe(1);
    expect(r.records.map((rec) => rec.row)).toEqual([4]);
    expect(r.skippedBlank).toBe(1);
  });
});

describe('readLedgerSheet, progress', () => {
  it('tells the rows checked every thousand rows, from none to all', () => {
    const rows: unknown[][] = [['门牌号', '姓名']];
    for (let i = 0; i < 2500; i++) rows.push([String(1000 + i), `居民${i}`]);
    const told: [number, number][] = [];
    readLedgerSheet(rows, [], { locale: 'zh-CN', onProgress: (done, total) => told.push([done, total]) });
    expect(told).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});
