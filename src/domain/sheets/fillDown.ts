// Merged cells in ledger sheets: a building number merged over all its rows, a door number over the rows
// of its family. Excel keeps the value in the top-left cell only; the rows below read blank. These
// functions give every row its value. Pure: they return new arrays and never change their input.
//
// Rows and columns are 0-based indexes into the 2-D array (rows[0] is sheet row 1, column 0 is A);
// merge ranges are given as Excel writes them ('A3:A10', as ExcelJS reports worksheet merges).

import { isBlankCell } from './normalise';

/** A rectangle of cells, 0-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 'A' → 0, 'Z' → 25, 'AA' → 26 */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * An A1-style range ('A3:A10', '$B$2:$D$2', 'C5' for a single cell, a sheet name before '!' ignored) as
 * 0-based rows and columns, corners in any order. Undefined when it is not one.
 */
export function parseRange(ref: string): CellRange | undefined {
  const parts = ref.trim().replace(/^.*!/, '').split(':');
  if (parts.length > 2) return undefined;
  const cells = parts.map((p) => CELL.exec(p.trim()));
  if (cells.some((c) => c === null)) return undefined;
  const rows = cells.map((c) => Number((c as RegExpExecArray)[2]) - 1);
  const cols = cells.map((c) => columnIndex((c as RegExpExecArray)[1]));
  if (rows.some((r) => r < 0)) return undefined;
  return {
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
}

function toRanges(merges: readonly (string | CellRange)[]): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    const range = typeof m === 'string' ? parseRange(m) : m;
    if (range) out.push(range);
  }
  return out;
}

function copyRows(rows: readonly (readonly unknown[])[]): unknown[][] {
  // Array.from, not map: a sparse array (ExcelJS's getSheetValues) gets [] for its holes
  return Array.from(rows, (row) => (row ? Array.from(row) : []));
}

/**
 * Fills each merged range's value down its first column over the range's rows ('A3:A10': A4..A10 get
 * A3's value). Only the first column: a merge across columns ('A1:K1', a title; 'H3:I3', a header over
 * two columns) is one value, not one per column, so the other columns stay blank. A cell of the range
 * that has a value of its own (a merge Excel would have warned about) keeps it.
 */
export function applyMerges(
  rows: readonly (readonly unknown[])[],
  merges: readonly (string | CellRange)[],
): unknown[][] {
  const out = copyRows(rows);
  mergeInPlace(out, merges);
  return out;
}

function mergeInPlace(out: unknown[][], merges: readonly (string | CellRange)[]): void {
  // column by column, ranges top to bottom, each row filled at most once: the work is the rows plus the
  // ranges, however tall or overlapping the ranges are (a hostile sheet's 40,000 ranges over the same
  // rows cost no more than one). Same result as filling each range in turn, top to bottom: a row below
  // the reach of an earlier range with a value already holds that value.
  const byColumn = new Map<number, CellRange[]>();
  for (const range of toRanges(merges)) {
    if (range.top >= out.length || range.bottom <= range.top) continue;
    const list = byColumn.get(range.left) ?? [];
    list.push(range);
    byColumn.set(range.left, list);
  }
  for (const [left, ranges] of byColumn) {
    ranges.sort((a, b) => a.top - b.top);
    let reach = -1; // the last row an earlier range with a value has filled
    for (const { top, bottom } of ranges) {
      const value = out[top][left];
      if (isBlankCell(value)) continue;
      const last = Math.min(bottom, out.length - 1);
      for (let r = Math.max(top, reach) + 1; r <= last; r++) {
        if (isBlankCell(out[r][left])) out[r][left] = value;
      }
      reach = Math.max(reach, last);
    }
  }
}

/** The columns that have a vertical merge (over two rows or more) reaching row fromRow or below. */
export function mergedColumns(merges: readonly (string | CellRange)[], fromRow = 0): Set<number> {
  const out = new Set<number>();
  for (const { top, bottom, left } of toRanges(merges)) {
    if (bottom > top && bottom >= fromRow) out.add(left);
  }
  return out;
}

/**
 * Fills blank cells of the given columns from the nearest value above, from row fromRow down: sheets
 * that leave the building or door blank to mean "same as above". Rows before fromRow (the title and the
 * header) are neither filled nor read.
 */
export function fillBlanksDown(
  rows: readonly (readonly unknown[])[],
  columns: Iterable<number>,
  fromRow = 0,
): unknown[][] {
  const out = copyRows(rows);
  fillBlanksInPlace(out, columns, fromRow);
  return out;
}

function fillBlanksInPlace(out: unknown[][], columns: Iterable<number>, fromRow: number): void {
  for (const c of columns) {
    let last: unknown;
    for (let r = Math.max(0, fromRow); r < out.length; r++) {
      if (!isBlankCell(out[r][c])) last = out[r][c];
      else if (last !== undefined) out[r][c] = last;
    }
  }
}

export interface FillDownOptions {
  /** the columns to fill: the building, unit and door columns */
  groupColumns: readonly number[];
  /** the first data row (the row after the header) */
  fromRow: number;
}

/**
 * Merged cells, then blanks: applies the merges (every column), then, in each group column that has
 * no vertical merge among the data rows, fills blanks down from the value above. A sheet that merges
 * its building cells says what belongs together; one that does not merge leaves blanks to mean the same.
 */
export function fillDown(
  rows: readonly (readonly unknown[])[],
  merges: readonly (string | CellRange)[],
  options: FillDownOptions,
): unknown[][] {
  const merged = mergedColumns(merges, options.fromRow);
  const out = copyRows(rows);
  mergeInPlace(out, merges);
  fillBlanksInPlace(
    out,
    options.groupColumns.filter((c) => !merged.has(c)),
    options.fromRow,
  );
  return out;
}
