import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFullWidth } from '../../testing/text';
import {
  applyMapping,
  columnLabel,
  columnLetter,
  columnRefs,
  FIELD_LABELS,
  fieldColumns,
  findHeaderRow,
  HEADER_SYNONYMS,
  headerText,
  LEDGER_FIELDS,
  type LedgerField,
  mapRow,
  matchHeader,
  normaliseHeader,
  proposeMapping,
} from './headers';

const HEADER = [
  '序号',
  '楼号',
  '单元',
  '门牌号',
  '姓名',
  '性别',
  '身份证号码',
  '手机号',
  '与户主关系',
  '备注',
];
const HEADER_FIELDS = {
  1: 'building',
  2: 'unit',
  3: 'door',
  4: 'name',
  5: 'sex',
  6: 'idNumber',
  7: 'phone',
  8: 'relation',
  9: 'notes',
} as const;

describe('the fields', () => {
  it('has a label in both languages and header words for every field', () => {
    for (const f of LEDGER_FIELDS) {
      expect(FIELD_LABELS[f]['zh-CN'], f).not.toBe('');
      expect(FIELD_LABELS[f].en, f).not.toBe('');
      expect(HEADER_SYNONYMS[f].length, f).toBeGreaterThan(0);
    }
    expect(LEDGER_FIELDS).toContain('party_member');
    expect(LEDGER_FIELDS).toContain('low_income');
    expect(new Set(LEDGER_FIELDS).size).toBe(LEDGER_FIELDS.length);
  });

  it('gives each header word to one field only', () => {
    const seen = new Map<string, LedgerField>();
    for (const f of LEDGER_FIELDS) {
      for (const w of HEADER_SYNONYMS[f]) {
        const k = normaliseHeader(w);
        expect(seen.get(k), `${w} in ${f} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, f);
      }
    }
  });
});

describe('normaliseHeader and matchHeader', () => {
  it('ignores what offices write around the header word', () => {
    expect(normaliseHeader('身份证号码\n（必填）')).toBe('身份证号码');
    expect(normaliseHeader('* 姓 名')).toBe('姓名');
    expect(normaliseHeader('姓名*')).toBe('姓名');
    expect(normaliseHeader('姓名（必填）*')).toBe('姓名');
    expect(normaliseHeader('联系电话：')).toBe('联系电话');
    expect(normaliseHeader('【必填】身份证号')).toBe('身份证号');
    expect(normaliseHeader('出生日期(年-月-日)')).toBe('出生日期');
    expect(normaliseHeader('3.姓名')).toBe('姓名');
    expect(normaliseHeader('ＩＤ Number')).toBe('idnumber');
    expect(normaliseHeader({ richText: [{ text: '门牌' }, { text: '号' }] })).toBe('门牌号');
  });

  it('matches every header word of every field, however it is decorated', () => {
    const words = LEDGER_FIELDS.flatMap((field) => HEADER_SYNONYMS[field].map((word) => ({ field, word })));
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.constantFrom('', '*', '※'),
        fc.constantFrom('', '（必填）', '(必填)', '*', '：', '\n(18位)', '（选填）'),
        fc.boolean(),
        fc.boolean(),
        ({ field, word }, before, after, spaced, fullWidth) => {
          let w = spaced ? [...word].join(' ') : word;
          if (fullWidth) w = toFullWidth(w);
          expect(matchHeader(`${before}${w}${after}`)).toEqual({ field, exact: true });
        },
      ),
    );
  });

  it('finds a header word inside a short header, the longest first', () => {
    expect(matchHeader('户主身份证号码')).toEqual({ field: 'idNumber', exact: false });
    expect(matchHeader('居民联系电话')).toEqual({ field: 'phone', exact: false });
    expect(matchHeader('户主姓名')).toEqual({ field: 'name', exact: false });
    expect(matchHeader('残疾类别')).toEqual({ field: 'disabled', exact: false });
    expect(matchHeader('所在单元')).toEqual({ field: 'unit', exact: false });
    // a single character only as a whole header: 楼层 is no building
    expect(matchHeader('楼层')).toBeUndefined();
    expect(matchHeader('栋')).toEqual({ field: 'building', exact: true });
    // a sentence is no header
    expect(matchHeader('填报人：王芳 联系电话：13812345678')).toBeUndefined();
    expect(matchHeader('序号')).toBeUndefined();
    expect(matchHeader('')).toBeUndefined();
    expect(matchHeader(null)).toBeUndefined();
  });

  it('shows headers as the sheet does, and names columns by letter when blank', () => {
    expect(headerText('身份证号码\n（必填）')).toBe('身份证号码（必填）');
    expect(headerText('姓\u3000名')).toBe('姓名');
    expect(headerText(' 姓 名 ')).toBe('姓名');
    expect(headerText('ID  number')).toBe('ID number');
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(columnLabel(['姓名', ''], 0)).toBe('姓名');
    expect(columnLabel(['姓名', ''], 1)).toBe('B');
    expect(columnLabel(['姓名'], 5)).toBe('F');
  });
});

describe('proposeMapping', () => {
  it('maps each recognised column and lists the others', () => {
    const p = proposeMapping(HEADER, 2);
    expect(p.rowIndex).toBe(2);
    expect(p.mapping).toEqual(HEADER_FIELDS);
    expect(p.unmapped).toEqual([{ column: 0, header: '序号', reason: 'unknown' }]);
    expect(p.headers).toEqual(HEADER);
  });

  it('gives a field to one column: an exact word first, then the leftmost', () => {
    const p = proposeMapping(['姓名', '紧急联系人电话', '联系电话', '手机', '门牌号'], 0);
    expect(p.mapping).toEqual({ 0: 'name', 2: 'phone', 4: 'door' });
    expect(p.unmapped).toEqual([
      { column: 1, header: '紧急联系人电话', reason: 'taken' },
      { column: 3, header: '手机', reason: 'taken' },
    ]);
  });

  it('maps marker columns to their markers', () => {
    const p = proposeMapping(
      ['姓名', '门牌', '政治面貌', '是否低保', '残疾人', '独居老人', '行动不便', '人员类别', '颜色'],
      0,
    );
    expect(Object.values(p.mapping)).toEqual([
      'name',
      'door',
      'party_member',
      'low_income',
      'disabled',
      'elderly_alone',
      'immobile',
      'markers',
      'colour',
    ]);
  });
});

describe('findHeaderRow', () => {
  const fillers: unknown[][] = [
    ['省民航社区入户排查台账'],
    ['填报日期：', new Date(Date.UTC(2020, 1, 3))],
    ['填报单位：花园路街道省民航社区', null, null, '填报人：王芳', null, '联系电话：13812345678'],
    [],
    [null, null, '', '  '],
    ['户籍信息', null, null, null, '人员信息'],
    ['2020年2月3日'],
    ['注：红色为重点关注户，橙色为居家隔离户，白色为空户'],
    ['姓名', '性别'], // names people, but neither ID nor door: not a header row
  ];

  it('finds the header below titles and filler rows', () => {
    const rows = [fillers[0], fillers[1], HEADER, ['1', '1号楼', '1单元', '101', '张伟', '男']];
    const p = findHeaderRow(rows);
    expect(p?.rowIndex).toBe(2);
    expect(p?.mapping).toEqual(HEADER_FIELDS);
  });

  it('finds it wherever it is, whatever filler rows are above it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fillers), { maxLength: 15 }),
        fc.boolean(),
        (above, withData) => {
          const rows = [
            ...above,
            HEADER,
            ...(withData ? [['1', '1号楼', '1单元', '101', '张伟', '男', '']] : []),
          ];
          const p = findHeaderRow(rows);
          expect(p?.rowIndex).toBe(above.length);
          expect(p?.mapping).toEqual(HEADER_FIELDS);
        },
      ),
    );
  });

  it('looks only as far as maxScan, and needs a name and an ID or door column', () => {
    const rows = [...Array.from({ length: 20 }, () => ['标题']), HEADER];
    expect(findHeaderRow(rows)).toBeUndefined();
    expect(findHeaderRow(rows, 21)?.rowIndex).toBe(20);
    expect(findHeaderRow([['姓名', '性别', '电话']])).toBeUndefined();
    expect(findHeaderRow([['姓名', '身份证']])?.mapping).toEqual({ 0: 'name', 1: 'idNumber' });
    expect(findHeaderRow([['房号', '名字']])?.mapping).toEqual({ 0: 'door', 1: 'name' });
    expect(findHeaderRow([])).toBeUndefined();
  });

  it('prefers the row that names more fields (a sub-header under a group header)', () => {
    const rows = [
      ['门牌号', '姓名', '户主信息'],
      ['门牌号', '姓名', '身份证号', '电话'],
    ];
    expect(findHeaderRow(rows)?.rowIndex).toBe(1);
  });
});

describe('applyMapping', () => {
  const proposal = proposeMapping(['序号', '房号', '名字', '证件号码', '电话', '说明'], 0);

  it('lets the user correct the proposal', () => {
    expect(proposal.mapping).toEqual({ 1: 'door', 2: 'name', 3: 'idNumber', 4: 'phone', 5: 'notes' });
    const corrected = applyMapping(proposal, { 0: 'door', 1: 'unit', 5: null });
    expect(corrected.mapping).toEqual({ 0: 'door', 1: 'unit', 2: 'name', 3: 'idNumber', 4: 'phone' });
    expect(corrected.unmapped).toEqual([{ column: 5, header: '说明', reason: 'ignored' }]);
    expect(corrected.rowIndex).toBe(0);
    expect(corrected.headers).toBe(proposal.headers);
  });

  it('releases a field the user gives to another column', () => {
    const corrected = applyMapping(proposal, { 5: 'phone' });
    expect(corrected.mapping).toEqual({ 1: 'door', 2: 'name', 3: 'idNumber', 5: 'phone' });
    expect(corrected.unmapped).toEqual([
      { column: 0, header: '序号', reason: 'unknown' },
      { column: 4, header: '电话', reason: 'taken' },
    ]);
  });

  it('keys may be strings, as a JSON body gives them', () => {
    const corrections = JSON.parse('{"0":"building"}') as Record<number, LedgerField>;
    expect(applyMapping(proposal, corrections).mapping[0]).toBe('building');
  });

  it('refuses what cannot be a mapping', () => {
    expect(() => applyMapping(proposal, { [-1]: 'name' })).toThrow(RangeError);
    expect(() => applyMapping(proposal, { 0: 'nonsense' as LedgerField })).toThrow(RangeError);
    expect(() => applyMapping(proposal, { 0: 'door', 1: 'door' })).toThrow(RangeError);
  });
});

describe('mapRow, fieldColumns and columnRefs', () => {
  it('reads a row by field', () => {
    const p = proposeMapping(['姓名', '', '门牌'], 0);
    expect(fieldColumns(p.mapping)).toEqual({ name: 0, door: 2 });
    expect(mapRow(['张三', 'x', '101'], p.mapping)).toEqual({ name: '张三', door: '101' });
    expect(mapRow(['张三'], p.mapping)).toEqual({ name: '张三', door: undefined });
    const withBlank = applyMapping(p, { 1: 'phone' });
    expect(columnRefs(withBlank)).toEqual({
      name: { index: 0, label: '姓名' },
      phone: { index: 1, label: 'B' },
      door: { index: 2, label: '门牌' },
    });
  });
});
