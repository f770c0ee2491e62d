import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelDate, type SheetContext, scanSheet } from './sheetXml';
import { parseDateStyles, parseSharedStrings } from './xlsxParts';
import { openZip } from './zip';

const CTX: SheetContext = { sharedStrings: ['姓名', '张伟'], dateStyles: [false, true], date1904: false };

async function* chunksOf(xml: string, sizes: number[] = []): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(xml, 'utf8');
  let at = 0;
  for (const n of sizes) {
    if (at >= bytes.length) break;
    yield bytes.subarray(at, at + n);
    at += n;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D6"/>
<sheetData>
<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>4.10105198001012E+17</v></c><c r="C2" s="1"><v>29221</v></c><c r="D2" t="b"><v>1</v></c></row>
<row r="3" ht="20" customHeight="1"/>
<row r="4"><c r="A4" t="e"><f>VLOOKUP(1,B:B,2,0)</f><v>#N/A</v></c><c r="B4" t="str"><f>"李"&amp;"娜"</f><v>李娜</v></c><c r="C4" s="1"/><c r="D4"><f>1+1</f><v>2</v></c></row>
<row><c><v>1</v></c><c><v>2</v></c><c r="E5" t="d"><v>2020-01-28T00:00:00Z</v></c></row>
<row r="6"><c r="AA6" t="str"><v>a_x000D_b &lt;c&gt;</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="$A$2:$A$4"/></mergeCells>
<pageMargins left="0.7"/></worksheet>`;

const EXPECTED = [
  ['姓名', '身份证号'],
  ['张伟', 410105198001012000, new Date(Date.UTC(1980, 0, 1)), true],
  [],
  [null, '李娜', null, 2],
  [1, 2, null, null, new Date(Date.UTC(2020, 0, 28))],
  [...Array(26).fill(null), 'a\rb <c>'],
];

describe('scanSheet', () => {
  it('reads values of every kind, and the merged ranges', async () => {
    const sheet = await scanSheet(chunksOf(SHEET), CTX);
    expect(sheet.rows).toEqual(EXPECTED);
    expect(sheet.merges).toEqual(['A1:B1', 'A2:A4']);
    expect(sheet.truncated).toBe(false);
  });

  it('gives the same, however the XML is cut into chunks (even inside a character)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 60 }), async (sizes) => {
        const sheet = await scanSheet(chunksOf(SHEET, sizes), CTX);
        expect(sheet.rows).toEqual(EXPECTED);
        expect(sheet.merges).toEqual(['A1:B1', 'A2:A4']);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a part whose elements carry a namespace prefix', async () => {
    const prefixed = SHEET.replace(/<(\/?)(?!\?)([a-zA-Z]+)/g, '<$1x:$2');
    const sheet = await scanSheet(chunksOf(prefixed, [7, 50, 3]), CTX);
    expect(sheet.rows).toEqual(EXPECTED);
    expect(sheet.merges).toEqual(['A1:B1', 'A2:A4']);
  });

  it('stops at maxRows and still finds the merges', async () => {
    const sheet = await scanSheet(chunksOf(SHEET, [100, 100, 100]), CTX, { maxRows: 2 });
    expect(sheet.rows).toEqual(EXPECTED.slice(0, 2));
    expect(sheet.merges).toEqual(['A1:B1', 'A2:A4']);
    expect(sheet.truncated).toBe(true);
  });

  it('reads an empty sheet', async () => {
    const empty = '<worksheet><sheetData/><mergeCells><mergeCell ref="A1:C1"/></mergeCells></worksheet>';
    expect(await scanSheet(chunksOf(empty), CTX)).toEqual({ rows: [], merges: ['A1:C1'], truncated: false });
    expect(await scanSheet(chunksOf('<worksheet/>'), CTX)).toEqual({
      rows: [],
      merges: [],
      truncated: false,
    });
  });

  it('reads a sheet ExcelJS wrote as ExcelJS reads it back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['姓名', '出生日期', '人数']);
    ws.addRow(['张伟', new Date(Date.UTC(1980, 0, 1)), 3]);
    ws.getCell('B2').numFmt = 'yyyy/m/d';
    const zip = openZip(Buffer.from(await wb.xlsx.writeBuffer()));
    const read = async (name: string) => {
      const e = zip.find(name);
      return e ? (await zip.read(e)).toString('utf8') : undefined;
    };
    const ctx: SheetContext = {
      sharedStrings: parseSharedStrings(await read('xl/sharedStrings.xml')),
      dateStyles: parseDateStyles(await read('xl/styles.xml')),
      date1904: false,
    };
    const entry = zip.find('xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('no sheet');
    const sheet = await scanSheet(zip.stream(entry), ctx);
    expect(sheet.rows).toEqual([
      ['姓名', '出生日期', '人数'],
      ['张伟', new Date(Date.UTC(1980, 0, 1)), 3],
    ]);
  });

  it('converts date serials as ExcelJS does, in both date systems', () => {
    expect(excelDate(29221, false)).toEqual(new Date(Date.UTC(1980, 0, 1)));
    expect(excelDate(29221.5, false)).toEqual(new Date(Date.UTC(1980, 0, 1, 12)));
    expect(excelDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
    expect(excelDate(-1, false)).toBeUndefined();
    expect(excelDate(3e6, false)).toBeUndefined();
  });
});
