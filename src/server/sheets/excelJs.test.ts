import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, workbookBuffer } from './excelJs';

describe('loadWorkbook', () => {
  it('loads merged ranges, and writes them back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = '省民航社区入户排查台账';
    ws.mergeCells('A1:F1');
    for (let r = 3; r <= 3000; r += 3) {
      ws.getCell(r, 1).value = `${r}号`;
      ws.mergeCells(r, 1, r + 2, 1);
      ws.mergeCells(r, 2, r + 1, 3);
    }
    const loaded = await loadWorkbook(await workbookBuffer(wb));
    const sheet = loaded.getWorksheet('台账');
    if (!sheet) throw new Error('no sheet');
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toHaveLength(1 + 2 * 1000);
    expect(merges).toContain('A1:F1');
    expect(merges).toContain('A3000:A3002');
    expect(sheet.getCell('A5').isMerged).toBe(true);
    expect(sheet.getCell('A5').master.address).toBe('A3');
    expect(sheet.getCell('C4').master.address).toBe('B3');
    expect(sheet.getCell('D4').isMerged).toBe(false);
    // and a second round trip keeps them
    const again = (await loadWorkbook(await workbookBuffer(loaded))).getWorksheet('台账');
    expect((again?.model as { merges: string[] } | undefined)?.merges).toHaveLength(2001);
  });

  it('takes a Uint8Array', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('A1').value = '姓名';
    const bytes = new Uint8Array(await workbookBuffer(wb));
    const loaded = await loadWorkbook(bytes);
    expect(loaded.getWorksheet('台账')?.getCell('A1').value).toBe('姓名');
  });
});
