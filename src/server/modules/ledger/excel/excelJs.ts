// ExcelJS glue: loading and writing whole workbooks as Node Buffers, and a fix for how slowly ExcelJS
// loads sheets with many merged ranges.
//
// ExcelJS's typings declare a Buffer of their own (an ArrayBuffer); at run time it takes and gives Node
// Buffers, which is what these functions say.
//
// On load, ExcelJS checks every merged range against every one before it (Worksheet._parseMergeCells →
// _mergeCellsInternal): quadratic. A ledger merges the building over its rows and the door over each
// family, so a 100,000-row sheet has tens of thousands of merges: 12,500 of them added 22 s to a load.
// The replacement does the same merges, checking overlaps once with a set of the cells taken (a range
// that overlaps one before it is skipped, as Excel would refuse it), in linear time.

import ExcelJS from 'exceljs';

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The worksheet internals the fix touches (ExcelJS 4.4, lib/doc/worksheet.js). */
interface WorksheetInternals {
  _merges: Record<string, MergeRange>;
  mergeCellsWithoutStyle(range: string): void;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
}

let patched = false;

function linearMerges(): void {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('x')) as WorksheetInternals;
  if (typeof proto._parseMergeCells !== 'function' || typeof proto.mergeCellsWithoutStyle !== 'function')
    return;
  proto._parseMergeCells = function (this: WorksheetInternals, model) {
    const all: Record<string, MergeRange> = {};
    const taken = new Set<number>();
    for (const ref of model.mergeCells ?? []) {
      const range = parseRange(ref);
      if (!range) continue;
      const cells: number[] = [];
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) cells.push(r * 16_384 + c);
      if (cells.some((k) => taken.has(k))) continue;
      for (const k of cells) taken.add(k);
      // no range in _merges: ExcelJS's own check has nothing to compare with
      this._merges = {};
      this.mergeCellsWithoutStyle(ref);
      Object.assign(all, this._merges);
    }
    this._merges = all;
  };
}

/** 'A1:B3' as 1-based rows and columns (ExcelJS's), or undefined. */
function parseRange(ref: string): MergeRange | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
  if (!m) return undefined;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1, r2, c2] = [Number(m[2]), col(m[1]), Number(m[4] ?? m[2]), col(m[3] ?? m[1])];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** A workbook loaded from .xlsx bytes (merged ranges in linear time). */
export async function loadWorkbook(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  linearMerges();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as XlsxInput);
  return workbook;
}

/** A workbook's .xlsx bytes. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
}
