import { describe, expect, it } from 'vitest';
import { byRowThenColumn, type RowError, rowErrorText } from './rowErrors';

describe('row errors', () => {
  it('sorts the sheet first, then by row, then left to right, an error without a column last in its row', () => {
    const errors: RowError[] = [
      { row: 5, column: null, message: 'c' },
      { row: 5, column: '姓名', columnIndex: 3, message: 'b' },
      { row: null, column: null, message: 'sheet' },
      { row: 5, column: '楼栋', columnIndex: 0, message: 'a' },
      { row: 2, column: '手机号', columnIndex: 9, message: 'first' },
    ];
    expect([...errors].sort(byRowThenColumn).map((e) => e.message)).toEqual([
      'sheet',
      'first',
      'a',
      'b',
      'c',
    ]);
  });

  it('names the row and the column in the caller’s language', () => {
    const e: RowError = { row: 4, column: '手机号', message: '手机号应为 11 位' };
    expect(rowErrorText('zh-CN', e)).toBe('第 4 行“手机号”：手机号应为 11 位');
    expect(rowErrorText('en', { ...e, message: 'Not a phone' })).toBe('Row 4, 手机号: Not a phone');
    expect(rowErrorText('en', { row: 4, column: null, message: 'x' })).toBe('Row 4: x');
    expect(rowErrorText('zh-CN', { row: null, column: null, message: '没有表头' })).toBe('没有表头');
  });
});
