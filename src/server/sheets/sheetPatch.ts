// Changes to a worksheet's XML made in place: cells set, restyled or removed in the rows that need it,
// a column's width, a legacy drawing (the part that shows notes). Every other row, and everything else
// in the part, is kept byte for byte — formulas, styles, merged cells, validations, conditional formats.

import { UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { attr, columnOf, mergesIn } from './sheetXml';
import { setAttribute } from './stylesPatch';

export type CellEdit =
  /** the cell's new XML, given its reference ('G5') and its present style (0 when none) */
  | { set: (ref: string, style: number) => string }
  /** the cell (an empty one if there is none) with another style */
  | { restyle: (style: number) => number }
  | { remove: true };

export interface SheetEdits {
  /** sheet row (1-based) → column (0-based) → edit */
  cells: ReadonlyMap<number, ReadonlyMap<number, CellEdit>>;
  /** remove the cells of this column from the rows below `below` (those without an edit of their own) */
  clear?: { col: number; below: number };
  /** set the width of a column (0-based) */
  width?: { col: number; width: number };
  /** add <legacyDrawing r:id="…"/> (the notes' drawing) with this relationship id */
  legacyDrawing?: string;
}

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** the elements a worksheet may have after legacyDrawing, in schema order */
const AFTER_LEGACY_DRAWING = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** 0 → 'A', 26 → 'AA' */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The text without the control characters XML 1.0 does not allow (all but tab, LF, CR): each becomes a space. */
export function xmlChars(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      out += `${s.slice(from, i)} `;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** An inline-string cell: <c r="G5" s="9" t="inlineStr"><is><t xml:space="preserve">…</t></is></c>. */
export function inlineStringCell(prefix: string, ref: string, style: number, text: string): string {
  const p = prefix;
  return `<${p}c r="${ref}" s="${style}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(xmlChars(text))}</${p}t></${p}is></${p}c>`;
}

interface Cell {
  col: number;
  xml: string;
}

const cellPatterns = new Map<string, RegExp>();

function cellPattern(prefix: string): RegExp {
  let re = cellPatterns.get(prefix);
  if (!re) {
    re = new RegExp(`<${prefix}c(\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${prefix}c>)`, 'g');
    cellPatterns.set(prefix, re);
  }
  return re;
}

/**
 * The common case done without taking the row apart: cells set to the right of the row's last cell (the
 * error column), and cells restyled where they are. Undefined when the row needs the general way.
 */
function quickEdit(
  prefix: string,
  row: number,
  inner: string,
  edits: ReadonlyMap<number, CellEdit>,
): string | undefined {
  // an extension list ends the row; a cell without attributes has no reference: both the general way
  if (inner.includes('extLst') || inner.includes(`<${prefix}c>`)) return undefined;
  const lastOpen = Math.max(inner.lastIndexOf(`<${prefix}c `), inner.lastIndexOf(`<${prefix}c\t`));
  const lastRef =
    lastOpen === -1
      ? undefined
      : attr(inner.slice(lastOpen + prefix.length + 2, inner.indexOf('>', lastOpen)), 'r');
  if (lastOpen !== -1 && lastRef === undefined) return undefined;
  const lastCol = lastRef === undefined ? -1 : columnOf(lastRef);
  let out = inner;
  const appended: { col: number; xml: string }[] = [];
  for (const [c, edit] of edits) {
    const ref = `${columnName(c)}${row}`;
    if ('set' in edit && c > lastCol) appended.push({ col: c, xml: edit.set(ref, 0) });
    else if ('restyle' in edit) {
      const at = out.indexOf(` r="${ref}"`);
      if (at === -1) return undefined;
      const start = out.lastIndexOf('<', at);
      const end = out.indexOf('>', at);
      // the reference must be an attribute of a cell's opening tag, not text that looks like one
      if (!out.startsWith(`<${prefix}c`, start) || out.slice(start, at).includes('>')) return undefined;
      const tag = out.slice(start, end + 1);
      const style = Number(attr(tag.slice(prefix.length + 2, -1), 's') ?? 0);
      out = out.slice(0, start) + setAttribute(tag, 's', String(edit.restyle(style))) + out.slice(end + 1);
    } else return undefined;
  }
  return (
    out +
    appended
      .sort((a, b) => a.col - b.col)
      .map((a) => a.xml)
      .join('')
  );
}

function rewriteCells(
  prefix: string,
  row: number,
  inner: string,
  edits: ReadonlyMap<number, CellEdit> | undefined,
  clearCol: number | undefined,
): string {
  if (edits && clearCol === undefined) {
    const quick = quickEdit(prefix, row, inner, edits);
    if (quick !== undefined) return quick;
  }
  const cellRe = cellPattern(prefix);
  const cells: Cell[] = [];
  let col = -1;
  let lastEnd = 0;
  for (const m of inner.matchAll(cellRe)) {
    const attrs = m[1] ?? '';
    const ref = attr(attrs, 'r');
    col = ref === undefined ? col + 1 : columnOf(ref);
    // a cell without r is placed by its order; once cells move, it must say where it is
    const xml = ref === undefined ? setAttribute(m[0], 'r', `${columnName(col)}${row}`) : m[0];
    cells.push({ col, xml });
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  const tail = inner.slice(lastEnd); // an <extLst>, or white space
  const byCol = new Map(cells.map((c) => [c.col, c]));
  if (clearCol !== undefined && !edits?.has(clearCol)) byCol.delete(clearCol);
  for (const [c, edit] of edits ?? []) {
    const ref = `${columnName(c)}${row}`;
    const present = byCol.get(c);
    const style = present ? Number(attr(present.xml.slice(0, present.xml.indexOf('>')), 's') ?? 0) : 0;
    if ('remove' in edit) byCol.delete(c);
    else if ('set' in edit) byCol.set(c, { col: c, xml: edit.set(ref, style) });
    else {
      const s = String(edit.restyle(style));
      byCol.set(c, {
        col: c,
        xml: present ? setAttribute(present.xml, 's', s) : `<${prefix}c r="${ref}" s="${s}"/>`,
      });
    }
  }
  return (
    [...byCol.values()]
      .sort((a, b) => a.col - b.col)
      .map((c) => c.xml)
      .join('') + tail
  );
}

/** The <sheetData> element with the rows edited (and the missing rows added). */
function patchRows(prefix: string, sheetData: string, open: string, edits: SheetEdits): string {
  const p = prefix;
  const rowRe = new RegExp(`<${p}row(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${p}row>)`, 'g');
  const pending = [...edits.cells.keys()].sort((a, b) => a - b);
  let next = 0; // pending[next] is the first edited row not met yet
  const clear = edits.clear;
  const out: string[] = [];
  let last = 0;
  let row = 0;
  const newRow = (n: number) => {
    const inner = rewriteCells(p, n, '', edits.cells.get(n), undefined);
    return inner === '' ? '' : `<${p}row r="${n}">${inner}</${p}row>`;
  };
  for (const m of sheetData.matchAll(rowRe)) {
    const attrs = m[1] ?? '';
    const r = Number(attr(attrs, 'r') ?? row + 1);
    row = Number.isFinite(r) && r > 0 ? r : row + 1;
    out.push(sheetData.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    while (next < pending.length && pending[next] < row) out.push(newRow(pending[next++]));
    const rowEdits = edits.cells.get(row);
    if (pending[next] === row) next++;
    const inner = m[2] ?? '';
    const clearing =
      clear !== undefined && row > clear.below && inner.includes(`r="${columnName(clear.col)}${row}"`);
    if (!rowEdits && !clearing) {
      out.push(m[0]);
      continue;
    }
    // spans is a hint of the row's first and last column: dropped rather than kept wrong
    const rowAttrs = attrs.replace(/\s+spans\s*=\s*"[^"]*"/, '');
    const withR = attr(attrs, 'r') === undefined ? `${rowAttrs} r="${row}"` : rowAttrs;
    const cells = rewriteCells(p, row, inner, rowEdits, clearing ? clear?.col : undefined);
    out.push(`<${p}row${withR}>${cells}</${p}row>`);
  }
  out.push(sheetData.slice(last));
  const rest = pending.slice(next).map(newRow).join('');
  return `${open}${out.join('')}${rest}</${p}sheetData>`;
}

/** The sheet's head (all before <sheetData>) with <cols> giving the column its own <col> (a range covering it split around it). */
function patchCols(prefix: string, xml: string, col: number, width: number): string {
  const p = prefix;
  const n = col + 1;
  const ours = `<${p}col min="${n}" max="${n}" width="${width}" customWidth="1"/>`;
  const colsRe = new RegExp(`<${p}cols\\b[^>]*>([\\s\\S]*?)</${p}cols>`);
  const m = colsRe.exec(xml);
  // the head of the sheet ends where <sheetData> starts, which is where <cols> goes
  if (!m) return `${xml}<${p}cols>${ours}</${p}cols>`;
  const cols: { min: number; xml: string }[] = [];
  for (const c of m[1].matchAll(new RegExp(`<${p}col\\b[^>]*?/>`, 'g'))) {
    const min = Number(attr(c[0], 'min'));
    const max = Number(attr(c[0], 'max'));
    if (!(min <= n && n <= max)) cols.push({ min, xml: c[0] });
    else {
      if (min < n) cols.push({ min, xml: setAttribute(c[0], 'max', String(n - 1)) });
      if (n < max) cols.push({ min: n + 1, xml: setAttribute(c[0], 'min', String(n + 1)) });
    }
  }
  cols.push({ min: n, xml: ours });
  cols.sort((a, b) => a.min - b.min);
  return xml.replace(colsRe, `<${p}cols>${cols.map((c) => c.xml).join('')}</${p}cols>`);
}

/** <dimension ref="A1:F20"/> widened to the column, when the sheet has one. */
function patchDimension(prefix: string, xml: string, col: number): string {
  const re = new RegExp(`(<${prefix}dimension\\b[^>]*?\\sref=")([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?(")`);
  return xml.replace(
    re,
    (all, open: string, c1: string, r1: string, c2: string | undefined, r2, close: string) => {
      const right = c2 ?? c1;
      if (columnOf(right) >= col) return all;
      return `${open}${c1}${r1}:${columnName(col)}${r2 ?? r1}${close}`;
    },
  );
}

/** The sheet's tail (all after </sheetData>) with a <legacyDrawing>, in its place in the schema's order. */
function addLegacyDrawing(prefix: string, xml: string, rId: string): string {
  const el = `<${prefix}legacyDrawing xmlns:r="${R_NS}" r:id="${rId}"/>`;
  for (const name of AFTER_LEGACY_DRAWING) {
    const at = xml.search(new RegExp(`<${prefix}${name}\\b`));
    if (at !== -1) return xml.slice(0, at) + el + xml.slice(at);
  }
  const end = xml.lastIndexOf(`</${prefix}worksheet>`);
  return xml.slice(0, end) + el + xml.slice(end);
}

/** A worksheet's XML in three: before the sheet data, the sheet data (rows), after it. */
interface SheetSplit {
  prefix: string;
  head: string;
  /** the <sheetData …> opening tag (never self-closing) */
  open: string;
  /** the rows */
  data: string;
  tail: string;
}

function splitSheet(xml: string): SheetSplit {
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Error('no sheetData');
  const prefix = open[1] ?? '';
  const head = xml.slice(0, open.index);
  const from = open.index + open[0].length;
  if (open[2] === '/') {
    return { prefix, head, open: open[0].replace(/\s*\/>$/, '>'), data: '', tail: xml.slice(from) };
  }
  const close = `</${prefix}sheetData>`;
  const closeAt = xml.indexOf(close, from);
  if (closeAt === -1) throw new Error('sheetData not closed');
  return {
    prefix,
    head,
    open: open[0],
    data: xml.slice(from, closeAt),
    tail: xml.slice(closeAt + close.length),
  };
}

/** The worksheet's XML with the edits made. */
export function patchSheet(xml: string, edits: SheetEdits): string {
  const { prefix, head, open, data, tail } = splitSheet(xml);
  let before = head;
  let after = tail;
  if (edits.width) {
    before = patchCols(prefix, before, edits.width.col, edits.width.width);
    before = patchDimension(prefix, before, edits.width.col);
  }
  if (edits.legacyDrawing) after = addLegacyDrawing(prefix, after, edits.legacyDrawing);
  return before + patchRows(prefix, data, open, edits) + after;
}

/** Facts about a worksheet's XML that decide the edits. */
export interface SheetFacts {
  prefix: string;
  /** its merged ranges, 'A3:A8' */
  merges: string[];
  /** the last column (0-based) with a valued cell or covered by a merged range; -1 for none */
  lastColumn: number;
  /** the XML of row `n` between <row …> and </row>, or undefined when there is no such row */
  rowXml(n: number): string | undefined;
  /** it has notes or form controls already (a legacy drawing) */
  hasLegacyDrawing: boolean;
}

export function sheetFacts(xml: string): SheetFacts {
  const { prefix, data, tail } = splitSheet(xml);
  const merges = mergesIn(tail, prefix);
  let lastColumn = -1;
  const valued = new RegExp(`<${prefix}c(\\s[^>]*?)?(/?)>`, 'g');
  const withoutRef = new RegExp(`<${prefix}c(?![^>]*\\sr=)(?:\\s[^>]*)?>`);
  if (!withoutRef.test(data)) {
    for (const m of data.matchAll(valued)) {
      if (m[2] === '/') continue;
      const c = columnOf(attr(m[1] ?? '', 'r') ?? '');
      if (c > lastColumn) lastColumn = c;
    }
  } else {
    // some writers leave out the references: each cell is then the one after the cell before it
    const rowRe = new RegExp(`<${prefix}row\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}row>)`, 'g');
    for (const row of data.matchAll(rowRe)) {
      let col = -1;
      for (const m of (row[1] ?? '').matchAll(valued)) {
        const ref = attr(m[1] ?? '', 'r');
        col = ref === undefined ? col + 1 : columnOf(ref);
        if (m[2] !== '/' && col > lastColumn) lastColumn = col;
      }
    }
  }
  for (const ref of merges) {
    const c = columnOf(ref.split(':')[1] ?? ref);
    // a range as wide as the sheet (A1:XFD1) would put the error column past Excel's last one
    if (c > lastColumn && c < UPLOAD_LIMITS.columns) lastColumn = c;
  }
  return {
    prefix,
    merges,
    lastColumn,
    rowXml(n) {
      const m = new RegExp(`<${prefix}row\\s[^>]*?\\br="${n}"[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}row>)`).exec(
        data,
      );
      return m ? (m[1] ?? '') : undefined;
    },
    hasLegacyDrawing: new RegExp(`<${prefix}legacyDrawing\\b`).test(tail),
  };
}
