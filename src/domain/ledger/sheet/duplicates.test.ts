import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateIdErrors, findDuplicateIds } from './duplicates';

describe('findDuplicateIds', () => {
  it('names, for every row of a repeated ID, the other rows', () => {
    const found = findDuplicateIds([
      { row: 4, idNumber: 'A' },
      { row: 5, idNumber: 'B' },
      { row: 10, idNumber: 'A' },
      { row: 7, idNumber: 'A' },
    ]);
    expect([...found.entries()].sort(([a], [b]) => a - b)).toEqual([
      [4, [7, 10]],
      [7, [4, 10]],
      [10, [4, 7]],
    ]);
    expect(findDuplicateIds([])).toEqual(new Map());
    expect(
      findDuplicateIds([
        { row: 3, idNumber: 'A' },
        { row: 3, idNumber: 'A' },
      ]),
    ).toEqual(new Map());
  });

  it('reports exactly the rows whose ID occurs more than once, each naming all the others', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { maxLength: 20 }), (ids) => {
        const items = ids.map((idNumber, i) => ({ row: i + 2, idNumber }));
        const found = findDuplicateIds(items);
        for (const { row, idNumber } of items) {
          const others = items.filter((o) => o.idNumber === idNumber && o.row !== row).map((o) => o.row);
          if (others.length === 0) expect(found.has(row)).toBe(false);
          else expect(found.get(row)).toEqual(others);
        }
      }),
    );
  });
});

describe('duplicateIdErrors', () => {
  it('gives one error per row, in its column, in the caller’s language', () => {
    const items = [
      { row: 10, idNumber: 'A' },
      { row: 4, idNumber: 'A' },
      { row: 12, idNumber: 'A' },
    ];
    expect(duplicateIdErrors(items, { index: 6, label: '身份证号' }, 'zh-CN')).toEqual([
      {
        row: 4,
        column: '身份证号',
        columnIndex: 6,
        code: 'id.duplicate',
        message: '身份证号与第 10、12 行重复。',
      },
      {
        row: 10,
        column: '身份证号',
        columnIndex: 6,
        code: 'id.duplicate',
        message: '身份证号与第 4、12 行重复。',
      },
      {
        row: 12,
        column: '身份证号',
        columnIndex: 6,
        code: 'id.duplicate',
        message: '身份证号与第 4、10 行重复。',
      },
    ]);
    expect(duplicateIdErrors(items.slice(0, 2), undefined, 'en')).toEqual([
      {
        row: 4,
        column: null,
        columnIndex: null,
        code: 'id.duplicate',
        message: 'The same ID number is in row 10.',
      },
      {
        row: 10,
        column: null,
        columnIndex: null,
        code: 'id.duplicate',
        message: 'The same ID number is in row 4.',
      },
    ]);
  });
});

describe('long lists of rows', () => {
  it('names the first five rows and counts the rest', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ row: i + 2, idNumber: 'A' }));
    const [zh] = duplicateIdErrors(items, undefined, 'zh-CN');
    expect(zh.message).toBe('身份证号与第 3、4、5、6、7 等 39 行重复。');
    const [en] = duplicateIdErrors(items, undefined, 'en');
    expect(en.message).toBe('The same ID number is in row 3, 4, 5, 6, 7 and 34 more.');
  });
});
