// Sheets built to hurt the server, for the tests and `npm run bench -- hostile`: small files whose
// reading would take minutes or gigabytes without the limits of domain/uploads/limits.ts. Each is a
// minimal .xlsx written here (the parts Excel needs and no more), so the test controls every byte.

import { createDeflateRaw } from 'node:zlib';
import { columnName } from './sheetPatch';
import type { ZipArchive, ZipEntry } from './zip';
import { writeZip, type ZipPart } from './zipWrite';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell of inline text. */
function cell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
}

/** A row of inline text cells from column A (1-based row number). */
export function rowXml(n: number, values: readonly string[]): string {
  return `<row r="${n}">${values.map((v, i) => cell(`${columnName(i)}${n}`, v)).join('')}</row>`;
}

function packageParts(sheetXml: string, sharedStrings?: ZipPart): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

/** A one-sheet .xlsx: its rows' XML (rowXml) and merged ranges ('A2:A9'). */
export function minimalXlsx(rows: readonly string[], merges: readonly string[] = []): Promise<Buffer> {
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData>${mergeXml}</worksheet>`;
  return writeZip(packageParts(sheet));
}

const HEADER = ['楼号', '门牌', '姓名', '身份证号'];

/**
 * `count` tall merged ranges over the same rows, down to row `height` (which has a value, so the sheet
 * reaches it): each range's top cell has a value, so filling them one by one costs count × height.
 * 40,000 ranges over 150,000 rows: 6 × 10⁹ cell visits; a file of a few hundred KB.
 */
export function tallMergesSheet(count = 40_000, height = 150_000): Promise<Buffer> {
  const columns = 40;
  const tops = Math.ceil(count / columns);
  const rows = [rowXml(1, HEADER)];
  for (let r = 2; r < 2 + tops; r++)
    rows.push(
      rowXml(
        r,
        Array.from({ length: columns }, (_, c) => `${c + 1}号楼`),
      ),
    );
  rows.push(rowXml(height, ['末行']));
  const merges: string[] = [];
  for (let i = 0; i < count; i++) {
    const col = columnName(i % columns);
    merges.push(`${col}${2 + Math.floor(i / columns)}:${col}${height}`);
  }
  return minimalXlsx(rows, merges);
}

/**
 * `count` data rows, each merged across the whole width of Excel (A:XFD), each with an ID number that
 * fails its check digit: every row is an error, and the error sheet looks up the merged range of each
 * (an index of every column of every range held 4,000 × 16,384 entries).
 */
export function fullWidthMergesSheet(count = 4_000): Promise<Buffer> {
  const rows = [rowXml(1, HEADER)];
  const merges: string[] = [];
  for (let r = 2; r < 2 + count; r++) {
    rows.push(rowXml(r, ['1号楼', `${100 + r}`, '张三', '410105198001011230']));
    merges.push(`A${r}:XFD${r}`);
  }
  return minimalXlsx(rows, merges);
}

/** Deflates head, then chunk `times`, then tail, as a stream: a bomb never held whole. */
async function deflateRepeated(head: string, chunk: Buffer, times: number, tail: string): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const write = (b: Buffer) =>
    deflate.write(b) ? Promise.resolve() : new Promise<void>((r) => deflate.once('drain', () => r()));
  await write(Buffer.from(head));
  for (let i = 0; i < times; i++) await write(chunk);
  deflate.end(Buffer.from(tail));
  await done;
  return Buffer.concat(out);
}

/**
 * A workbook whose shared strings inflate to `megabytes` MB (one string of spaces and letters) from a
 * file of about a thousandth of that: a zip bomb in the part read whole.
 */
export async function sharedStringsBomb(megabytes = 460): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'AAAAAAAAAAAAAAA ');
  const head = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`;
  const tail = '</t></si></sst>';
  const body = await deflateRepeated(head, chunk, megabytes, tail);
  const size = head.length + megabytes * chunk.length + tail.length;
  // a stored entry of a made-up archive: writeZip copies it as it is (its CRC is not checked on reading)
  const entry: ZipEntry = {
    name: 'xl/sharedStrings.xml',
    method: 8,
    compressedSize: body.length,
    size,
    crc32: 0,
    offset: 0,
  };
  const from = { raw: () => body } as unknown as ZipArchive;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
  return writeZip(packageParts(sheet, { name: entry.name, from, entry }));
}
