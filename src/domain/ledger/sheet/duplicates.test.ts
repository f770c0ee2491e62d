import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../validators/idNumber';
import { duplicateIdErrors, findDuplicateIds, sheetDuplicates } from './duplicates';
import { readLedgerSheet } from './readLedger';

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

// ---------------------------------------------------------------------------------------------------
// The two kinds of the same person twice (issue 12): a row given twice, and rows that disagree.

const ZHANG = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 11 });
const LI = generateIdNumber({ regionCode: '410105', birthDate: '1982-03-08', sequence: 22 });
const HEADER = ['序号', '楼号', '单元', '门牌号', '姓名', '身份证号', '联系电话', '与户主关系'];
const read = (rows: unknown[][], locale: 'zh-CN' | 'en' = 'zh-CN') =>
  readLedgerSheet([HEADER, ...rows], [], { locale, today: new Date(2020, 1, 3) });
const errorsOf = (r: ReturnType<typeof read>) => r.errors.map((e) => [e.row, e.column, e.code, e.message]);

describe('sheetDuplicates', () => {
  const contents: Record<number, string> = { 2: 'a', 3: 'a', 4: 'b', 5: 'a', 6: 'c', 7: 'c' };
  const contentOf = (row: number) => contents[row];

  it('keeps the first of a row given twice and names it on the later ones', () => {
    const found = sheetDuplicates(
      [
        { row: 5, idNumber: 'A' },
        { row: 2, idNumber: 'A' },
        { row: 3, idNumber: 'A' },
      ],
      contentOf,
    );
    expect([...found.repeats]).toEqual([
      [3, 2],
      [5, 2],
    ]);
    expect(found.conflicts).toEqual(new Map());
  });

  it('refuses every row that disagrees under one ID number, and a repeat stays a repeat', () => {
    const found = sheetDuplicates(
      [
        { row: 2, idNumber: 'A' },
        { row: 3, idNumber: 'A' },
        { row: 4, idNumber: 'A' },
      ],
      contentOf,
    );
    expect([...found.repeats]).toEqual([[3, 2]]);
    expect([...found.conflicts]).toEqual([
      [2, [4]],
      [4, [2]],
    ]);
  });

  it('finds a resident without an ID number given twice by door and name, and asks only about them', () => {
    const asked: number[] = [];
    const found = sheetDuplicates(
      [
        { row: 6, person: '1|1|101|张伟' },
        { row: 7, person: '1|1|101|张伟' },
        { row: 2, idNumber: 'B' },
      ],
      (row) => {
        asked.push(row);
        return contentOf(row);
      },
    );
    expect([...found.repeats]).toEqual([[7, 6]]);
    expect(found.conflicts).toEqual(new Map());
    expect(asked.sort()).toEqual([6, 7]);
  });

  it('never calls rows without an ID number that differ a conflict', () => {
    const found = sheetDuplicates(
      [
        { row: 4, person: 'x' },
        { row: 5, person: 'x' },
      ],
      contentOf,
    );
    expect(found.repeats).toEqual(new Map());
    expect(found.conflicts).toEqual(new Map());
  });

  it('tells each row apart as a property: repeats name their first, conflicts the other first rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.constantFrom('x', 'y', 'z')), { maxLength: 20 }),
        (list) => {
          const items = list.map(([idNumber], i) => ({ row: i + 2, idNumber }));
          const found = sheetDuplicates(items, (row) => list[row - 2][1]);
          // the first row of each (ID, content), and the first rows of each ID
          const firstOf = (id: string, content: string) =>
            list.findIndex(([d, c]) => d === id && c === content) + 2;
          for (const [i, [id, content]] of list.entries()) {
            const row = i + 2;
            const first = firstOf(id, content);
            const firsts = [...new Set(list.filter(([d]) => d === id).map(([, c]) => firstOf(id, c)))];
            if (first !== row) expect(found.repeats.get(row)).toBe(first);
            else expect(found.repeats.has(row)).toBe(false);
            if (first === row && firsts.length > 1)
              expect(found.conflicts.get(row)).toEqual(firsts.filter((r) => r !== row).sort((x, y) => x - y));
            else expect(found.conflicts.has(row)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('a sheet with the same person twice', () => {
  it('a row pasted twice (only the 序号 differs): the first is imported, the later refused naming it', () => {
    const row = ['3号楼', '1单元', '401', '张伟', ZHANG, '13800138000', '户主'];
    const r = read([
      [1, ...row],
      [2, '3号楼', '1单元', '402', '李娜', LI, '', '户主'],
      [3, ...row],
    ]);
    expect(errorsOf(r)).toEqual([[4, '身份证号', 'row.repeated', '与第 2 行重复，已保留第 2 行。']]);
    expect(r.records.map((x) => x.row)).toEqual([2, 3]);
    expect(r.residents).toBe(2);
    expect(r.rejectedRows).toBe(1);
    const en = read(
      [
        [1, ...row],
        [7, ...row],
      ],
      'en',
    );
    expect(errorsOf(en)).toEqual([[3, '身份证号', 'row.repeated', 'The same as row 2; row 2 is kept.']]);
  });

  it('a row given three times keeps the first and names it on both copies', () => {
    const row = ['3号楼', '1单元', '401', '张伟', ZHANG, '13800138000', '户主'];
    const r = read([
      [1, ...row],
      [2, ...row],
      [3, ...row],
    ]);
    expect(errorsOf(r).map(([row, , code, message]) => [row, code, message])).toEqual([
      [3, 'row.repeated', '与第 2 行重复，已保留第 2 行。'],
      [4, 'row.repeated', '与第 2 行重复，已保留第 2 行。'],
    ]);
    expect(r.records.map((x) => x.row)).toEqual([2]);
  });

  it('two rows that disagree under one ID number (another name, door or phone): both refused, as before', () => {
    for (const other of [
      ['3号楼', '1单元', '401', '张卫', ZHANG, '13800138000', '户主'], // another name
      ['3号楼', '1单元', '402', '张伟', ZHANG, '13800138000', '户主'], // another door
      ['3号楼', '1单元', '401', '张伟', ZHANG, '13900139000', '户主'], // another phone
    ]) {
      const r = read([
        [1, '3号楼', '1单元', '401', '张伟', ZHANG, '13800138000', '户主'],
        [2, ...other],
      ]);
      expect(errorsOf(r)).toEqual([
        [2, '身份证号', 'id.duplicate', '身份证号与第 3 行重复。'],
        [3, '身份证号', 'id.duplicate', '身份证号与第 2 行重复。'],
      ]);
      expect(r.records).toEqual([]);
    }
  });

  it('a copy of a row that is itself refused does not say the first is kept', () => {
    const row = ['3号楼', '1单元', '401', '张伟', ZHANG, '1381234', '户主']; // a bad phone
    const r = read([
      [1, ...row],
      [2, ...row],
    ]);
    expect(errorsOf(r).map(([row, , code, message]) => [row, code, message])).toEqual([
      [2, 'phone.format', expect.any(String)],
      [3, 'row.repeated', '与第 2 行重复（两行内容相同，保留一行即可）。'],
      [3, 'phone.format', expect.any(String)],
    ]);
    // a copy of one of two rows that disagree: the copy is a copy, the two are refused
    const a = ['3号楼', '1单元', '401', '张伟', ZHANG, '13800138000', '户主'];
    const b = ['3号楼', '1单元', '402', '张伟', ZHANG, '13800138000', '户主'];
    const mixed = read([
      [1, ...a],
      [2, ...b],
      [3, ...a],
    ]);
    expect(errorsOf(mixed).map(([row, , code, message]) => [row, code, message])).toEqual([
      [2, 'id.duplicate', '身份证号与第 3 行重复。'],
      [3, 'id.duplicate', '身份证号与第 2 行重复。'],
      [4, 'row.repeated', '与第 2 行重复（两行内容相同，保留一行即可）。'],
    ]);
  });

  it('a resident without an ID number given twice at one door: the first kept', () => {
    const row = ['3号楼', '1单元', '401', '王奶奶', '', '', '母亲'];
    const r = read([
      [1, ...row],
      [2, ...row],
    ]);
    expect(errorsOf(r)).toEqual([[3, '身份证号', 'row.repeated', '与第 2 行重复，已保留第 2 行。']]);
    expect(r.residents).toBe(1);
    // the same name at another door is another person
    const two = read([
      [1, ...row],
      [2, '3号楼', '1单元', '402', '王奶奶', '', '', '母亲'],
    ]);
    expect(two.errors).toEqual([]);
    expect(two.residents).toBe(2);
  });

  it('a row filled down from merged cells is compared as the sheet shows it', () => {
    const r = readLedgerSheet(
      [
        HEADER,
        [1, '3号楼', '1单元', '401', '张伟', ZHANG, '13800138000', '户主'],
        [2, null, null, '401', '张伟', ZHANG, '13800138000', '户主'], // building and unit merged above
      ],
      ['B2:B3', 'C2:C3'],
      { locale: 'zh-CN', today: new Date(2020, 1, 3) },
    );
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[3, 'row.repeated']]);
  });
});
