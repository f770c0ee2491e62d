import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  isDateFormat,
  parseDateStyles,
  parseSharedStrings,
  readPart,
  readWorkbookParts,
  relsPath,
  resolveTarget,
} from './xlsxParts';
import { openZip } from './zip';

describe('workbook parts', () => {
  it('lists the worksheets in tab order, with their parts and whether they are hidden', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账');
    wb.addWorksheet('下拉选项', { state: 'hidden' });
    wb.addWorksheet('说明');
    const zip = openZip(Buffer.from(await wb.xlsx.writeBuffer()));
    const parts = await readWorkbookParts(zip);
    expect(parts.workbookPath).toBe('xl/workbook.xml');
    expect(parts.sheets).toEqual([
      { name: '台账', path: 'xl/worksheets/sheet1.xml', hidden: false },
      { name: '下拉选项', path: 'xl/worksheets/sheet2.xml', hidden: true },
      { name: '说明', path: 'xl/worksheets/sheet3.xml', hidden: false },
    ]);
    expect(parts.date1904).toBe(false);
    expect(await readPart(zip, parts.stylesPath)).toContain('cellXfs');
  });

  it('reads the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet('台账');
    const parts = await readWorkbookParts(openZip(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(parts.date1904).toBe(true);
  });

  it('resolves relationship targets', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(relsPath('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
  });

  it('reads shared strings, rich text as plain text', () => {
    const xml =
      '<sst count="4"><si><t>姓名</t></si><si><r><rPr><b/></rPr><t>张</t></r><r><t>伟</t></r></si>' +
      '<si><t/></si><si><t xml:space="preserve"> a &amp; b </t><rPh><t>x</t></rPh></si></sst>';
    expect(parseSharedStrings(xml)).toEqual(['姓名', '张伟', '', ' a & b ']);
    expect(parseSharedStrings(undefined)).toEqual([]);
  });

  it('tells date formats from others', () => {
    for (const f of [
      'yyyy-mm-dd',
      'yyyy"年"m"月"d"日"',
      '[$-804]yyyy/m/d',
      'h:mm',
      'YYYY/MM/DD',
      '[h]:mm:ss',
    ])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '@', '0', '0.00E+00', '#,##0 "户"', '[Red]0.00', '0_);(0)', '"第"0"号"'])
      expect(isDateFormat(f), f).toBe(false);
  });

  it('finds the cell styles that are dates', () => {
    const xml =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>' +
      '<numFmt numFmtId="177" formatCode="@"/></numFmts><cellXfs count="5"><xf numFmtId="0"/>' +
      '<xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"><alignment/></xf><xf numFmtId="177"/>' +
      '<xf numFmtId="49"/><xf numFmtId="31"/></cellXfs><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs></styleSheet>';
    expect(parseDateStyles(xml)).toEqual([false, true, true, false, false, true]);
  });
});
