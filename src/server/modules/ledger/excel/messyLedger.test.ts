import { describe, expect, it } from 'vitest';
import { readLedgerSheet } from '../../../../domain/ledger/sheet/readLedger';
import type { ResidentRecord } from '../../../../domain/ledger/sheet/validateRow';
import { validateIdNumber } from '../../../../domain/validators/idNumber';
import { loadWorkbook } from '../../../sheets/excelJs';
import { readWorkbook } from '../../../sheets/readWorkbook';
import { FIXED_EXPECTED, fixedMessyLedgerSheet, MESSY_EXPECTED, messyLedgerSheet } from './messyLedger';

const TODAY = new Date(2020, 0, 28);

async function read(buf: Buffer, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const sheet = await readWorkbook(buf);
  return { sheet, result: readLedgerSheet(sheet.rows, sheet.merges, { locale, today: TODAY }) };
}

describe('the messy ledger fixture', () => {
  it('reads as MESSY_EXPECTED says', async () => {
    const { sheet, result } = await read(await messyLedgerSheet());
    expect(sheet.sheetName).toBe(MESSY_EXPECTED.sheetName);
    expect(result.header?.rowIndex).toBe(MESSY_EXPECTED.headerRowIndex);
    expect(result.header?.mapping).toEqual(MESSY_EXPECTED.mapping);
    expect(result.header?.unmapped).toEqual([]);
    expect(result.errors.map((e) => ({ row: e.row, code: e.code, column: e.column }))).toEqual(
      MESSY_EXPECTED.errors,
    );
    expect(result.residents).toBe(MESSY_EXPECTED.residents);
    expect(result.households).toHaveLength(MESSY_EXPECTED.households);
    expect(result.emptyHouseholds).toBe(MESSY_EXPECTED.emptyHouseholds);
    expect(result.skippedBlank).toBe(MESSY_EXPECTED.blankRows);
    expect(result.skippedHeadings).toBe(MESSY_EXPECTED.headingRows);
    expect(result.rejectedRows).toBe(MESSY_EXPECTED.rejectedRows);
    expect(result.households.filter((h) => !h.empty).length).toBeGreaterThanOrEqual(4);
    const byRow = new Map(result.records.map((r) => [r.row, r]));
    for (const n of MESSY_EXPECTED.normalised) expect(byRow.get(n.row)).toMatchObject(n);
  });

  it('places every resident: the merged building and the unit written once reach every row', async () => {
    const { result } = await read(await messyLedgerSheet());
    const places = result.households.map((h) => `${h.building}/${h.unit}/${h.door}${h.empty ? ' 空户' : ''}`);
    expect(places).toEqual([
      '3号楼/1单元/101',
      '3号楼/1单元/102',
      '3号楼/1单元/103 空户',
      '3号楼/2单元/202',
      '3号楼/2单元/203',
      '5号楼/1单元/301',
    ]);
    const zhang = result.records.find((r) => r.kind === 'resident' && r.name === '张建国') as ResidentRecord;
    expect(zhang).toMatchObject({
      relation: 'head',
      markers: ['party_member'],
      colour: 'green',
      sex: 'male',
    });
  });

  it('explains the ID Excel turned into a number, in both languages', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { result } = await read(await messyLedgerSheet(), locale);
      expect(result.errors[0].message).toContain('4.10105E+17');
    }
  });

  it('looks like the office sheet: titles, blank row, merged building', async () => {
    const wb = await loadWorkbook(await messyLedgerSheet());
    const ws = wb.getWorksheet(MESSY_EXPECTED.sheetName);
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('花园路街道省民航社区入户排查台账');
    expect(String(ws.getCell('A2').value)).toContain('填报日期：2020年1月28日');
    expect(ws.getRow(3).cellCount).toBe(0);
    const merges = (ws.model as { merges: string[] }).merges;
    expect(merges).toEqual(
      expect.arrayContaining(['A1:L1', 'A2:L2', 'A5:A12', 'A13:L13', 'A14:A19', 'A20:A21']),
    );
    expect(typeof ws.getCell('F7').value).toBe('number');
  });

  it('uses synthetic but valid ID numbers except where it means not to', async () => {
    const { sheet } = await read(await messyLedgerSheet());
    const ids = sheet.rows
      .slice(4)
      .map((row) => row[5])
      .filter((v): v is string => typeof v === 'string');
    const invalid = ids.filter((v) => !validateIdNumber(v).ok);
    expect(ids.length).toBeGreaterThanOrEqual(11);
    expect(invalid).toHaveLength(1); // the mistyped check digit
  });
});

describe('the corrected messy ledger', () => {
  it('reads with no error', async () => {
    const { sheet, result } = await read(await fixedMessyLedgerSheet());
    expect(sheet.sheetName).toBe(FIXED_EXPECTED.sheetName);
    expect(result.header?.rowIndex).toBe(FIXED_EXPECTED.headerRowIndex);
    expect(result.errors).toEqual([]);
    expect(result.residents).toBe(FIXED_EXPECTED.residents);
    expect(result.households).toHaveLength(FIXED_EXPECTED.households);
    expect(result.emptyHouseholds).toBe(FIXED_EXPECTED.emptyHouseholds);
  });
});
