import { describe, expect, it } from 'vitest';
import { fitMapping, headerKey } from './mappingMemory';

describe('headerKey', () => {
  it('is the same for the same columns, however the header is spaced, broken or widened', () => {
    const a = headerKey(['序号', '楼号', '门牌号', '姓名', '身份证号码\n（必填）', '联系电话']);
    expect(headerKey(['序号', '楼 号', '门牌号', ' 姓名 ', '身份证号码（必填）', '联系电话', '', ''])).toBe(
      a,
    );
    expect(headerKey(['序号', '楼号', '门牌号', '姓名', '身份证号码(必填)', '联系电话'])).toBe(a);
  });

  it('differs when a column is added, moved or renamed', () => {
    const a = headerKey(['楼号', '门牌号', '姓名']);
    expect(headerKey(['楼号', '门牌号', '姓名', '电话'])).not.toBe(a);
    expect(headerKey(['门牌号', '楼号', '姓名'])).not.toBe(a);
    expect(headerKey(['楼栋', '门牌号', '姓名'])).not.toBe(a);
    expect(headerKey(['', '楼号', '门牌号', '姓名'])).not.toBe(a);
  });

  it('is empty for a row with no header', () => {
    expect(headerKey([])).toBe('');
    expect(headerKey(['', null, '  '])).toBe('');
  });
});

describe('fitMapping', () => {
  it('gives every column, null where nothing is mapped', () => {
    expect(fitMapping({ 0: 'door', 2: 'name', 3: null }, 4)).toEqual({
      0: 'door',
      1: null,
      2: 'name',
      3: null,
    });
  });

  it('drops columns past the sheet, unknown fields, and a field given twice after its first column', () => {
    expect(fitMapping({ 0: 'name', 1: 'name', 2: 'colour_of_sky', 5: 'phone' }, 3)).toEqual({
      0: 'name',
      1: null,
      2: null,
    });
  });
});
