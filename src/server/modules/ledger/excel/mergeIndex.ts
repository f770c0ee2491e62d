// Which merged range a cell is in, among tens of thousands (a building merged over its rows, each door
// over its family): for each column, the ranges covering it sorted by their top row, searched by
// halving. Excel's ranges never overlap, so at most one covers a cell.

import { parseRange } from '../../../../domain/ledger/sheet/fillDown';

export interface CellPosition {
  /** 0-based */
  row: number;
  col: number;
}

/** A function giving the top-left cell of the merged range a cell is in (the cell itself when none). */
export function mergeIndex(merges: readonly string[]): (row: number, col: number) => CellPosition {
  const byColumn = new Map<number, { top: number; bottom: number; left: number }[]>();
  for (const ref of merges) {
    const r = parseRange(ref);
    if (!r) continue;
    for (let c = r.left; c <= r.right; c++) {
      const list = byColumn.get(c) ?? [];
      list.push({ top: r.top, bottom: r.bottom, left: r.left });
      byColumn.set(c, list);
    }
  }
  for (const list of byColumn.values()) list.sort((a, b) => a.top - b.top);
  return (row, col) => {
    const list = byColumn.get(col);
    if (!list) return { row, col };
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
