// Which merged range a cell is in, among tens of thousands (a building merged over its rows, each door
// over its family): for each column, the ranges covering it sorted by their top row, searched by
// halving. Excel's ranges never overlap, so at most one covers a cell.

import { parseRange } from '../../domain/sheets/fillDown';

export interface CellPosition {
  /** 0-based */
  row: number;
  col: number;
}

/**
 * A function giving the top-left cell of the merged range a cell is in (the cell itself when none). A
 * column's list is made when a cell of it is first asked for, so a range as wide as the sheet (A1:XFD1)
 * costs one entry per column asked for, not 16,384.
 */
export function mergeIndex(merges: readonly string[]): (row: number, col: number) => CellPosition {
  const ranges: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const ref of merges) {
    const r = parseRange(ref);
    if (r) ranges.push(r);
  }
  const byColumn = new Map<number, { top: number; bottom: number; left: number }[]>();
  const columnList = (col: number) => {
    let list = byColumn.get(col);
    if (!list) {
      list = ranges.filter((r) => r.left <= col && col <= r.right).sort((a, b) => a.top - b.top);
      byColumn.set(col, list);
    }
    return list;
  };
  return (row, col) => {
    const list = columnList(col);
    if (list.length === 0) return { row, col };
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].top <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const range = found === -1 ? undefined : list[found];
    return range && row <= range.bottom ? { row: range.top, col: range.left } : { row, col };
  };
}
