// Reading an uploaded ledger file into what readLedgerSheet takes: one sheet's rows as a 2-D array of
// cell values and its merged ranges. An .xlsx is read straight from its XML (zip.ts, xlsxParts.ts,
// sheetXml.ts): measured on a 100,000-row, 12-column sheet, ExcelJS's workbook.xlsx.load takes 5–7 s
// and over 1 GB, and checks each merged range against every other (quadratic: 12,500 merges added
// 22 s), while its streaming reader skips merged ranges and spools sheets to temporary files (with the
// residents' ID numbers) when the shared strings come after them, as Excel writes them. An Excel 97–2003
// .xls or a WPS .et (an OLE2 compound file, told by its first bytes, not its name) is read by
// legacyXls.ts, and a CSV too. Anything else is refused with an AppError saying what to do: a
// password-protected file (stored in the same OLE2 container) is to be opened and saved without its
// password; an HTML or XML "Excel" table, or an old file that cannot be read, to be saved as .xlsx.

import { parseRange } from '../../domain/sheets/fillDown';
import { isBlankCell } from '../../domain/sheets/normalise';
import { type NotSheetKind, oleKind, sniffNotSheet, zipKind } from '../../domain/uploads/fileKind';
import { UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { AppError } from '../platform/errors';
import { csvDelimiter, decodeText, isMarkup, parseCsv } from './csv';
import { readLegacyWorkbook } from './legacyXls';
import { tooManyCells, tooManyColumns, tooManyMergedCells, tooManyMerges, tooManyRows } from './limits';
import { type ScannedSheet, type SheetContext, scanSheet } from './sheetXml';
import {
  parseDateStyles,
  parseSharedStrings,
  readPart,
  readWorkbookParts,
  type SheetPart,
  type WorkbookParts,
} from './xlsxParts';
import { looksLikeZip, openZip, type ZipArchive } from './zip';

export interface WorkbookSheet {
  /** the sheet read */
  sheetName: string;
  /** every worksheet of the workbook, in tab order (for the user to pick another) */
  sheetNames: string[];
  /** rows[0] is sheet row 1, rows[r][0] column A; strings, numbers, booleans, Dates, null */
  rows: unknown[][];
  /** merged ranges, 'A3:A8' */
  merges: string[];
  /** true when maxRows cut the sheet short */
  truncated: boolean;
}

export interface ReadWorkbookOptions {
  /** the sheet to read: its name, or its 0-based position among the worksheets; default the first with data */
  sheet?: string | number;
  /** read at most this many rows from the top (a preview); the rest is left unread and truncated is set */
  maxRows?: number;
  /** told how much of an .xlsx sheet's XML has been read, in bytes (the import's progress) */
  onProgress?: (done: number, total: number) => void;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** the stream an encrypted .xlsx keeps its package in, as the OLE directory names it (UTF-16LE) */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): .xls, WPS .et, or an encrypted .xlsx. */
export function isOle(buf: Buffer): boolean {
  return OLE_SIGNATURE.every((b, i) => buf[i] === b);
}

const notXlsx = () => new AppError('validation', 'error.import_unreadable');

/** The refusal of a file that is not a spreadsheet, saying what it is (a PDF, a picture, a Word document…). */
export const notSheet = (kind: NotSheetKind) => new AppError('validation', `upload.not_sheet.${kind}`);

/** The worksheet the options name, or undefined for "the first with data". */
function namedSheet(parts: WorkbookParts, sheet: string | number | undefined): SheetPart | undefined {
  if (sheet === undefined) return undefined;
  const found =
    typeof sheet === 'number'
      ? parts.sheets[sheet]
      : (parts.sheets.find((s) => s.name === sheet) ??
        parts.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase()));
  if (!found) {
    const name = typeof sheet === 'number' ? `#${sheet + 1}` : sheet;
    throw new AppError('validation', 'error.import_sheet_not_found', { name });
  }
  return found;
}

function hasData(rows: readonly (readonly unknown[])[]): boolean {
  return rows.some((row) => row.some((v) => !isBlankCell(v)));
}

async function sheetContext(zip: ZipArchive, parts: WorkbookParts): Promise<SheetContext> {
  const [strings, styles] = await Promise.all([
    readPart(zip, parts.sharedStringsPath),
    readPart(zip, parts.stylesPath),
  ]);
  return {
    sharedStrings: parseSharedStrings(strings),
    dateStyles: parseDateStyles(styles),
    date1904: parts.date1904,
  };
}

async function scanPart(
  zip: ZipArchive,
  sheet: SheetPart,
  ctx: SheetContext,
  options: ReadWorkbookOptions,
): Promise<ScannedSheet> {
  const entry = zip.find(sheet.path);
  if (!entry) return { rows: [], merges: [], truncated: false };
  const stream = zip.stream(entry, UPLOAD_LIMITS.sheetXmlBytes);
  const { onProgress } = options;
  return scanSheet(onProgress ? counted(stream, entry.size, onProgress) : stream, ctx, {
    maxRows: options.maxRows,
  });
}

/** The chunks, telling how many bytes of `total` have passed. */
async function* counted(
  chunks: AsyncIterable<Buffer | string>,
  total: number,
  onProgress: (done: number, total: number) => void,
): AsyncIterable<Buffer | string> {
  let done = 0;
  for await (const chunk of chunks) {
    done += chunk.length;
    onProgress(Math.min(done, total), total);
    yield chunk;
  }
}

async function readXlsx(buf: Buffer, options: ReadWorkbookOptions): Promise<WorkbookSheet> {
  let zip: ZipArchive;
  let parts: WorkbookParts;
  try {
    zip = openZip(buf);
  } catch {
    throw notXlsx();
  }
  try {
    parts = await readWorkbookParts(zip);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // a zip without a workbook: a Word document, a presentation, an archive of files
    const kind = zipKind([...zip.entries.keys()]);
    throw kind ? notSheet(kind) : notXlsx();
  }
  if (parts.sheets.length === 0) throw notXlsx();
  const sheetNames = parts.sheets.map((s) => s.name);
  const chosen = namedSheet(parts, options.sheet);
  try {
    const ctx = await sheetContext(zip, parts);
    // the first visible sheet with data; hidden sheets (dropdown lists) only when no visible one has any
    const candidates = chosen
      ? [chosen]
      : [...parts.sheets.filter((s) => !s.hidden), ...parts.sheets.filter((s) => s.hidden)];
    let first: { sheet: SheetPart; scanned: ScannedSheet } | undefined;
    for (const sheet of candidates) {
      const scanned = await scanPart(zip, sheet, ctx, options);
      first ??= { sheet, scanned };
      if (chosen || hasData(scanned.rows)) return { sheetName: sheet.name, sheetNames, ...scanned };
    }
    const fallback = first ?? { sheet: parts.sheets[0], scanned: { rows: [], merges: [], truncated: false } };
    return { sheetName: fallback.sheet.name, sheetNames, ...fallback.scanned };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notXlsx();
  }
}

/** Refuses a CSV text with more lines or cells than UPLOAD_LIMITS, before parsing it (a cheap upper bound). */
function checkCsvSize(text: string): void {
  const delimiter = csvDelimiter(text).charCodeAt(0);
  let lines = 1;
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      cells++;
    } else if (c === delimiter) cells++;
  }
  if (lines > UPLOAD_LIMITS.rows + 1) throw tooManyRows({ found: lines });
  if (cells > UPLOAD_LIMITS.cells) throw tooManyCells();
}

async function readCsv(text: string, options: ReadWorkbookOptions): Promise<WorkbookSheet> {
  checkCsvSize(text);
  const all = await parseCsv(text);
  const max = options.maxRows;
  const rows = max !== undefined && all.length > max ? all.slice(0, max) : all;
  return { sheetName: 'CSV', sheetNames: ['CSV'], rows, merges: [], truncated: rows.length < all.length };
}

/**
 * Reads one sheet of an uploaded workbook (.xlsx; .xls or .et; or CSV text). Throws an AppError (code
 * 'validation') whose message key tells the user what to do: error.import_encrypted for a
 * password-protected file, error.import_legacy_xls for an .xls or .et that cannot be read and
 * error.import_markup for an "Excel" file that is an HTML or XML table (save as .xlsx),
 * error.import_sheet_not_found for options.sheet naming no sheet, and error.import_unreadable for
 * anything else it cannot read.
 */
export async function readWorkbook(
  data: Buffer | Uint8Array,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookSheet> {
  const sheet = await readAnyWorkbook(data, options);
  checkBounds(sheet);
  return sheet;
}

async function readAnyWorkbook(
  data: Buffer | Uint8Array,
  options: ReadWorkbookOptions,
): Promise<WorkbookSheet> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (looksLikeZip(buf)) return readXlsx(buf, options);
  if (isOle(buf)) {
    if (buf.includes(ENCRYPTED_PACKAGE)) throw new AppError('validation', 'error.import_encrypted');
    const other = oleKind(buf);
    if (other) throw notSheet(other);
    return readLegacyWorkbook(buf, options);
  }
  const kind = sniffNotSheet(buf);
  if (kind) throw notSheet(kind);
  const text = buf.length > 0 ? decodeText(buf) : undefined;
  if (text === undefined) throw buf.length > 0 ? notSheet('binary') : notXlsx();
  if (isMarkup(text)) throw new AppError('validation', 'error.import_markup');
  return readCsv(text, options);
}

/**
 * Refuses a sheet read that passes UPLOAD_LIMITS (whatever its format: the .xlsx reader stops earlier,
 * as it reads): rows, columns, cells, merged ranges, and the cells they cover within the rows and
 * columns read — ranges of Excel never overlap, so they cannot cover more cells than the sheet has.
 */
export function checkBounds(sheet: Pick<WorkbookSheet, 'rows' | 'merges'>): void {
  const { rows, merges } = sheet;
  if (rows.length > UPLOAD_LIMITS.rows) throw tooManyRows({ found: rows.length });
  let width = 0;
  let cells = 0;
  for (const row of rows) {
    width = Math.max(width, row.length);
    cells += row.length;
  }
  if (width > UPLOAD_LIMITS.columns) throw tooManyColumns({ found: width });
  if (cells > UPLOAD_LIMITS.cells) throw tooManyCells();
  if (merges.length > UPLOAD_LIMITS.merges) throw tooManyMerges();
  let covered = 0;
  for (const ref of merges) {
    const r = parseRange(ref);
    if (!r) continue;
    const height = Math.min(r.bottom, rows.length - 1) - r.top + 1;
    const across = Math.min(r.right, width - 1) - r.left + 1;
    if (height > 0 && across > 0) covered += height * across;
    if (covered > UPLOAD_LIMITS.mergedCells) throw tooManyMergedCells();
  }
}
