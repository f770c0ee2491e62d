import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMerges, type CellRange, fillBlanksDown, fillDown, mergedColumns, parseRange } from './fillDown';
import { isBlankCell } from './normalise';

describe('parseRange', () => {
  it('reads A1-style ranges as 0-based rows and columns', () => {
    expect(parseRange('A3:A10')).toEqual({ top: 2, bottom: 9, left: 0, right: 0 });
    expect(parseRange('$B$2:$D$2')).toEqual({ top: 1, bottom: 1, left: 1, right: 3 });
    expect(parseRange('AA1:AB3')).toEqual({ top: 0, bottom: 2, left: 26, right: 27 });
    expect(parseRange('c5')).toEqual({ top: 4, bottom: 4, left: 2, right: 2 });
    expect(parseRange('A10:A3')).toEqual({ top: 2, bottom: 9, left: 0, right: 0 });
    expect(parseRange("'台账'!A3:A10")).toEqual({ top: 2, bottom: 9, left: 0, right: 0 });
    for (const bad of ['', 'A', '3', 'A0', 'A1:B2:C3', '1A:2B', 'A1:'])
      expect(parseRange(bad), bad).toBeUndefined();
  });
});

describe('applyMerges', () => {
  it('fills the first column of each range down, and leaves the input alone', () => {
    const rows = [
      ['台账', null, null],
      ['1号楼', '张三', '101'],
      [null, '李四', null],
      [null, '王五', '102'],
    ];
    const copy = structuredClone(rows);
    const out = applyMerges(rows, ['A1:C1', 'A2:A4', 'C2:C3']);
    expect(out).toEqual([
      ['台账', null, null], // a merge across columns is one value: B1 and C1 stay blank
      ['1号楼', '张三', '101'],
      ['1号楼', '李四', '101'],
      ['1号楼', '王五', '102'],
    ]);
    expect(rows).toEqual(copy);
  });

  it('copes with short, missing and sparse rows, ranges past the end, and bad references', () => {
    const sparse: unknown[][] = [];
    sparse[0] = ['楼'];
    sparse[2] = [];
    const out = applyMerges(sparse, ['A1:A5', 'nonsense', { top: 9, bottom: 12, left: 0, right: 0 }]);
    expect(out).toEqual([['楼'], ['楼'], ['楼']]);
  });

  it('keeps a value of its own inside a range, and does nothing for a blank master', () => {
    expect(applyMerges([['a'], ['b'], [null]], ['A1:A3'])).toEqual([['a'], ['b'], ['a']]);
    expect(applyMerges([[null], ['b'], [null]], ['A1:A3'])).toEqual([[null], ['b'], [null]]);
  });

  it('is idempotent', () => {
    const cell = fc.oneof(fc.constant(null), fc.constant(''), fc.constantFrom('1号楼', '2', '101'));
    const ref = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }))
      .map(([col, top, span]) => `${'ABCDEF'[col]}${top + 1}:${'ABCDEF'[col]}${top + 1 + span}`);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
        fc.array(ref, { maxLength: 4 }),
        (rows, merges) => {
          const once = applyMerges(rows, merges);
          expect(applyMerges(once, merges)).toEqual(once);
        },
      ),
    );
  });
});

describe('fillBlanksDown', () => {
  it('fills blanks in the given columns from the value above, below fromRow', () => {
    const rows = [
      ['楼号', '姓名'],
      ['1号楼', '张三'],
      [null, '李四'],
      ['  ', null],
      ['2号楼', '王五'],
      [undefined, '赵六'],
    ];
    expect(fillBlanksDown(rows, [0], 1)).toEqual([
      ['楼号', '姓名'],
      ['1号楼', '张三'],
      ['1号楼', '李四'],
      ['1号楼', null],
      ['2号楼', '王五'],
      ['2号楼', '赵六'],
    ]);
    // rows above fromRow are neither filled nor read
    expect(fillBlanksDown([['楼号'], [null], ['1号楼']], [0], 1)).toEqual([['楼号'], [null], ['1号楼']]);
  });

  it('leaves no blank below the first value of a filled column', () => {
    const cell = fc.oneof(fc.constant(null), fc.constant(''), fc.constantFrom('a', 'b', 3));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 12 }), (rows) => {
        const out = fillBlanksDown(rows, [0]);
        const first = out.findIndex((r) => !isBlankCell(r[0]));
        if (first >= 0) for (const r of out.slice(first)) expect(isBlankCell(r[0])).toBe(false);
        out.forEach((r, i) => {
          if (!isBlankCell(rows[i][0])) expect(r[0]).toBe(rows[i][0]); // values are kept
          expect(r[1]).toBe(rows[i][1]); // other columns untouched
        });
      }),
    );
  });
});

describe('fillDown', () => {
  it('applies merges, and fills blanks only in group columns that have no merges below the header', () => {
    const rows = [
      ['台账'],
      ['楼号', '单元', '门牌', '姓名'],
      ['1号楼', '1单元', '101', '张三'],
      [null, null, null, '李四'],
      [null, '2单元', '201', '王五'],
      ['2号楼', null, null, '赵六'],
    ];
    const merges = ['A1:D1', 'A3:A5'];
    expect(mergedColumns(merges, 2)).toEqual(new Set([0]));
    expect(mergedColumns(merges, 6)).toEqual(new Set());
    expect(fillDown(rows, merges, { groupColumns: [0, 1, 2], fromRow: 2 })).toEqual([
      ['台账'],
      ['楼号', '单元', '门牌', '姓名'],
      ['1号楼', '1单元', '101', '张三'],
      ['1号楼', '1单元', '101', '李四'],
      ['1号楼', '2单元', '201', '王五'],
      ['2号楼', '2单元', '201', '赵六'],
    ]);
  });
});

describe('merges filled in one sweep per column', () => {
  /** The merges filled range by range, top to bottom, as before the sweep: the reference. */
  function naive(rows: unknown[][], ranges: CellRange[]): unknown[][] {
    const out = rows.map((r) => [...r]);
    for (const { top, bottom, left } of [...ranges].sort((a, b) => a.top - b.top)) {
      if (top >= out.length) continue;
      const v = out[top][left];
      if (isBlankCell(v)) continue;
      for (let r = top + 1; r <= Math.min(bottom, out.length - 1); r++)
        if (isBlankCell(out[r][left])) out[r][left] = v;
    }
    return out;
  }

  it('gives what filling the ranges one by one gives, overlapping ones too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(null, 'a', 'b', ''), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.record({ top: fc.nat(14), height: fc.nat(14), left: fc.nat(2), width: fc.nat(2) }), {
          maxLength: 8,
        }),
        (rows, specs) => {
          const ranges = specs.map((s) => ({
            top: s.top,
            bottom: s.top + s.height,
            left: s.left,
            right: s.left + s.width,
          }));
          expect(applyMerges(rows, ranges)).toEqual(naive(rows, ranges));
        },
      ),
    );
  });

  it('fills 40,000 tall overlapping ranges over 150,000 rows by visiting each row once per column', () => {
    const rows: unknown[][] = Array.from({ length: 150_000 }, (_, r) => (r < 1001 ? ['x'] : []));
    const ranges = Array.from({ length: 40_000 }, (_, i) => `A${2 + (i % 1000)}:A150000`);
    const out = applyMerges(rows, ranges);
    expect(out[149_999][0]).toBe('x');
  });
});
