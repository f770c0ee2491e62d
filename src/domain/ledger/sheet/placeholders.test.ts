import { describe, expect, it } from 'vitest';
import { columnRefs, proposeMapping } from './headers';
import { isPlaceholder, placeholderOf } from './placeholders';
import { readLedgerSheet } from './readLedger';
import { type RowContext, type RowResult, validateRow } from './validateRow';
import { isEmptyWord } from './values';

const EMPTY = [
  '（空户）',
  '(空户)',
  '空户',
  ' 空 户 ',
  '【空户】',
  '[空房]',
  '空',
  '（空）',
  '无人',
  '无人居住',
  '暂无人员',
  '（暂无人员）',
  '无人员',
  '暂无住户',
  '未入住',
  'Vacant',
  'EMPTY',
];
const NONE = [
  '无',
  '（无）',
  '暂无',
  '没有',
  '/',
  '／',
  '//',
  '\\',
  '—',
  '——',
  '－',
  '-',
  '--',
  '–',
  '―',
  '_',
  '…',
  '、',
  '*',
  '***',
  'N/A',
  'n/a',
  'NULL',
  '（）',
];
const NAMES = ['吴无忌', '王无', '空海', '张空', '无名氏', '高空', '空军', '张三', '李-四', 'A', '王 无忌'];

describe('placeholders (what offices write in a cell with no value)', () => {
  it('reads the words for nobody lives here as empty, whatever their width or brackets', () => {
    for (const s of EMPTY) expect(placeholderOf(s), s).toBe('empty');
    for (const s of EMPTY) expect(isEmptyWord(s), s).toBe(true);
  });

  it('reads the words and marks for nothing written as none', () => {
    for (const s of NONE) expect(placeholderOf(s), s).toBe('none');
    for (const s of NONE) expect(isEmptyWord(s), s).toBe(false);
  });

  it('never takes a real name (one that merely contains 空 or 无) or a blank for a placeholder', () => {
    for (const s of [...NAMES, '', '   ']) expect(isPlaceholder(s), s).toBe(false);
  });
});

const HEADERS = [
  '楼号',
  '单元',
  '门牌号',
  '姓名',
  '性别',
  '身份证号',
  '联系电话',
  '与户主关系',
  '是否空户',
  '备注',
];
const COLUMNS = columnRefs(proposeMapping(HEADERS, 0));
const ctx = (extra: Partial<RowContext> = {}): RowContext => ({
  row: 7,
  columns: COLUMNS,
  locale: 'zh-CN',
  today: new Date(2020, 1, 3),
  ...extra,
});
const PLACE = { building: '3号楼', unit: '1单元', door: '402' };
const EMPTY_HOUSEHOLD: RowResult = {
  kind: 'accepted',
  record: { kind: 'empty_household', row: 7, building: '3号楼', unit: '1单元', door: '402', colour: 'white' },
};

describe('an empty household with a placeholder where the name goes', () => {
  it('is an empty household, not "an empty household with a resident\'s data"', () => {
    for (const name of [...EMPTY, ...NONE]) {
      expect(validateRow({ ...PLACE, name }, ctx()), name).toEqual(EMPTY_HOUSEHOLD);
      // the 空户 column says so, and the name cell holds a placeholder
      expect(validateRow({ ...PLACE, name, empty: '是' }, ctx()), name).toEqual(EMPTY_HOUSEHOLD);
    }
  });

  it('is an empty household when every person column holds a placeholder', () => {
    const row = {
      ...PLACE,
      name: '（空户）',
      sex: '/',
      idNumber: '/',
      phone: '—',
      relation: '无',
      empty: '是',
    };
    expect(validateRow(row, ctx())).toEqual(EMPTY_HOUSEHOLD);
    expect(validateRow({ ...row, name: '/' }, ctx())).toEqual(EMPTY_HOUSEHOLD);
  });

  it('keeps its notes as typed', () => {
    expect(validateRow({ ...PLACE, name: '暂无人员', notes: '房主在外地' }, ctx())).toEqual({
      kind: 'accepted',
      record: { ...(EMPTY_HOUSEHOLD as { record: object }).record, notes: '房主在外地' },
    });
  });

  it('is still refused when it names a real person or carries an ID number', () => {
    const codes = (r: RowResult) => (r.kind === 'rejected' ? r.errors.map((e) => e.code) : []);
    expect(codes(validateRow({ ...PLACE, name: '吴无忌', empty: '是' }, ctx()))).toEqual([
      'household.empty_with_person',
    ]);
    expect(codes(validateRow({ ...PLACE, name: '空户', phone: '13800138000' }, ctx()))).toEqual([
      'household.empty_with_person',
    ]);
  });
});

describe('a resident with placeholders', () => {
  it('keeps a real name as typed, even one with 空 or 无 in it', () => {
    for (const name of ['吴无忌', '王无', '空海', '无名氏']) {
      const r = validateRow({ ...PLACE, name }, ctx());
      expect(r.kind === 'accepted' && r.record.kind === 'resident' && r.record.name, name).toBe(name);
    }
  });

  it('reads a placeholder phone, sex or relation as not given', () => {
    const r = validateRow({ ...PLACE, name: '张伟', phone: '无', sex: '/', relation: '—' }, ctx());
    expect(r).toMatchObject({ kind: 'accepted', record: { kind: 'resident', name: '张伟' } });
    expect(r.kind === 'accepted' && r.record.kind === 'resident' && r.record.phone).toBeUndefined();
  });

  it('asks for the name when a placeholder stands where a resident with an ID number is named', () => {
    const r = validateRow({ ...PLACE, name: '无', phone: '13800138000' }, ctx());
    expect(r.kind === 'rejected' && r.errors.map((e) => `${e.column}:${e.code}`)).toEqual([
      '姓名:name.required',
    ]);
  });
});

describe('a sheet as an office fills it', () => {
  it('reads the placeholder rows as empty households beside the residents', () => {
    const sheet = [
      HEADERS,
      ['3号楼', '1单元', '401', '张伟', '男', '', '13800138000', '户主', '', ''],
      ['3号楼', '1单元', '402', '（空户）', '/', '/', '/', '/', '是', ''],
      ['3号楼', '1单元', '403', '—', '', '', '', '', '', '常年在外'],
      ['3号楼', '1单元', '404', '暂无人员', '', '', '', '', '', ''],
      ['3号楼', '1单元', '405', '吴无忌', '男', '', '', '户主', '', ''],
    ];
    const read = readLedgerSheet(sheet, [], { locale: 'zh-CN', today: new Date(2020, 1, 3) });
    expect(read.errors).toEqual([]);
    expect(read.residents).toBe(2);
    expect(read.emptyHouseholds).toBe(3);
    expect(read.households.map((h) => [h.door, h.empty, h.residents.map((r) => r.name)])).toEqual([
      ['401', false, ['张伟']],
      ['402', true, []],
      ['403', true, []],
      ['404', true, []],
      ['405', false, ['吴无忌']],
    ]);
  });
});
