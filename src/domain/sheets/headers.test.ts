import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  columnLabel,
  columnRefs,
  findHeaderRow,
  headerMatcher,
  headerText,
  normaliseHeader,
  proposeMapping,
  rowMapper,
} from './headers';

// A synonym table of another import than the ledger's (a lab's results), to show the layer takes any.
const FIELDS = ['name', 'idNumber', 'sampledOn', 'result'] as const;
type Field = (typeof FIELDS)[number];
const SYNONYMS: Record<Field, string[]> = {
  name: ['姓名', '受检者姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '证件号码', 'id'],
  sampledOn: ['采样日期', '采样时间', '日期'],
  result: ['检测结果', '结果', 'result'],
};
const match = headerMatcher(FIELDS, SYNONYMS);
const isField = (s: unknown): s is Field => (FIELDS as readonly unknown[]).includes(s);
const usable = (f: Partial<Record<Field, number>>) => f.name !== undefined && f.result !== undefined;

describe('header words', () => {
  it('compares headers without what offices add around the word', () => {
    expect(normaliseHeader('* 身份证号码\n（必填）')).toBe('身份证号码');
    expect(normaliseHeader('１.姓名：')).toBe('姓名');
    expect(headerText('身份证号码\n（必填）')).toBe('身份证号码（必填）');
    expect(columnLabel(['姓名', ''], 1)).toBe('B');
  });

  it('matches a word exactly, or a short header holding one (the longest word held wins)', () => {
    expect(match('检测结果')).toEqual({ field: 'result', exact: true });
    expect(match('新冠核酸检测结果')).toEqual({ field: 'result', exact: false });
    expect(match('受检者身份证号码')).toEqual({ field: 'idNumber', exact: false });
    expect(match('本表由社区卫生服务中心于采样当日填报结果')).toBeUndefined(); // a sentence
    expect(match('')).toBeUndefined();
  });
});

describe('the header row and its mapping', () => {
  const rows = [
    ['金水区核酸检测结果汇总表'],
    ['填报单位：省民航社区', '', '日期：2020-02-05'],
    ['序号', '姓名', '身份证号码', '采样日期', '结果', '复核结果'],
    [1, '张三', '410105198001011239', '2020-02-04', '阴性', ''],
  ];

  it('finds the header below the titles, an exact word beating a containing one', () => {
    const p = findHeaderRow(rows, match, usable);
    expect(p?.rowIndex).toBe(2);
    expect(p?.mapping).toEqual({ 1: 'name', 2: 'idNumber', 3: 'sampledOn', 4: 'result' });
    expect(p?.unmapped).toEqual([
      { column: 0, header: '序号', reason: 'unknown' },
      { column: 5, header: '复核结果', reason: 'taken' },
    ]);
    expect(findHeaderRow(rows.slice(0, 2), match, usable)).toBeUndefined();
    expect(findHeaderRow(rows, match, usable, 2)).toBeUndefined();
  });

  it('takes the user’s corrections, and reads rows by field', () => {
    const p = proposeMapping(rows[2], 2, match);
    const corrected = applyMapping(p, { 5: 'result', 3: null }, isField, match);
    expect(corrected.mapping).toEqual({ 1: 'name', 2: 'idNumber', 5: 'result' });
    expect(corrected.unmapped.map((u) => `${u.column}:${u.reason}`)).toEqual([
      '0:unknown',
      '3:ignored',
      '4:taken',
    ]);
    expect(() => applyMapping(p, { 1: 'colour' as Field }, isField, match)).toThrow(RangeError);
    expect(() => applyMapping(p, { 1: 'name', 2: 'name' }, isField, match)).toThrow(RangeError);
    expect(rowMapper(corrected.mapping)(rows[3])).toEqual({
      name: '张三',
      idNumber: '410105198001011239',
      result: '',
    });
    expect(columnRefs(corrected).result).toEqual({ index: 5, label: '复核结果' });
  });
});
