import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeTable } from '../../places/placeNames';
import { generateIdNumber, idNumberCheckChar } from '../../validators/idNumber';
import { columnRefs, type MappedRow, proposeMapping } from './headers';
import { excelShownNumber, type RowContext, type RowResult, validateRow } from './validateRow';

const TODAY = new Date(2020, 1, 3); // 2020-02-03, local
const HEADERS = [
  '楼号',
  '单元',
  '门牌号',
  '姓名',
  '性别',
  '证件类型',
  '身份证号',
  '联系电话',
  '与户主关系',
  '工作单位',
  '出生日期',
  '党员',
  '低保',
  '人员类别',
  '颜色',
  '是否空户',
  '备注',
];
const COLUMNS = columnRefs(proposeMapping(HEADERS, 0));

function ctx(extra: Partial<RowContext> = {}): RowContext {
  return { row: 5, columns: COLUMNS, locale: 'zh-CN', today: TODAY, ...extra };
}

const MALE_ID = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 13 });
const FEMALE_ID = generateIdNumber({ regionCode: '410105', birthDate: '1982-06-15', sequence: 24 });
const X_ID = generateIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 }); // 11010519491231002X
function withCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}
/** the same ID with a wrong check character */
function badCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}

const PERSON: MappedRow = { building: '1号楼', unit: '1单元', door: '101', name: '张伟', idNumber: MALE_ID };

function codes(result: RowResult): string[] {
  return result.kind === 'rejected' ? result.errors.map((e) => `${e.column}:${e.code}`) : [];
}

describe('a resident row', () => {
  it('keeps free text as typed: full-width punctuation, inner spaces, line breaks', () => {
    const result = validateRow(
      {
        building: '１号楼',
        door: '１０１',
        name: '买买提.艾力',
        relation: '外甥（寄住）',
        workUnit: '郑州市第一人民医院（急诊科）',
        notes: '腿脚不便，需送菜上门；\n女儿电话：１３９',
      },
      ctx(),
    );
    expect(result).toMatchObject({
      kind: 'accepted',
      record: {
        building: '1号楼',
        door: '101',
        name: '买买提.艾力',
        relation: 'other',
        relationText: '外甥（寄住）',
        workUnit: '郑州市第一人民医院（急诊科）',
        notes: '腿脚不便，需送菜上门；\n女儿电话：１３９',
      },
    });
  });

  it('becomes a clean record', () => {
    const result = validateRow(
      {
        building: '１号楼',
        unit: '1 单元',
        door: 101,
        name: ' 张  伟 ',
        sex: '男',
        idType: '身份证',
        idNumber: ` ${MALE_ID.slice(0, 6)} ${MALE_ID.slice(6)} `,
        phone: '138-1234-5678',
        relation: '户主',
        workUnit: '郑州市 第一中学',
        birthDate: new Date(Date.UTC(1980, 0, 1)),
        party_member: '是',
        low_income: '',
        markers: '志愿者、退役军人',
        colour: '绿色',
        notes: '  楼栋长 ',
      },
      ctx(),
    );
    expect(result).toEqual({
      kind: 'accepted',
      record: {
        kind: 'resident',
        row: 5,
        building: '1号楼',
        unit: '1单元',
        door: '101',
        // names, work units and notes stay as typed: only their ends are trimmed
        name: '张  伟',
        sex: 'male',
        birthDate: '1980-01-01',
        idType: 'resident_id',
        idNumber: MALE_ID,
        phone: '13812345678',
        relation: 'head',
        workUnit: '郑州市 第一中学',
        markers: ['party_member', 'volunteer'],
        tags: ['退役军人'],
        colour: 'green',
        notes: '楼栋长',
      },
    });
  });

  it('takes sex and birth date from the ID number, or from their columns when there is none', () => {
    const fromId = validateRow({ ...PERSON, idNumber: FEMALE_ID }, ctx());
    expect(fromId.kind === 'accepted' && fromId.record).toMatchObject({
      sex: 'female',
      birthDate: '1982-06-15',
    });
    const fromColumns = validateRow({ ...PERSON, idNumber: '', sex: '女', birthDate: '1982.6' }, ctx());
    expect(fromColumns.kind === 'accepted' && fromColumns.record).toMatchObject({
      sex: 'female',
      birthDate: '1982-06',
    });
    const lowercase = validateRow({ ...PERSON, idNumber: X_ID.toLowerCase() }, ctx());
    expect(
      lowercase.kind === 'accepted' && lowercase.record.kind === 'resident' && lowercase.record.idNumber,
    ).toBe(X_ID);
  });

  it('needs a name and a place', () => {
    expect(codes(validateRow({ ...PERSON, name: '' }, ctx()))).toEqual(['姓名:name.required']);
    expect(codes(validateRow({ ...PERSON, building: '', unit: '', door: '' }, ctx()))).toEqual([
      '门牌号:location.required',
    ]);
    expect(codes(validateRow({ ...PERSON, name: '张'.repeat(51) }, ctx()))).toEqual(['姓名:text.too_long']);
  });

  it('keeps a relation it does not know, and reads several phone numbers', () => {
    const r = validateRow(
      { ...PERSON, relation: '外甥', phone: '13812345678（本人）/ 0371-6512 3456、13812345678' },
      ctx(),
    );
    expect(r.kind === 'accepted' && r.record).toMatchObject({
      relation: 'other',
      relationText: '外甥',
      phone: '13812345678',
      otherPhones: ['0371-65123456'],
    });
    const numeric = validateRow({ ...PERSON, phone: 13812345678 }, ctx());
    expect(numeric.kind === 'accepted' && numeric.record).toMatchObject({ phone: '13812345678' });
  });

  it('accepts other documents with their own number format', () => {
    const r = validateRow({ ...PERSON, idType: '护照', idNumber: 'e 1234 5678' }, ctx());
    expect(r.kind === 'accepted' && r.record).toMatchObject({ idType: 'passport', idNumber: 'E12345678' });
    expect(codes(validateRow({ ...PERSON, idType: '护照', idNumber: 'E12#' }, ctx()))).toEqual([
      '身份证号:id.format',
    ]);
    expect(codes(validateRow({ ...PERSON, idType: '驾驶证' }, ctx()))).toEqual(['证件类型:id_type.invalid']);
  });

  it('reads any valid ID however it is written, and agrees with its own sex and birth date', () => {
    const toFullWidth = (s: string) =>
      s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1920, 0, 1)),
          max: new Date(Date.UTC(2019, 11, 31)),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        fc.constantFrom('', ' ', "'"),
        (birth, sequence, fullWidth, prefix) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const id = generateIdNumber({ regionCode: '410105', birthDate, sequence });
          const written = prefix + (fullWidth ? toFullWidth(id.toLowerCase()) : id.toLowerCase());
          const sex = sequence % 2 === 1 ? '男' : '女';
          const r = validateRow({ ...PERSON, idNumber: written, sex, birthDate }, ctx());
          expect(r.kind).toBe('accepted');
          if (r.kind === 'accepted' && r.record.kind === 'resident') {
            expect(r.record.idNumber).toBe(id);
            expect(r.record.birthDate).toBe(birthDate);
            expect(r.record.sex).toBe(sequence % 2 === 1 ? 'male' : 'female');
          }
        },
      ),
    );
  });
});

describe('ID numbers', () => {
  it('explains an ID that Excel stored as a number, and how to fix it', () => {
    const asNumber = validateRow({ ...PERSON, idNumber: 4.10105198001011e17 }, ctx());
    expect(codes(asNumber)).toEqual(['身份证号:id.excel_number']);
    const message = asNumber.kind === 'rejected' ? asNumber.errors[0].message : '';
    expect(message).toContain('4.10105E+17');
    expect(message).toContain('文本');
    expect(message).toContain("'");
    const en = validateRow({ ...PERSON, idNumber: 4.10105198001011e17 }, ctx({ locale: 'en' }));
    expect(en.kind === 'rejected' && en.errors[0].message).toMatch(
      /stored the ID number as a number.*Text.*apostrophe/,
    );

    expect(codes(validateRow({ ...PERSON, idNumber: '4.10105E+17' }, ctx()))).toEqual([
      '身份证号:id.excel_number',
    ]);
    const shown = validateRow({ ...PERSON, idNumber: '4.10105E+17' }, ctx());
    expect(shown.kind === 'rejected' && shown.errors[0].message).toContain('4.10105E+17');
    // 18 digits ending in 000 that fail the check: what is left once Excel has rounded
    const rounded = `${MALE_ID.slice(0, 15)}000`;
    expect(idNumberCheckChar(rounded.slice(0, 17))).not.toBe('0');
    expect(codes(validateRow({ ...PERSON, idNumber: rounded }, ctx()))).toEqual(['身份证号:id.excel_number']);
    // any number of 16 digits or more has lost digits, even when what is left happens to pass the check
    expect(codes(validateRow({ ...PERSON, idNumber: 1.1e15 }, ctx()))).toEqual(['身份证号:id.excel_number']);
  });

  it('shows numbers as Excel does', () => {
    expect(excelShownNumber(410105198001011000)).toBe('4.10105E+17');
    expect(excelShownNumber(410000000000000000)).toBe('4.1E+17');
    expect(excelShownNumber(110105194912310000)).toBe('1.10105E+17');
  });

  it('checks the number', () => {
    const cases: [unknown, string][] = [
      [badCheck(MALE_ID), 'id.checksum'],
      [MALE_ID.slice(0, 17), 'id.length'],
      ['410105800101131', 'id.length'],
      [`${MALE_ID.slice(0, 16)}A${MALE_ID[17]}`, 'id.chars'],
      [generateIdNumber({ regionCode: '410105', birthDate: '2020-03-01', sequence: 1 }), 'id.birth_date'],
      [withCheck('00123419800101001'), 'id.region'],
      [withCheck('41010519800230001'), 'id.birth_date'],
    ];
    for (const [id, code] of cases)
      expect(codes(validateRow({ ...PERSON, idNumber: id }, ctx())), String(id)).toEqual([
        `身份证号:${code}`,
      ]);
    const fifteen = validateRow({ ...PERSON, idNumber: '410105800101131' }, ctx());
    expect(fifteen.kind === 'rejected' && fifteen.errors[0].message).toContain('2013');
    const seventeen = validateRow({ ...PERSON, idNumber: MALE_ID.slice(0, 17) }, ctx({ locale: 'en' }));
    expect(seventeen.kind === 'rejected' && seventeen.errors[0].message).toBe(
      'An ID number has 18 characters; this one has 17.',
    );
  });

  it('never repeats the ID number in a message', () => {
    for (const id of [badCheck(MALE_ID), MALE_ID.slice(0, 17)]) {
      const r = validateRow({ ...PERSON, idNumber: id }, ctx());
      expect(r.kind === 'rejected' && r.errors[0].message).not.toContain(id);
    }
  });

  it('checks sex and birth date against the ID number', () => {
    const sex = validateRow({ ...PERSON, sex: '女' }, ctx());
    expect(codes(sex)).toEqual(['性别:sex.id_mismatch']);
    expect(sex.kind === 'rejected' && sex.errors[0].message).toBe(
      '性别“女”与身份证号不符，按身份证号应为“男”。',
    );
    expect(sex.kind === 'rejected' && sex.idNumber).toBe(MALE_ID);
    expect(codes(validateRow({ ...PERSON, sex: 'M' }, ctx()))).toEqual([]);
    expect(codes(validateRow({ ...PERSON, sex: '未知' }, ctx()))).toEqual(['性别:sex.invalid']);
    expect(codes(validateRow({ ...PERSON, birthDate: '1980-01-02' }, ctx()))).toEqual([
      '出生日期:birth_date.id_mismatch',
    ]);
    expect(codes(validateRow({ ...PERSON, birthDate: '1980.01' }, ctx()))).toEqual([]);
    expect(codes(validateRow({ ...PERSON, birthDate: 29221 }, ctx()))).toEqual([]); // 1980-01-01 as a serial
    expect(codes(validateRow({ ...PERSON, birthDate: '不详' }, ctx()))).toEqual([
      '出生日期:birth_date.invalid',
    ]);
    expect(codes(validateRow({ ...PERSON, idNumber: '', birthDate: '2020-02-04' }, ctx()))).toEqual([
      '出生日期:birth_date.invalid',
    ]);
    expect(codes(validateRow({ ...PERSON, idNumber: '', birthDate: '1899-12-31' }, ctx()))).toEqual([
      '出生日期:birth_date.invalid',
    ]);
  });
});

describe('other columns', () => {
  it('checks the phone, the colour and lengths', () => {
    expect(codes(validateRow({ ...PERSON, phone: '1381234' }, ctx()))).toEqual(['联系电话:phone.format']);
    expect(codes(validateRow({ ...PERSON, phone: '13812345678/123' }, ctx()))).toEqual([
      '联系电话:phone.format',
    ]);
    expect(codes(validateRow({ ...PERSON, phone: '（本人）' }, ctx()))).toEqual(['联系电话:phone.format']);
    expect(codes(validateRow({ ...PERSON, colour: '紫' }, ctx()))).toEqual(['颜色:colour.invalid']);
    expect(codes(validateRow({ ...PERSON, colour: '白' }, ctx()))).toEqual([
      '颜色:colour.white_with_residents',
    ]);
    expect(codes(validateRow({ ...PERSON, notes: '备'.repeat(501) }, ctx()))).toEqual(['备注:text.too_long']);
    expect(codes(validateRow({ ...PERSON, door: '1'.repeat(51) }, ctx()))).toEqual(['门牌号:text.too_long']);
  });

  it('gives every error of a row at once, in English too', () => {
    const r = validateRow(
      { ...PERSON, name: '', idNumber: badCheck(MALE_ID), phone: '123', sex: '?' },
      ctx({ locale: 'en' }),
    );
    expect(r).toEqual({
      kind: 'rejected',
      errors: [
        { row: 5, column: '姓名', columnIndex: 3, code: 'name.required', message: 'The name is missing.' },
        {
          row: 5,
          column: '身份证号',
          columnIndex: 6,
          code: 'id.checksum',
          message: 'The check character of the ID number is wrong: check the number for a typing mistake.',
        },
        {
          row: 5,
          column: '性别',
          columnIndex: 4,
          code: 'sex.invalid',
          message: 'Unknown sex "?": write 男 (male) or 女 (female).',
        },
        {
          row: 5,
          column: '联系电话',
          columnIndex: 7,
          code: 'phone.format',
          message: 'Not a phone number: an 11-digit mobile, or a landline with its area code.',
        },
      ],
    });
  });
});

describe('blank rows, headings and empty households', () => {
  it('skips blank rows, judged on the row itself', () => {
    expect(validateRow({}, ctx())).toEqual({ kind: 'blank' });
    expect(validateRow({ name: ' ', idNumber: null, phone: '\u3000' }, ctx())).toEqual({ kind: 'blank' });
    expect(validateRow({ idType: '身份证' }, ctx())).toEqual({ kind: 'blank' }); // a template's pre-filled type
    // filled down from the merged cells above, but blank in the sheet
    expect(
      validateRow({ building: '1号楼', door: '101' }, ctx({ own: { building: null, door: null } })),
    ).toEqual({
      kind: 'blank',
    });
  });

  it('skips a heading: nobody, and no door of its own', () => {
    expect(
      validateRow({ building: '3号楼', door: '101' }, ctx({ own: { building: '3号楼', door: null } })),
    ).toEqual({
      kind: 'heading',
    });
    expect(validateRow({ notes: '注：白色为空户' }, ctx())).toEqual({ kind: 'heading' });
  });

  it('accepts an empty household, however the sheet says so', () => {
    const empty = {
      kind: 'accepted',
      record: {
        kind: 'empty_household',
        row: 5,
        building: '1号楼',
        unit: '2单元',
        door: '201',
        colour: 'white',
      },
    };
    const place = { building: '1号楼', unit: '2单元', door: '201' };
    expect(validateRow({ ...place, name: '空户' }, ctx())).toEqual(empty);
    expect(validateRow({ ...place, name: '（空房）' }, ctx())).toEqual(empty);
    expect(validateRow({ ...place, empty: '是' }, ctx())).toEqual(empty);
    expect(validateRow({ ...place, colour: '白色' }, ctx())).toEqual(empty);
    expect(validateRow({ ...place, colour: '空户' }, ctx())).toEqual(empty);
    expect(validateRow({ ...place }, ctx())).toEqual(empty); // a door of its own, nobody on the row
    expect(validateRow({ ...place, party_member: '否', low_income: '否' }, ctx())).toEqual(empty);
    const withNotes = validateRow({ ...place, name: '空户', notes: '房主在外地' }, ctx());
    expect(withNotes.kind === 'accepted' && withNotes.record.notes).toBe('房主在外地');
    // a sheet without door numbers: a building (a bungalow, a villa) of its own
    const noDoors = columnRefs(proposeMapping(['楼号', '姓名', '身份证号'], 0));
    expect(validateRow({ building: '12号' }, ctx({ columns: noDoors }))).toMatchObject({
      kind: 'accepted',
      record: { kind: 'empty_household', building: '12号' },
    });
  });

  it('rejects an empty household that names a person, has a colour, or no place', () => {
    const place = { building: '1号楼', unit: '2单元', door: '201' };
    expect(codes(validateRow({ ...place, name: '空户', idNumber: MALE_ID }, ctx()))).toEqual([
      '身份证号:household.empty_with_person',
    ]);
    expect(codes(validateRow({ ...place, empty: '是', name: '张伟' }, ctx()))).toEqual([
      '姓名:household.empty_with_person',
    ]);
    expect(codes(validateRow({ ...place, name: '空户', colour: '红' }, ctx()))).toEqual([
      '颜色:colour.empty_household',
    ]);
    expect(codes(validateRow({ name: '空户' }, ctx()))).toEqual(['门牌号:location.required']);
    // a door and a colour that says people live there, but nobody named
    expect(codes(validateRow({ ...place, colour: '红' }, ctx()))).toEqual(['姓名:name.required']);
  });
});

describe('places been and the date back (去过的地方, 返回日期)', () => {
  const places = placeTable([
    '420000\t湖北省',
    '420100\t武汉市',
    '420900\t孝感市',
    '110105\t朝阳区',
    '220104\t朝阳区',
  ]);
  const columns = columnRefs(proposeMapping(['门牌号', '姓名', '近14天旅居史', '返郑日期'], 0));
  const travelCtx = (extra: Partial<RowContext> = {}) =>
    ctx({ columns, places, ledgerDay: '2020-02-03', ...extra });
  const row = (travelPlace: unknown, travelDate?: unknown): MappedRow => ({
    door: '101',
    name: '张伟',
    travelPlace,
    ...(travelDate === undefined ? {} : { travelDate }),
  });

  it('keeps a stay without dates, recorded on the ledger day, never dropped', () => {
    const r = validateRow(row('湖北武汉'), travelCtx());
    expect(r).toMatchObject({
      kind: 'accepted',
      record: {
        travel: [
          { placeCode: '420100', placeName: '湖北武汉', undated: 'unknown', recordedOn: '2020-02-03' },
        ],
      },
    });
  });

  it('ends each stay on the date back, and reads several places', () => {
    const r = validateRow(row('武汉、孝感', '2020.1.23'), travelCtx());
    expect(r.kind === 'accepted' && r.record.kind === 'resident' && r.record.travel).toEqual([
      {
        placeCode: '420100',
        placeName: '武汉',
        to: '2020-01-23',
        undated: 'unknown',
        recordedOn: '2020-02-03',
      },
      {
        placeCode: '420900',
        placeName: '孝感',
        to: '2020-01-23',
        undated: 'unknown',
        recordedOn: '2020-02-03',
      },
    ]);
    const none = validateRow(row('无'), travelCtx());
    expect(none.kind === 'accepted' && none.record.kind === 'resident' && none.record.travel).toBeUndefined();
  });

  it('refuses what it cannot read, naming the column: an unknown place, one of several, a bad or late date, a date alone', () => {
    const err = (r: RowResult) => (r.kind === 'rejected' ? r.errors.map((e) => [e.code, e.column]) : r.kind);
    expect(err(validateRow(row('老家'), travelCtx()))).toEqual([['travel.place_unknown', '近14天旅居史']]);
    expect(err(validateRow(row('朝阳区'), travelCtx()))).toEqual([
      ['travel.place_ambiguous', '近14天旅居史'],
    ]);
    expect(err(validateRow(row('武汉', '上个月'), travelCtx()))).toEqual([
      ['travel.date_invalid', '返郑日期'],
    ]);
    expect(err(validateRow(row('武汉', '2020-02-09'), travelCtx()))).toEqual([
      ['travel.date_future', '返郑日期'],
    ]);
    expect(err(validateRow(row('', '2020-01-23'), travelCtx()))).toEqual([
      ['travel.place_required', '近14天旅居史'],
    ]);
    const message = validateRow(row('老家'), travelCtx());
    expect(message.kind === 'rejected' && message.errors[0].message).toContain('老家');
  });
});
