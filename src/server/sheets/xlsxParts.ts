// The parts of an .xlsx that tell how to read a worksheet: the workbook (sheet names, their order and
// files, the 1904 date system), the shared strings, and which cell styles are dates. Found through the
// package's relationships, as Excel, WPS and LibreOffice do, not by assumed file names.

import { attribute, rootPrefix, stringText, textOfRuns } from './xml';
import type { ZipArchive, ZipEntry } from './zip';

export interface SheetPart {
  name: string;
  /** the worksheet's part in the package, 'xl/worksheets/sheet1.xml' */
  path: string;
  /** hidden sheets (lists for dropdowns, workings) are not the ledger */
  hidden: boolean;
}

export interface WorkbookParts {
  /** the workbook's part, 'xl/workbook.xml' */
  workbookPath: string;
  /** the worksheets, in tab order (chart sheets left out) */
  sheets: SheetPart[];
  /** dates count from 1904-01-01 (old Mac workbooks) */
  date1904: boolean;
  sharedStringsPath?: string;
  stylesPath?: string;
}

/** The XML of a part, or undefined when the package has no such part. */
export async function readPart(zip: ZipArchive, path: string | undefined): Promise<string | undefined> {
  const entry = path === undefined ? undefined : zip.find(path);
  return entry ? partText(zip, entry) : undefined;
}

async function partText(zip: ZipArchive, entry: ZipEntry): Promise<string> {
  return (await zip.read(entry)).toString('utf8');
}

interface Relationship {
  type: string;
  target: string;
}

const TAG = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)/?>`, 'g');

function relationships(xml: string | undefined): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  for (const m of xml.matchAll(TAG('Relationship'))) {
    const id = attribute(m[1], 'Id');
    const target = attribute(m[1], 'Target');
    if (id && target && attribute(m[1], 'TargetMode') !== 'External')
      out.set(id, { type: attribute(m[1], 'Type') ?? '', target });
  }
  return out;
}

/** A relationship's target as a package path: relative to the source part's folder, or absolute. */
export function resolveTarget(sourcePath: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePath.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The rels part of a part: 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'. */
export function relsPath(partPath: string): string {
  const i = partPath.lastIndexOf('/');
  return `${partPath.slice(0, i + 1)}_rels/${partPath.slice(i + 1)}.rels`;
}

function byType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  return [...rels.values()].find((r) => r.type.endsWith(suffix));
}

/**
 * The workbook's sheets and parts. Throws a plain Error when the package has no workbook (a .docx, a
 * zip of photos): the caller reports the file as not an .xlsx.
 */
export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const root = relationships(await readPart(zip, '_rels/.rels'));
  const office = byType(root, '/officeDocument');
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const xml = await readPart(zip, workbookPath);
  if (xml === undefined || !/<(?:[\w.-]+:)?workbook[\s>]/.test(xml)) throw new Error('no workbook part');
  const rels = relationships(await readPart(zip, relsPath(workbookPath)));
  const resolve = (r: Relationship | undefined) => (r ? resolveTarget(workbookPath, r.target) : undefined);

  const sheets: SheetPart[] = [];
  for (const m of xml.matchAll(TAG('sheet'))) {
    const rel = rels.get(attribute(m[1], 'id') ?? '');
    if (!rel?.type.endsWith('/worksheet')) continue;
    const state = attribute(m[1], 'state');
    sheets.push({
      name: attribute(m[1], 'name') ?? '',
      path: resolveTarget(workbookPath, rel.target),
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }
  const pr = TAG('workbookPr').exec(xml);
  const date1904 = pr ? /^(?:1|true)$/.test(attribute(pr[1], 'date1904') ?? '') : false;
  return {
    workbookPath,
    sheets,
    date1904,
    sharedStringsPath: resolve(byType(rels, '/sharedStrings')) ?? 'xl/sharedStrings.xml',
    stylesPath: resolve(byType(rels, '/styles')) ?? 'xl/styles.xml',
  };
}

/** The shared strings, rich text as its plain text. */
export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const p = rootPrefix(xml, 'sst');
  const out: string[] = [];
  const si = new RegExp(`<${p}si(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${p}si>)`, 'g');
  for (const m of xml.matchAll(si)) {
    const inner = m[1] ?? '';
    // plain <si><t>text</t></si>, most strings: no need for the general path
    const plain = /^<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>$/.exec(inner);
    out.push(plain ? stringText(plain[1]) : textOfRuns(inner, p));
  }
  return out;
}

/** The built-in number formats that are dates or times (14–22, 45–47, and the East Asian 27–36, 50–58, 71–81). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

/**
 * Whether a number format shows a date or a time: after removing quoted text ("年"), escaped characters
 * (\-), and [colour], [$-804] or [h] brackets, it has a y, m, d, h, s (or b, the Buddhist year) left —
 * the test ExcelJS applies, so that both readers agree.
 */
export function isDateFormat(code: string): boolean {
  const f = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*]/g, '');
  if (/^general$/i.test(f.trim())) return false;
  return /[ymdhsb]/i.test(f.replace(/[eE][+-]/g, ''));
}

/** For each cell style (the s attribute of a cell), whether it formats numbers as dates. */
export function parseDateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const formats = new Map<number, string>();
  for (const m of xml.matchAll(TAG('numFmt'))) {
    const id = Number(attribute(m[1], 'numFmtId'));
    formats.set(id, attribute(m[1], 'formatCode') ?? '');
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  const out: boolean[] = [];
  for (const m of cellXfs[1].matchAll(TAG('xf'))) {
    const id = Number(attribute(m[1], 'numFmtId') ?? '0');
    const custom = formats.get(id);
    out.push(custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return out;
}
