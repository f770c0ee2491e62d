import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerSheet } from '../../domain/ledger/sheet/readLedger';
import { generateIdNumber } from '../../domain/validators/idNumber';
import { AppError } from '../platform/errors';
import { loadWorkbook, workbookBuffer } from './excelJs';
import { legacyXlsWorkbook } from './legacySheet';
import { readWorkbook } from './readWorkbook';

const ID = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 123 });

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return workbookBuffer(wb);
}

/** A sheet with every kind of value a ledger cell holds, as ExcelJS writes them. */
function everyKind(ws: ExcelJS.Worksheet): void {
  ws.getCell('A1').value = '省民航社区入户排查台账';
  ws.mergeCells('A1:F1');
  ws.getRow(2).values = ['楼栋', '姓名', '身份证号', '联系电话', '出生日期', '备注'];
  ws.getCell('A3').value = '3号楼';
  ws.mergeCells('A3:A5');
  ws.getCell('B3').value = { richText: [{ text: '张', font: { bold: true } }, { text: '伟' }] };
  ws.getCell('C3').value = ID;
  ws.getCell('D3').value = 13812345678;
  ws.getCell('E3').value = new Date(Date.UTC(1980, 0, 1));
  ws.getCell('E3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('F3').value = { text: '见网页', hyperlink: 'https://example.org/' };
  ws.getCell('B4').value = '李 娜 & <王>';
  ws.getCell('C4').value = Number('410105198001011234'); // an ID typed into a General cell
  ws.getCell('D4').value = { formula: '13900000000+1', result: 13900000001 };
  ws.getCell('E4').value = { formula: 'DATE(1982,3,8)', result: new Date(Date.UTC(1982, 2, 8)) };
  ws.getCell('E4').numFmt = 'yyyy-mm-dd';
  ws.getCell('F4').value = { formula: '"备"&"注"', result: '备注' };
  ws.getCell('B5').value = '王小明';
  ws.getCell('C5').value = { error: '#N/A' };
  ws.getCell('D5').value = true;
  ws.getCell('E5').value = 29221; // a serial number in a General cell stays a number
  ws.getCell('F5').value = '第一行\n第二行';
  ws.getCell('H7').value = 0;
}

/** What ExcelJS's own reader gives for a cell, reduced the way readWorkbook reduces it. */
function plain(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return null;
  if ('hyperlink' in v) return v.text;
  if ('result' in v) return v.result ?? null;
  return v;
}

async function excelJsRows(buf: Buffer, sheet = 0): Promise<unknown[][]> {
  const wb = await loadWorkbook(buf);
  const rows: unknown[][] = [];
  wb.worksheets[sheet].eachRow({ includeEmpty: false }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = plain(cell);
      if (v !== null) cells[c - 1] = v;
    });
    if (cells.length) rows[r - 1] = Array.from(cells, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

async function key(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.key;
    throw e;
  }
  throw new Error('did not throw');
}

describe('readWorkbook', () => {
  it('gives every cell as ExcelJS reads it, objects reduced to their text or result', async () => {
    const buf = await xlsx((wb) => everyKind(wb.addWorksheet('台账')));
    const sheet = await readWorkbook(buf);
    expect(sheet.sheetName).toBe('台账');
    expect(sheet.rows).toEqual(await excelJsRows(buf));
    expect(sheet.merges.sort()).toEqual(['A1:F1', 'A3:A5']);
    expect(sheet.truncated).toBe(false);
  });

  it('keeps the types the ledger reader relies on', async () => {
    const { rows } = await readWorkbook(await xlsx((wb) => everyKind(wb.addWorksheet('台账'))));
    expect(rows[0]).toEqual(['省民航社区入户排查台账']); // merged cells to the right are blank
    expect(rows[2]).toEqual(['3号楼', '张伟', ID, 13812345678, new Date(Date.UTC(1980, 0, 1)), '见网页']);
    expect(rows[3]).toEqual([
      null,
      '李 娜 & <王>',
      Number('410105198001011234'), // as a double: 410105198001011260
      13900000001,
      new Date(Date.UTC(1982, 2, 8)),
      '备注',
    ]);
    expect(rows[4]).toEqual([null, '王小明', null, true, 29221, '第一行\n第二行']);
    expect(rows[5]).toEqual([]);
    expect(rows[6]).toEqual([null, null, null, null, null, null, null, 0]);
    expect(rows).toHaveLength(7);
  });

  it('reads what ExcelJS streams out (inline strings, no shared strings)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet('流式');
    ws.addRow(['姓名', '身份证号', '日期']).commit();
    ws.addRow(['张伟', ID, new Date(Date.UTC(2020, 0, 28))]).commit();
    ws.addRow([{ richText: [{ text: '李' }, { text: '娜' }] }, 4.10105198001012e17]).commit();
    ws.commit();
    await wb.commit();
    const buf = Buffer.concat(chunks);
    const sheet = await readWorkbook(buf);
    expect(sheet.rows).toEqual([
      ['姓名', '身份证号', '日期'],
      ['张伟', ID, new Date(Date.UTC(2020, 0, 28))],
      ['李娜', 410105198001012000],
    ]);
    expect(sheet.rows).toEqual(await excelJsRows(buf));
  });

  it('picks the first visible sheet with data, or the one asked for', async () => {
    const buf = await xlsx((wb) => {
      wb.addWorksheet('说明');
      const lists = wb.addWorksheet('下拉选项', { state: 'hidden' });
      lists.getCell('A1').value = '红';
      wb.addWorksheet('台账').getCell('B2').value = '姓名';
      wb.addWorksheet('二号楼').getCell('A1').value = '二号楼';
    });
    const first = await readWorkbook(buf);
    expect(first.sheetName).toBe('台账');
    expect(first.sheetNames).toEqual(['说明', '下拉选项', '台账', '二号楼']);
    expect(first.rows).toEqual([[], [null, '姓名']]);
    expect((await readWorkbook(buf, { sheet: '二号楼' })).rows).toEqual([['二号楼']]);
    expect((await readWorkbook(buf, { sheet: 3 })).sheetName).toBe('二号楼');
    expect((await readWorkbook(buf, { sheet: 0 })).rows).toEqual([]);
    expect((await readWorkbook(buf, { sheet: ' 台账 ' })).sheetName).toBe('台账');
    expect(await key(readWorkbook(buf, { sheet: '三号楼' }))).toBe('error.import_sheet_not_found');
    expect(await key(readWorkbook(buf, { sheet: 9 }))).toBe('error.import_sheet_not_found');
  });

  it('reads only the first maxRows rows, keeping the merges that start among them', async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet('台账');
      for (let r = 1; r <= 50; r++) ws.getCell(r, 1).value = `第${r}行`;
      ws.mergeCells('B2:B8');
      ws.mergeCells('B30:B40');
    });
    const sheet = await readWorkbook(buf, { maxRows: 10 });
    expect(sheet.rows).toHaveLength(10);
    expect(sheet.rows[9]).toEqual(['第10行']);
    expect(sheet.merges).toEqual(['B2:B8']);
    expect(sheet.truncated).toBe(true);
    expect((await readWorkbook(buf, { maxRows: 50 })).truncated).toBe(false);
  });

  it('hands the ledger reader what it needs: an ID stored as a number is explained', async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(['楼号', '门牌', '名字', '身份证号码']);
      ws.addRow(['1号楼', '101', '张伟', ID]);
      ws.addRow([null, null, '李娜', Number('410105198001011234')]);
      ws.mergeCells('A2:A3');
      ws.mergeCells('B2:B3');
    });
    const sheet = await readWorkbook(buf);
    const result = readLedgerSheet(sheet.rows, sheet.merges, {
      locale: 'zh-CN',
      today: new Date(2020, 1, 1),
    });
    expect(result.records.map((r) => r.row)).toEqual([2]);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'id.excel_number']]);
    expect(result.errors[0].message).toContain('4.10105E+17');
  });

  it('reads an Excel 97–2003 .xls (and a WPS .et: the same container) by its content, as an .xlsx is read', async () => {
    const xls = legacyXlsWorkbook([
      { name: '填表说明', rows: [['只填白色单元格']], hidden: true },
      {
        name: '入户台账',
        rows: [
          ['省民航社区入户排查台账'],
          ['楼号', '门牌', '姓名', '身份证号', '出生日期', '联系电话'],
          ['3号楼', '101', '张伟', ID, new Date(Date.UTC(1980, 0, 1)), 13812345678],
          [null, '102', '李 娜 & <王>', Number('410105198001011234'), null, true],
        ],
        merges: ['A1:F1', 'A3:A4'],
      },
    ]);
    expect(xls.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const sheet = await readWorkbook(xls);
    expect(sheet.sheetName).toBe('入户台账'); // the first visible sheet with data
    expect(sheet.sheetNames).toEqual(['填表说明', '入户台账']);
    expect(sheet.rows).toEqual([
      ['省民航社区入户排查台账'],
      ['楼号', '门牌', '姓名', '身份证号', '出生日期', '联系电话'],
      ['3号楼', '101', '张伟', ID, new Date(Date.UTC(1980, 0, 1)), 13812345678],
      [null, '102', '李 娜 & <王>', Number('410105198001011234'), null, true],
    ]);
    expect([...sheet.merges].sort()).toEqual(['A1:F1', 'A3:A4']);
    expect((await readWorkbook(xls, { sheet: '填表说明' })).rows).toEqual([['只填白色单元格']]);
    expect(await key(readWorkbook(xls, { sheet: '第二页' }))).toBe('error.import_sheet_not_found');
    const result = readLedgerSheet(sheet.rows, sheet.merges, {
      locale: 'zh-CN',
      today: new Date(2020, 1, 1),
    });
    expect(result.records.map((r) => r.row)).toEqual([3]);
    expect(result.errors.map((e) => [e.row, e.code])).toContainEqual([4, 'id.excel_number']);
  });

  it('refuses an old file it cannot read, and an HTML or XML "Excel" table, saying to save it as .xlsx', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(await key(readWorkbook(ole))).toBe('error.import_legacy_xls');
    const html = Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    expect(await key(readWorkbook(html))).toBe('error.import_markup');
    const xml2003 = Buffer.from(
      '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
    );
    expect(await key(readWorkbook(xml2003))).toBe('error.import_markup');
  });

  it('refuses a password-protected workbook, saying to remove the password', async () => {
    const encrypted = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(encrypted);
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1024);
    expect(await key(readWorkbook(encrypted))).toBe('error.import_encrypted');
  });

  it('refuses what is not a workbook, or a damaged one', async () => {
    const good = await xlsx((wb) => everyKind(wb.addWorksheet('台账')));
    expect(await key(readWorkbook(good.subarray(0, good.length >> 1)))).toBe('error.import_unreadable');
    const damaged = Buffer.from(good);
    damaged.fill(0x41, 200, 2000);
    expect(await key(readWorkbook(damaged))).toBe('error.import_unreadable');
    // binary data that is no text is named so (issue 11, finding 17)
    expect(await key(readWorkbook(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2])))).toBe(
      'upload.not_sheet.binary',
    );
    expect(await key(readWorkbook(Buffer.alloc(0)))).toBe('error.import_unreadable');
    expect(await key(readWorkbook(Buffer.from('PK\u0003\u0004 but nothing else')))).toBe(
      'error.import_unreadable',
    );
  });

  it('reads a CSV file, every cell as text', async () => {
    const csv =
      '\ufeff楼号,名字,身份证号码,手机号\r\n1号楼,张伟,' +
      ID +
      ',13812345678\r\n\r\n,"李,娜",4.10105E+17,\r\n';
    const sheet = await readWorkbook(Buffer.from(csv, 'utf8'));
    expect(sheet).toEqual({
      sheetName: 'CSV',
      sheetNames: ['CSV'],
      rows: [
        ['楼号', '名字', '身份证号码', '手机号'],
        ['1号楼', '张伟', ID, '13812345678'],
        [],
        [null, '李,娜', '4.10105E+17'],
      ],
      merges: [],
      truncated: false,
    });
  });

  it('takes a Uint8Array as well as a Buffer', async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet('台账');
      for (let r = 1; r <= 2000; r++) ws.addRow([`${r}号`, '张伟', ID, 13812345678]);
    });
    const sheet = await readWorkbook(new Uint8Array(buf), { maxRows: 20 });
    expect(sheet.rows).toHaveLength(20);
  });
});
