// One worksheet's XML read as it is inflated, chunk by chunk: the rows into a 2-D array of cell values
// as the ledger reader takes them (strings, numbers, booleans, Dates; null for blank and error cells),
// and the merged ranges. A 100,000-row sheet never exists as one string.
//
// Cell values: shared and inline strings as their plain text (rich text joined), formula cells as their
// cached result, numbers as JS numbers (an ID number Excel stored as a number stays a number, for the
// validator to explain), numbers in a date format as Dates at UTC midnight of the day Excel shows (as
// ExcelJS gives them), booleans as booleans, errors (#N/A) as null. Only the top-left cell of a merged
// range has a value, as in Excel.

import { UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { tooManyCells, tooManyColumns, tooManyMerges, tooManyRows } from './limits';
import { stringText, textOfRuns } from './xml';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** per cell style index, whether its number format is a date */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export interface ScanOptions {
  /** read at most this many rows (sheet rows 1..maxRows); the merges are still all found */
  maxRows?: number;
}

export interface ScannedSheet {
  /** rows[0] is sheet row 1, rows[r][0] column A; up to the last row with a value */
  rows: unknown[][];
  /** 'A3:A8' */
  merges: string[];
  /** rows past maxRows were left unread */
  truncated: boolean;
}

const DAY_MS = 86_400_000;
/** Excel's last date, 9999-12-31 */
const MAX_SERIAL = 2_958_465;

/** An Excel date serial as ExcelJS gives it: the Date of that wall-clock time, read as UTC. */
export function excelDate(serial: number, date1904: boolean): Date | undefined {
  if (!(serial >= 0 && serial <= MAX_SERIAL)) return undefined;
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** 'A' → 0, 'AA' → 26; reads letters from the start of a cell reference ('B12' → 1). */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The value of attribute `name` in a tag's attribute text (' r="A1" s="2"'), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let i = attrs.indexOf(` ${name}="`);
  let quote = '"';
  if (i === -1) {
    i = attrs.indexOf(` ${name}='`);
    quote = "'";
    if (i === -1) return undefined;
  }
  const from = i + name.length + 3;
  const to = attrs.indexOf(quote, from);
  return to === -1 ? undefined : attrs.slice(from, to);
}

/** Text between `<tag>`/`<tag attrs>` and `</tag>` in s, or undefined. */
function between(s: string, tag: string): string | undefined {
  let i = s.indexOf(`<${tag}>`);
  let from = i + tag.length + 2;
  if (i === -1) {
    i = s.indexOf(`<${tag} `);
    if (i === -1) return undefined;
    const gt = s.indexOf('>', i);
    if (gt === -1 || s[gt - 1] === '/') return undefined;
    from = gt + 1;
  }
  const to = s.indexOf(`</${tag}>`, from);
  return to === -1 ? undefined : s.slice(from, to);
}

class RowBuilder {
  readonly rows: unknown[][] = [];
  /** cells held in rows, blanks between values included (UPLOAD_LIMITS.cells) */
  private held = 0;
  private readonly cell: RegExp;
  private readonly p: string;

  constructor(
    private readonly ctx: SheetContext,
    prefix: string,
  ) {
    this.p = prefix;
    this.cell = new RegExp(`<${prefix}c(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}c>)`, 'g');
  }

  value(attrs: string, inner: string): unknown {
    const t = attr(attrs, 't');
    if (t === 'inlineStr') {
      const is = between(inner, `${this.p}is`);
      return is === undefined ? null : textOfRuns(is, this.p);
    }
    const v = between(inner, `${this.p}v`);
    if (v === undefined || v === '') return null;
    switch (t) {
      case 's':
        return this.ctx.sharedStrings[Number(v)] ?? null;
      case 'str':
        return stringText(v);
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return null;
      case 'd': {
        const d = new Date(v);
        return Number.isNaN(d.getTime()) ? stringText(v) : d;
      }
      default: {
        const n = Number(v);
        if (Number.isNaN(n)) return null;
        const s = attr(attrs, 's');
        if (s !== undefined && this.ctx.dateStyles[Number(s)]) return excelDate(n, this.ctx.date1904) ?? n;
        return n;
      }
    }
  }

  /** The valued cells of a row's XML (between <row …> and </row>), in order. */
  *cells(inner: string): Generator<XmlCell> {
    let col = -1;
    for (const m of inner.matchAll(this.cell)) {
      const attrs = m[1] ?? '';
      const ref = attr(attrs, 'r');
      col = ref === undefined ? col + 1 : columnOf(ref);
      if (m[2] === undefined || col < 0) continue;
      const value = this.value(attrs, m[2]);
      if (value !== null) yield { col, style: Number(attr(attrs, 's') ?? 0), value };
    }
  }

  /**
   * Adds sheet row `number` (1-based) from the XML between <row …> and </row>. Throws the AppError of
   * the limit passed (UPLOAD_LIMITS: rows, columns, cells) before holding what passes it.
   */
  add(number: number, inner: string): void {
    const cells: unknown[] = [];
    for (const { col, value } of this.cells(inner)) {
      if (col >= UPLOAD_LIMITS.columns) throw tooManyColumns({ found: col + 1 });
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    if (cells.length === 0) return;
    if (number > UPLOAD_LIMITS.rows) throw tooManyRows({ found: number });
    this.held += cells.length + Math.max(0, number - 1 - this.rows.length);
    if (this.held > UPLOAD_LIMITS.cells) throw tooManyCells();
    while (this.rows.length < number - 1) this.rows.push([]);
    this.rows[number - 1] = cells;
  }
}

/** A cell with a value: its column (0-based), its style index (the s attribute, 0 without one) and value. */
export interface XmlCell {
  col: number;
  style: number;
  value: unknown;
}

/** The valued cells of one row's XML (what is between <row …> and </row>). */
export function readCells(inner: string, ctx: SheetContext, prefix: string): XmlCell[] {
  return [...new RowBuilder(ctx, prefix).cells(inner)];
}

const SHEET_DATA = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/;
const MERGE_REF = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/**
 * The merged ranges in the XML after the sheet data ('A3:A8'). More than UPLOAD_LIMITS.merges is
 * refused (AppError).
 */
export function mergesIn(tail: string, prefix: string): string[] {
  const out: string[] = [];
  const tag = new RegExp(`<${prefix}mergeCell\\b([^>]*?)/?>`, 'g');
  for (const m of tail.matchAll(tag)) {
    const ref = attr(m[1], 'ref')?.replace(/\$/g, '').toUpperCase();
    if (ref && MERGE_REF.test(ref)) out.push(ref);
    if (out.length > UPLOAD_LIMITS.merges) throw tooManyMerges();
  }
  return out;
}

function topRow(ref: string): number {
  return Number(/\d+/.exec(ref)?.[0] ?? 0);
}

/** Reads a worksheet's XML from its chunks (the inflated part). */
export async function scanSheet(
  chunks: AsyncIterable<Buffer | string>,
  ctx: SheetContext,
  options: ScanOptions = {},
): Promise<ScannedSheet> {
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const decoder = new TextDecoder('utf-8');
  // set inside the closures below, hence the cast (TypeScript would narrow it to 'head' for good)
  let state = 'head' as 'head' | 'rows' | 'skip' | 'tail';
  let pending = '';
  let prefix = '';
  let builder: RowBuilder | undefined;
  let rowPattern = /$^/g;
  let endTag = '';
  let lastRow = 0;
  let truncated = false;

  const consumeRows = () => {
    if (!builder) return;
    rowPattern.lastIndex = 0;
    let end = 0;
    for (let m = rowPattern.exec(pending); m; m = rowPattern.exec(pending)) {
      end = rowPattern.lastIndex;
      const r = Number(attr(m[1] ?? '', 'r') ?? lastRow + 1);
      lastRow = Number.isFinite(r) && r > 0 ? r : lastRow + 1;
      if (lastRow > maxRows) {
        truncated = true;
        state = 'skip';
        break;
      }
      if (m[2] !== undefined) builder.add(lastRow, m[2]);
    }
    pending = pending.slice(end);
  };

  const afterRows = () => {
    const i = pending.indexOf(endTag);
    if (i !== -1) {
      state = 'tail';
      pending = pending.slice(i);
    } else if (state === 'skip') {
      // looking for the end of the sheet data only: keep what could be the start of its tag
      pending = pending.slice(-endTag.length);
    }
  };

  const feed = (text: string) => {
    pending += text;
    if (state === 'head') {
      const m = SHEET_DATA.exec(pending);
      if (!m) return;
      prefix = m[1] ?? '';
      endTag = `</${prefix}sheetData>`;
      builder = new RowBuilder(ctx, prefix);
      rowPattern = new RegExp(`<${prefix}row(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}row>)`, 'g');
      pending = pending.slice(m.index + m[0].length);
      if (m[2] === '/') {
        state = 'tail';
        return;
      }
      state = 'rows';
    }
    if (state === 'rows') consumeRows();
    if (state === 'rows' || state === 'skip') afterRows();
  };

  for await (const chunk of chunks) {
    feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  feed(decoder.decode());

  const rows = builder?.rows ?? [];
  let merges = state === 'tail' ? mergesIn(pending, prefix) : [];
  if (truncated) merges = merges.filter((ref) => topRow(ref) <= maxRows);
  return { rows, merges, truncated };
}
