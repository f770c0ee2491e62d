import { describe, expect, it } from 'vitest';
import { mergeIndex } from './mergeIndex';

describe('mergeIndex', () => {
  it('finds the top-left cell of the range a cell is in', () => {
    const masterOf = mergeIndex(['A1:L1', 'A5:A12', 'A14:A19', 'C5:D6', 'bad']);
    expect(masterOf(0, 5)).toEqual({ row: 0, col: 0 }); // L1 → A1
    expect(masterOf(8, 0)).toEqual({ row: 4, col: 0 }); // A9 → A5
    expect(masterOf(12, 0)).toEqual({ row: 12, col: 0 }); // A13: between ranges
    expect(masterOf(18, 0)).toEqual({ row: 13, col: 0 });
    expect(masterOf(19, 0)).toEqual({ row: 19, col: 0 });
    expect(masterOf(5, 3)).toEqual({ row: 4, col: 2 }); // D6 → C5
    expect(masterOf(2, 7)).toEqual({ row: 2, col: 7 }); // no range in H
  });

  it('stays fast with tens of thousands of ranges', () => {
    const merges = Array.from({ length: 30_000 }, (_, i) => `A${3 + i * 3}:A${5 + i * 3}`);
    const masterOf = mergeIndex(merges);
    for (let r = 2; r < 90_000; r += 7) {
      const m = masterOf(r, 0);
      expect(m.row).toBe(r - ((r - 2) % 3));
    }
  });
});
