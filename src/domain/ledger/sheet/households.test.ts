import { describe, expect, it } from 'vitest';
import { columnRefs, proposeMapping } from './headers';
import { chineseNumber, groupHouseholds, householdKey, placeKey } from './households';
import type { EmptyHouseholdRecord, ResidentRecord } from './validateRow';

const COLUMNS = columnRefs(proposeMapping(['楼号', '单元', '门牌号', '姓名', '身份证号', '颜色'], 0));

function resident(row: number, door: string, extra: Partial<ResidentRecord> = {}): ResidentRecord {
  return {
    kind: 'resident',
    row,
    building: '1号楼',
    unit: '1单元',
    door,
    name: `居民${row}`,
    idType: 'resident_id',
    markers: [],
    ...extra,
  };
}

function empty(row: number, door: string): EmptyHouseholdRecord {
  return { kind: 'empty_household', row, building: '1号楼', unit: '1单元', door, colour: 'white' };
}

describe('household keys', () => {
  it('reads Chinese numerals', () => {
    const cases: [string, number | undefined][] = [
      ['一', 1],
      ['两', 2],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['二十三', 23],
      ['一百零五', 105],
      ['零', 0],
      ['二三', undefined],
      ['1', undefined],
      ['', undefined],
    ];
    for (const [s, n] of cases) expect(chineseNumber(s), s).toBe(n);
  });

  it('tells the same building, unit and door apart from their spellings', () => {
    for (const b of ['1号楼', '1栋', '1幢', '一号楼', '01', '1', '第1栋', '1#'])
      expect(placeKey('building', b), b).toBe('1');
    for (const u of ['2单元', '二单元', '2', '02单元', '第二单元']) expect(placeKey('unit', u), u).toBe('2');
    for (const d of ['101', '101室', '101号', '0101']) expect(placeKey('door', d), d).toBe('101');
    expect(placeKey('door', '1-101')).toBe('1-101');
    expect(placeKey('building', 'A座')).toBe('A');
    expect(placeKey('building', '楼')).toBe('楼');
    expect(placeKey('unit', '')).toBe('');
    expect(householdKey({ building: '一号楼', unit: '1单元', door: '101室' })).toBe(
      householdKey({ building: '1栋', unit: '一单元', door: '101' }),
    );
    expect(householdKey({ building: '1号楼', unit: '', door: '101' })).not.toBe(
      householdKey({ building: '1号楼', unit: '1单元', door: '101' }),
    );
  });
});

describe('groupHouseholds', () => {
  it('groups residents by place, in the order of their first row', () => {
    const { households, errors } = groupHouseholds(
      [
        resident(3, '101', { markers: ['party_member'], colour: 'green' }),
        resident(4, '102'),
        resident(5, '101室', { markers: ['low_income', 'party_member'] }),
        empty(6, '201'),
      ],
      { columns: COLUMNS, locale: 'zh-CN' },
    );
    expect(errors).toEqual([]);
    expect(households.map((h) => [h.door, h.rows, h.empty, h.colour, h.markers])).toEqual([
      ['101', [3, 5], false, 'green', ['party_member', 'low_income']],
      ['102', [4], false, undefined, []],
      ['201', [6], true, 'white', []],
    ]);
    expect(households[0].residents.map((r) => r.row)).toEqual([3, 5]);
  });

  it('rejects a second colour in one household, and an empty household where residents are listed', () => {
    const { households, errors, rejectedRows } = groupHouseholds(
      [
        resident(3, '101', { colour: 'green' }),
        resident(4, '101', { colour: 'red' }),
        resident(5, '101', { colour: 'green' }),
        empty(7, '101'),
        empty(8, '102'),
      ],
      { columns: COLUMNS, locale: 'zh-CN' },
    );
    expect(errors).toEqual([
      {
        row: 4,
        column: '颜色',
        columnIndex: 5,
        code: 'colour.conflict',
        message: '同一户的颜色不一致：第 3 行是绿色，这一行是红色。',
      },
      {
        row: 7,
        column: '姓名',
        columnIndex: 3,
        code: 'household.empty_conflict',
        message: '这一户标为空户，但第 3、4、5 行登记了这一户的居民。',
      },
    ]);
    expect([...rejectedRows].sort()).toEqual([4, 7]);
    expect(households.map((h) => [h.door, h.rows, h.colour])).toEqual([
      ['101', [3, 5], 'green'],
      ['102', [8], 'white'],
    ]);
  });
});
