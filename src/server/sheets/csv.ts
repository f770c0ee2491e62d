// A ledger saved as CSV: the bytes decoded (UTF-8 with or without its BOM; UTF-16 with a BOM, Excel's
// "Unicode text"; GB18030, which is what Excel on a Chinese Windows writes for "CSV (逗号分隔)"), then
// parsed by ExcelJS's CSV reader (fast-csv) into rows. Every cell stays text, as written: an ID number
// is never turned into a number here.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Whether a text has a character no text file has: NUL or a C0 control other than tab, LF, FF, CR, ^Z, ESC. */
function hasBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1a && c !== 0x1b)
      return true;
  }
  return false;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of a file that is text, or undefined for binary data. A BOM decides the encoding; without
 * one, UTF-8 is tried first, then GB18030.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    text = tryDecode('utf-8', bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = tryDecode('utf-16le', bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = tryDecode('utf-16be', bytes.subarray(2));
  else text = tryDecode('utf-8', bytes) ?? tryDecode('gb18030', bytes);
  if (text === undefined || hasBinary(text.slice(0, 65_536))) return undefined;
  return text;
}

/** Whether a text is markup (an "Excel" file some systems export as an HTML or XML 2003 table). */
export function isMarkup(text: string): boolean {
  return /^\s*</.test(text) && /<(?:html|table|\?xml|workbook)\b/i.test(text.slice(0, 4096));
}

/** The delimiter of the first line: a tab or a semicolon when the line has those and no comma. */
export function csvDelimiter(text: string): string {
  const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

/**
 * The rows of a CSV text: rows[0] is the first record (the row Excel shows as row 1), blank lines kept
 * as empty rows so that row numbers match; empty cells null, every other cell a string.
 */
export async function parseCsv(text: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text]), {
    map: (v: unknown) => (v === '' ? null : v),
    parserOptions: { delimiter: csvDelimiter(text), ignoreEmpty: false },
  });
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as unknown[];
    rows[n - 1] = Array.from(values.slice(1), (v) => v ?? null);
  });
  let last = rows.length;
  while (last > 0 && !(rows[last - 1] ?? []).some((v) => v !== null)) last--;
  return Array.from(rows.slice(0, last), (r) => r ?? []);
}
