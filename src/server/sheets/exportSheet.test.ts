import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLedgerSheet } from '../../domain/ledger/sheet/readLedger';
import { generateIdNumber } from '../../domain/validators/idNumber';
import { loadWorkbook } from './excelJs';
import { createLedgerExport, type ExportColumn, safeSheetName } from './exportSheet';
import { readWorkbook } from './readWorkbook';

const COLUMNS: ExportColumn[] = [
  { key: 'building', header: '楼栋', text: true },
  { key: 'door', header: '门牌号', text: true },
  { key: 'name', header: '姓名' },
  { key: 'idNumber', header: '身份证号', width: 22, text: true },
  { key: 'phone', header: '联系电话', text: true },
  { key: 'markers', header: '人员类别' },
  { key: 'checkedAt', header: '排查日期', width: 12 },
  { key: 'people', header: '人数' },
];

function collect(): { out: PassThrough; done: () => Buffer } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return { out, done: () => Buffer.concat(chunks) };
}

const idOf = (i: number) => generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: i });

describe('createLedgerExport', () => {
  it('streams 1,000 rows that read back as written', async () => {
    const { out, done } = collect();
    const exp = createLedgerExport(out, {
      locale: 'zh-CN',
      title: '省民航社区入户排查台账',
      columns: COLUMNS,
    });
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = generateIdNumber({
        regionCode: '410105',
        birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        sequence: i % 1000,
      });
      ids.push(id);
      exp.addRow({
        building: `${1 + Math.floor(i / 100)}号楼`,
        door: 101 + (i % 100),
        name: `居民${i}`,
        idNumber: id,
        phone: 13800000000 + i,
        markers: i % 10 === 0 ? ['党员', '志愿者'] : [],
        checkedAt: new Date(Date.UTC(2020, 0, 28)),
        people: i % 5,
      });
    }
    await exp.finish();
    const sheet = await readWorkbook(done());
    expect(sheet.sheetName).toBe('入户台账');
    expect(sheet.rows).toHaveLength(1002);
    expect(sheet.rows[0]).toEqual(['省民航社区入户排查台账']);
    expect(sheet.rows[1]).toEqual(COLUMNS.map((c) => c.header));
    expect(sheet.rows[2]).toEqual([
      '1号楼',
      '101',
      '居民0',
      ids[0],
      '13800000000',
      '党员、志愿者',
      new Date(Date.UTC(2020, 0, 28)),
      0,
    ]);
    expect(sheet.rows[1001]).toEqual([
      '10号楼',
      '200',
      '居民999',
      ids[999],
      '13800000999',
      null,
      new Date(Date.UTC(2020, 0, 28)),
      4,
    ]);
    expect(sheet.merges).toEqual(['A1:H1']);
    // and the importer takes it back
    const result = readLedgerSheet(sheet.rows, sheet.merges, {
      locale: 'zh-CN',
      today: new Date(2020, 1, 1),
    });
    expect(result.errors).toEqual([]);
    expect(result.residents).toBe(1000);
  });

  it('freezes the header, puts a filter on it and formats text columns as text', async () => {
    const { out, done } = collect();
    const exp = createLedgerExport(out, {
      locale: 'en',
      title: 'Ledger',
      columns: COLUMNS,
      sheetName: 'A/B: ledger?',
    });
    exp.addRow({ building: 'Building 1', idNumber: idOf(1), phone: '13800000000', markers: ['a', 'b'] });
    await exp.finish();
    const wb = await loadWorkbook(done());
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('A B  ledger');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:H2');
    expect(ws.getCell('D3').numFmt).toBe('@');
    expect(ws.getCell('D3').value).toBe(idOf(1));
    expect(ws.getCell('F3').value).toBe('a, b');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getColumn(4).width).toBe(22);
  });

  it('refuses rows after the end, and an export with no columns', async () => {
    const { out } = collect();
    const exp = createLedgerExport(out, { locale: 'zh-CN', title: 't', columns: COLUMNS });
    await exp.finish();
    expect(() => exp.addRow({})).toThrow();
    expect(() => createLedgerExport(new PassThrough(), { locale: 'zh-CN', title: 't', columns: [] })).toThrow(
      RangeError,
    );
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('台账[1]', 'x')).toBe('台账 1');
    expect(safeSheetName('   ', '入户台账')).toBe('入户台账');
    expect(safeSheetName('a'.repeat(40), 'x')).toHaveLength(31);
  });
});
