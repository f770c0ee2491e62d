// The error sheet (错误报告): the user's own workbook given back with what is wrong written beside each
// rejected row — a column 错误原因 / Errors at the right of the sheet, the messages of the row's errors in
// it, that cell and the cells the errors name filled light red, and the problems of the sheet as a whole
// (no header, a bad mapping) in a note on the column's header cell. The user corrects the rows in this
// file and imports it again: the 错误原因 column is no ledger column, and is reused, not repeated, when
// the corrected file fails again.
//
// The workbook is changed in place, not rebuilt: the sheet's XML gets the new cells and the rows with
// errors their styles, the styles part a few new styles, and every other part of the file is copied as
// it was stored — other sheets, formulas, merged cells, validations, conditional formats, pictures,
// charts, all of it, whatever ExcelJS would have kept. It is also fast: ExcelJS's load and write took
// 17–30 s and 2 GB for a 100,000-row sheet; this takes about 2 s.

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../domain/i18n/messages';
import { cellText } from '../../domain/sheets/normalise';
import type { RowError } from '../../domain/sheets/rowErrors';
import { UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { AppError } from '../platform/errors';
import { mergeIndex } from './mergeIndex';
import { addNote, relativeTarget } from './noteParts';
import { readWorkbook } from './readWorkbook';
import {
  type CellEdit,
  columnName,
  inlineStringCell,
  patchSheet,
  type SheetEdits,
  sheetFacts,
} from './sheetPatch';
import { readCells } from './sheetXml';
import { StylesPatch } from './stylesPatch';
import { parseSharedStrings, readPart, readWorkbookParts, relsPath, type WorkbookParts } from './xlsxParts';
import { looksLikeZip, openZip, type ZipArchive } from './zip';
import { writeZip, type ZipPart } from './zipWrite';

/** The header of the added column, in each language; either is recognised when the column is reused. */
export const ERROR_COLUMN_HEADER: Record<Locale, string> = { 'zh-CN': '错误原因', en: 'Errors' };
const SEPARATOR: Record<Locale, string> = { 'zh-CN': '；', en: '; ' };
const COLON: Record<Locale, string> = { 'zh-CN': '：', en: ': ' };
const COLUMN_WIDTH = 60;
const AUTHOR = 'Wangge';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** A header cell of ours: 错误原因 or Errors, alone or followed by the sheet's problems. */
function isOurHeader(v: unknown): boolean {
  const text = cellText(v).toLowerCase();
  return Object.values(ERROR_COLUMN_HEADER).some((h) => {
    const k = h.toLowerCase();
    return text === k || text.startsWith(`${k}：`) || text.startsWith(`${k}:`);
  });
}

/**
 * A CSV, .xls or .et file as a one-sheet .xlsx of the rows read (values only), so that it can come back
 * with its errors like an .xlsx.
 */
async function rowsAsWorkbook(original: Buffer | Uint8Array, sheetName: string): Promise<Buffer> {
  const { rows } = await readWorkbook(original, { sheet: sheetName });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, r) => {
    const target = sheet.getRow(r + 1);
    target.values = row as ExcelJS.CellValue[];
    target.commit();
  });
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

const notXlsx = () => new AppError('validation', 'error.import_unreadable');

async function open(data: Buffer): Promise<{ zip: ZipArchive; parts: WorkbookParts }> {
  try {
    const zip = openZip(data);
    return { zip, parts: await readWorkbookParts(zip) };
  } catch {
    throw notXlsx();
  }
}

/** The messages of each row's errors, joined; by row. */
function messagesByRow(errors: readonly RowError[], locale: Locale): Map<number, string> {
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    if (e.row === null) continue;
    const list = byRow.get(e.row) ?? [];
    if (!list.includes(e.message)) list.push(e.message);
    byRow.set(e.row, list);
  }
  return new Map([...byRow].map(([row, list]) => [row, list.join(SEPARATOR[locale])]));
}

/**
 * The original workbook with the errors written into the sheet read. headerRowIndex is the 0-based index
 * of its header row (LedgerSheetResult.header.rowIndex), null when none was found (the column is then
 * headed on row 1). Each row with errors gets their messages in the error column, joined with '；'
 * (zh-CN) or '; ' (en); that cell and each cell an error names (RowError.columnIndex; the top-left
 * cell of a merged range) are filled light red. Errors without a row go in a note on the column's
 * header (or, when the sheet already has notes, after the header's text). An .xlsx comes back as an
 * .xlsx; a CSV, .xls or .et file as a fresh .xlsx of its rows (values only: its formats are not kept).
 */
export async function writeErrorSheet(
  original: Buffer | Uint8Array,
  sheetName: string,
  errors: readonly RowError[],
  locale: Locale,
  headerRowIndex: number | null,
): Promise<Buffer> {
  const data = looksLikeZip(original)
    ? Buffer.from(original.buffer, original.byteOffset, original.byteLength)
    : await rowsAsWorkbook(original, sheetName);
  const { zip, parts } = await open(data);
  const sheet = parts.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new AppError('validation', 'error.import_sheet_not_found', { name: sheetName });
  const entry = zip.find(sheet.path);
  if (!entry) throw notXlsx();

  // a damaged part, or a sheet too big to hold as one string (over 512 MB of XML), is a file we cannot read
  const [xml, strings, stylesXml] = await Promise.all([
    zip.read(entry, UPLOAD_LIMITS.sheetXmlBytes).then((b) => b.toString('utf8')),
    readPart(zip, parts.sharedStringsPath),
    readPart(zip, parts.stylesPath),
  ]).catch((e) => {
    throw e instanceof AppError ? e : notXlsx();
  });
  const facts = sheetFacts(xml);
  const p = facts.prefix;
  const headerRow = (headerRowIndex ?? 0) + 1;
  const ctx = { sharedStrings: parseSharedStrings(strings), dateStyles: [], date1904: parts.date1904 };
  const headerCells = readCells(facts.rowXml(headerRow) ?? '', ctx, p);
  const reused = headerCells.find((c) => isOurHeader(c.value));
  const col = reused ? reused.col : facts.lastColumn + 1;
  const styles = new StylesPatch(stylesXml);

  const cells = new Map<number, Map<number, CellEdit>>();
  const edit = (row: number, c: number, e: CellEdit) => {
    const list = cells.get(row) ?? new Map<number, CellEdit>();
    if (!list.has(c)) list.set(c, e);
    cells.set(row, list);
  };

  const sheetLevel = errors.filter((e) => e.row === null).map((e) => e.message);
  const asNote = sheetLevel.length > 0 && !facts.hasLegacyDrawing;
  const headerText =
    ERROR_COLUMN_HEADER[locale] +
    (sheetLevel.length > 0 && !asNote ? COLON[locale] + sheetLevel.join(' ') : '');
  const like = headerCells.find((c) => c.col === col - 1)?.style ?? 0;
  edit(headerRow, col, { set: (ref) => inlineStringCell(p, ref, styles.header(like), headerText) });

  for (const [row, text] of messagesByRow(errors, locale)) {
    edit(row, col, { set: (ref) => inlineStringCell(p, ref, styles.message(), text) });
  }
  const masterOf = mergeIndex(facts.merges);
  for (const e of errors) {
    if (e.row === null || e.columnIndex === null || e.columnIndex === undefined || e.columnIndex === col)
      continue;
    const at = masterOf(e.row - 1, e.columnIndex);
    edit(at.row + 1, at.col, { restyle: (s) => styles.marked(s) });
  }

  const edits: SheetEdits = {
    cells,
    width: { col, width: COLUMN_WIDTH },
    ...(reused ? { clear: { col, below: headerRow } } : {}),
  };
  const replaced = new Map<string, string>();
  if (asNote) {
    const vml = [...zip.entries.values()].filter((e) => e.name.toLowerCase().endsWith('.vml'));
    const note = addNote({
      names: [...zip.entries.keys()],
      sheetPath: sheet.path,
      sheetRels: await readPart(zip, relsPath(sheet.path)),
      contentTypes: (await readPart(zip, '[Content_Types].xml')) ?? '',
      otherVml: await Promise.all(vml.map(async (e) => (await zip.read(e)).toString('utf8'))),
      row: headerRow - 1,
      col,
      ref: `${columnName(col)}${headerRow}`,
      text: sheetLevel.join('\n'),
      author: AUTHOR,
    });
    for (const part of note.parts) replaced.set(part.name, part.data);
    edits.legacyDrawing = note.drawingRelId;
  }
  replaced.set(sheet.path, patchSheet(xml, edits));
  if (styles.changed) await putStyles(zip, parts, styles, replaced);
  return writeZip(packageParts(zip, replaced));
}

/** The styles part, changed — or made, for a workbook without one (and then named in its package). */
async function putStyles(
  zip: ZipArchive,
  parts: WorkbookParts,
  styles: StylesPatch,
  replaced: Map<string, string>,
): Promise<void> {
  const path = parts.stylesPath ?? 'xl/styles.xml';
  replaced.set(path, styles.toXml());
  if (zip.find(path)) return;
  const workbookRels = relsPath(parts.workbookPath);
  const rels = replaced.get(workbookRels) ?? (await readPart(zip, workbookRels));
  const types = replaced.get('[Content_Types].xml') ?? (await readPart(zip, '[Content_Types].xml'));
  if (rels === undefined || types === undefined) throw notXlsx();
  const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const target = relativeTarget(parts.workbookPath, path);
  replaced.set(
    workbookRels,
    rels.replace(
      '</Relationships>',
      `<Relationship Id="rId${n}" Type="${REL_STYLES}" Target="${target}"/></Relationships>`,
    ),
  );
  replaced.set(
    '[Content_Types].xml',
    types.replace('</Types>', `<Override PartName="/${path}" ContentType="${CT_STYLES}"/></Types>`),
  );
}

/** Every part of the package: the replaced ones with their new contents, the others copied; then the new ones. */
function packageParts(zip: ZipArchive, replaced: ReadonlyMap<string, string>): ZipPart[] {
  const out: ZipPart[] = [];
  const done = new Set<string>();
  for (const entry of zip.entries.values()) {
    const data = replaced.get(entry.name);
    out.push(data === undefined ? { name: entry.name, from: zip, entry } : { name: entry.name, data });
    done.add(entry.name);
  }
  for (const [name, data] of replaced) if (!done.has(name)) out.push({ name, data });
  return out;
}
