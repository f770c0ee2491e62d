import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../domain/i18n/messages';
import { readLedgerSheet } from '../../domain/ledger/sheet/readLedger';
import { generateIdNumber } from '../../domain/validators/idNumber';
import { ERROR_COLUMN_HEADER, writeErrorSheet } from './errorSheet';
import { loadWorkbook, workbookBuffer } from './excelJs';
import { readWorkbook } from './readWorkbook';
import { openZip } from './zip';
import { writeZip, type ZipPart } from './zipWrite';

const TODAY = new Date(2020, 1, 1);
const ZHANG = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 11 });
const LI = generateIdNumber({ regionCode: '410105', birthDate: '1982-03-08', sequence: 22 });
const BAD_CHECK = ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1');
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

/** A small office ledger: title, header on row 3, errors on rows 5 and 6, a second sheet. */
async function original(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '省民航社区入户排查台账';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '填报日期：2020年1月28日';
  ws.getRow(3).values = ['楼号', '门牌', '名字', '性别', '身份证号码', '手机号'];
  ws.getRow(3).font = { bold: true };
  ws.getRow(4).values = ['1号楼', '101', '张伟', '男', ZHANG, '13812345678'];
  ws.getRow(5).values = [null, '101', '李娜', '男', LI, '1381234'];
  ws.getRow(6).values = [null, '102', '王强', '男', BAD_CHECK, '13912345678'];
  ws.mergeCells('A4:A6');
  for (let r = 4; r <= 6; r++) ws.getCell(r, 6).fill = GREY;
  ws.getColumn(5).width = 22;
  wb.addWorksheet('说明').getCell('A1').value = '填写说明';
  return workbookBuffer(wb);
}

async function errorsOf(buf: Buffer, locale: Locale = 'zh-CN') {
  const sheet = await readWorkbook(buf);
  return { sheet, result: readLedgerSheet(sheet.rows, sheet.merges, { locale, today: TODAY }) };
}

function argb(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill;
  return f?.type === 'pattern' && f.pattern === 'solid' ? f.fgColor?.argb : undefined;
}

describe('writeErrorSheet', () => {
  it('writes each rejected row its messages in a column at the right, and marks the cells', async () => {
    const buf = await original();
    const { sheet, result } = await errorsOf(buf);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [5, 'sex.id_mismatch'],
      [5, 'phone.format'],
      [6, 'id.checksum'],
    ]);
    const header = result.header?.rowIndex ?? null;
    const out = await writeErrorSheet(buf, sheet.sheetName, result.errors, 'zh-CN', header);

    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet('台账');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('G3').value).toBe('错误原因');
    expect(ws.getCell('G4').value).toBeNull();
    expect(ws.getCell('G5').value).toBe(`${result.errors[0].message}；${result.errors[1].message}`);
    expect(ws.getCell('G6').value).toBe(result.errors[2].message);
    expect(argb(ws.getCell('G5'))).toBe('FFFFC7CE');
    expect(argb(ws.getCell('D5'))).toBe('FFFFC7CE'); // 性别
    expect(argb(ws.getCell('F5'))).toBe('FFFFC7CE'); // 手机号
    expect(argb(ws.getCell('E6'))).toBe('FFFFC7CE'); // 身份证号码
    // the rest as it was: values, fills (not shared with the marked cells), merges, widths, other sheets
    expect(argb(ws.getCell('F4'))).toBe('FFEEEEEE');
    expect(argb(ws.getCell('F6'))).toBe('FFEEEEEE');
    expect(argb(ws.getCell('E5'))).toBeUndefined();
    expect(ws.getCell('E4').value).toBe(ZHANG);
    expect(ws.getCell('A1').font?.size).toBe(16);
    expect((ws.model as { merges: string[] }).merges.sort()).toEqual(['A1:F1', 'A4:A6']);
    expect(ws.getColumn(5).width).toBe(22);
    expect(wb.getWorksheet('说明')?.getCell('A1').value).toBe('填写说明');
  });

  it('gives a file that reads the same again, the error column set aside', async () => {
    const buf = await original();
    const { sheet, result } = await errorsOf(buf);
    const out = await writeErrorSheet(buf, sheet.sheetName, result.errors, 'zh-CN', 2);
    const again = await errorsOf(out);
    expect(again.result.errors).toEqual(result.errors);
    expect(again.result.records).toEqual(result.records);
    expect(again.result.header?.unmapped).toEqual([{ column: 6, header: '错误原因', reason: 'unknown' }]);
  });

  it('reuses its column when the corrected file fails again', async () => {
    const buf = await original();
    const first = await errorsOf(buf);
    const out1 = await writeErrorSheet(buf, '台账', first.result.errors, 'zh-CN', 2);
    // the user corrects row 5 in the error sheet and imports it again
    const wb = await loadWorkbook(out1);
    const ws = wb.getWorksheet('台账');
    if (!ws) throw new Error('no sheet');
    ws.getCell('D5').value = '女';
    ws.getCell('F5').value = '13812345679';
    const corrected = await workbookBuffer(wb);
    const second = await errorsOf(corrected, 'en');
    expect(second.result.errors.map((e) => e.row)).toEqual([6]);
    const out2 = await writeErrorSheet(corrected, '台账', second.result.errors, 'en', 2);
    const ws2 = (await loadWorkbook(out2)).getWorksheet('台账');
    if (!ws2) throw new Error('no sheet');
    expect(ws2.getCell('G3').value).toBe(ERROR_COLUMN_HEADER.en);
    expect(ws2.getCell('H3').value).toBeNull();
    expect(ws2.getCell('G5').value).toBeNull();
    expect(argb(ws2.getCell('G5'))).toBeUndefined();
    expect(ws2.getCell('G6').value).toBe(second.result.errors[0].message);
  });

  it('joins English messages with a semicolon', async () => {
    const buf = await original();
    const { result } = await errorsOf(buf, 'en');
    const out = await writeErrorSheet(buf, '台账', result.errors, 'en', 2);
    const ws = (await loadWorkbook(out)).getWorksheet('台账');
    expect(ws?.getCell('G5').value).toBe(`${result.errors[0].message}; ${result.errors[1].message}`);
  });

  it('puts the errors of the sheet as a whole in a note on the column header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '备注']);
    ws.addRow([1, '无表头']);
    const buf = await workbookBuffer(wb);
    const { result } = await errorsOf(buf);
    expect(result.errors.map((e) => e.code)).toEqual(['sheet.no_header']);
    const out = await writeErrorSheet(buf, 'Sheet1', result.errors, 'zh-CN', null);
    const cell = (await loadWorkbook(out)).getWorksheet('Sheet1')?.getCell('C1');
    expect(cell?.value).toBe('错误原因');
    expect(JSON.stringify(cell?.note)).toContain('没有找到表头行');
  });

  it('gives a CSV file back as a workbook', async () => {
    const csv = Buffer.from(`楼号,门牌,名字,身份证号码\n1号楼,101,张伟,${BAD_CHECK}\n`, 'utf8');
    const sheet = await readWorkbook(csv);
    const result = readLedgerSheet(sheet.rows, sheet.merges, { locale: 'zh-CN', today: TODAY });
    const out = await writeErrorSheet(csv, sheet.sheetName, result.errors, 'zh-CN', 0);
    const ws = (await loadWorkbook(out)).getWorksheet('CSV');
    expect(ws?.getCell('D2').value).toBe(BAD_CHECK);
    expect(ws?.getCell('E2').value).toBe(result.errors[0].message);
  });

  it('refuses a sheet name the workbook does not have', async () => {
    await expect(writeErrorSheet(await original(), '二号楼', [], 'zh-CN', 0)).rejects.toMatchObject({
      key: 'error.import_sheet_not_found',
    });
  });
});

describe('writeErrorSheet, what it keeps', () => {
  it('copies every other part of the file as it was, and changes no other cell', async () => {
    const buf = await original();
    const { sheet, result } = await errorsOf(buf);
    const out = await writeErrorSheet(buf, '台账', result.errors, 'zh-CN', 2);
    const before = openZip(buf);
    const after = openZip(out);
    const changed = [...before.entries.values()]
      .filter((e) => {
        const a = after.find(e.name);
        return !a || !after.raw(a).equals(before.raw(e));
      })
      .map((e) => e.name);
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const again = await readWorkbook(out);
    expect(again.merges).toEqual(sheet.merges);
    expect(again.rows.map((row) => row.slice(0, 6))).toEqual(sheet.rows.map((row) => row.slice(0, 6)));
  });

  it('keeps the style of a marked cell, with the red fill', async () => {
    const wb = await loadWorkbook(await original());
    const ws = wb.getWorksheet('台账');
    if (!ws) throw new Error('no sheet');
    ws.getCell('E6').font = { bold: true, name: '宋体' };
    ws.getCell('E6').border = { bottom: { style: 'double' } };
    const buf = await workbookBuffer(wb);
    const { result } = await errorsOf(buf);
    const out = await loadWorkbook(await writeErrorSheet(buf, '台账', result.errors, 'zh-CN', 2));
    const e6 = out.getWorksheet('台账')?.getCell('E6');
    expect(e6?.font).toMatchObject({ bold: true, name: '宋体' });
    expect(e6?.border?.bottom?.style).toBe('double');
    expect(e6 && argb(e6)).toBe('FFFFC7CE');
  });

  it('marks the top-left cell of a merged range an error names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['楼号', '门牌', '名字']);
    ws.addRow(['幸福花园'.repeat(15), '101', '张伟']); // a building name longer than 50 characters
    ws.addRow([null, '102', '李娜']);
    ws.mergeCells('A2:A3');
    const buf = await workbookBuffer(wb);
    const { result } = await errorsOf(buf);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'text.too_long'],
      [3, 'text.too_long'],
    ]);
    const out = (
      await loadWorkbook(await writeErrorSheet(buf, '台账', result.errors, 'zh-CN', 0))
    ).getWorksheet('台账');
    expect(out && argb(out.getCell('A2'))).toBe('FFFFC7CE');
    expect(out?.getCell('D3').value).toBe(result.errors[1].message);
  });

  it('writes the sheet’s problems after the header when the sheet already has notes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '备注']);
    ws.getCell('B1').note = '原有的批注';
    const buf = await workbookBuffer(wb);
    const { result } = await errorsOf(buf);
    const out = await writeErrorSheet(buf, 'Sheet1', result.errors, 'zh-CN', null);
    const sheet = (await loadWorkbook(out)).getWorksheet('Sheet1');
    expect(String(sheet?.getCell('C1').value)).toMatch(/^错误原因：前 20 行中没有找到表头行/);
    expect(JSON.stringify(sheet?.getCell('B1').note)).toContain('原有的批注');
    // and the next round finds its column again
    const en = (await errorsOf(out, 'en')).result.errors;
    const second = await writeErrorSheet(out, 'Sheet1', en, 'en', null);
    const next = (await loadWorkbook(second)).getWorksheet('Sheet1');
    expect(String(next?.getCell('C1').value)).toMatch(/^Errors: No header row/);
    expect(next?.getCell('D1').value).toBeNull();
  });

  it('makes a styles part for a workbook that has none', async () => {
    const zip = openZip(await original());
    const text = async (name: string) => {
      const e = zip.find(name);
      if (!e) throw new Error(name);
      return (await zip.read(e)).toString('utf8');
    };
    const rels = (await text('xl/_rels/workbook.xml.rels')).replace(/<Relationship [^>]*styles[^>]*\/>/, '');
    const types = (await text('[Content_Types].xml')).replace(/<Override [^>]*styles\.xml[^>]*\/>/, '');
    // without styles, the cells' s attributes have nothing to refer to: drop them too
    const sheet = (await text('xl/worksheets/sheet1.xml')).replace(/ s="\d+"/g, '');
    const parts: ZipPart[] = [...zip.entries.values()]
      .filter((e) => e.name !== 'xl/styles.xml')
      .map((e) =>
        e.name === 'xl/_rels/workbook.xml.rels'
          ? { name: e.name, data: rels }
          : e.name === '[Content_Types].xml'
            ? { name: e.name, data: types }
            : e.name === 'xl/worksheets/sheet1.xml'
              ? { name: e.name, data: sheet }
              : { name: e.name, from: zip, entry: e },
      );
    const bare = await writeZip(parts);
    const { result } = await errorsOf(bare);
    const out = await writeErrorSheet(bare, '台账', result.errors, 'zh-CN', 2);
    expect(openZip(out).find('xl/styles.xml')).toBeDefined();
    const ws = (await loadWorkbook(out)).getWorksheet('台账');
    expect(ws && argb(ws.getCell('G5'))).toBe('FFFFC7CE');
  });

  it('handles 20,000 rows with an error each', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['楼号', '门牌', '名字', '身份证号码']);
    for (let i = 0; i < 20_000; i++) ws.addRow(['1号楼', String(i), `居民${i}`, BAD_CHECK]);
    const buf = await workbookBuffer(wb);
    const { result } = await errorsOf(buf);
    expect(result.rejectedRows).toBe(20_000);
    const out = await readWorkbook(await writeErrorSheet(buf, '台账', result.errors, 'zh-CN', 0));
    expect(out.rows).toHaveLength(20_001);
    expect(out.rows[20_000][4]).toContain('校验位');
  });
});
