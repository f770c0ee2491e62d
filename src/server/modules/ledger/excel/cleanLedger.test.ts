import { describe, expect, it } from 'vitest';
import { readLedgerSheet } from '../../../../domain/ledger/sheet/readLedger';
import { readWorkbook } from '../../../sheets/readWorkbook';
import { CLEAN_COLUMNS, cleanLedgerSheet } from './cleanLedger';

async function read(buf: Buffer) {
  const sheet = await readWorkbook(buf);
  return {
    sheet,
    result: readLedgerSheet(sheet.rows, sheet.merges, { locale: 'zh-CN', today: new Date(2020, 0, 28) }),
  };
}

describe('cleanLedgerSheet', () => {
  it('makes a valid sheet of N residents in households of 1 to 5', async () => {
    const { sheet, result } = await read(await cleanLedgerSheet({ residents: 1000, seed: 7 }));
    expect(result.errors).toEqual([]);
    expect(result.residents).toBe(1000);
    expect(result.header?.rowIndex).toBe(1);
    expect(Object.keys(result.header?.mapping ?? {})).toHaveLength(CLEAN_COLUMNS.length);
    const sizes = result.households.map((h) => h.residents.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(5);
    for (const h of result.households) {
      expect(h.residents.filter((r) => r.relation === 'head')).toHaveLength(1);
      expect(new Set(h.residents.map((r) => r.colour)).size).toBe(1);
    }
    expect(new Set(result.households.map((h) => h.building)).size).toBeGreaterThan(1);
    expect(typeof sheet.rows[2][5]).toBe('string'); // the ID number as text
  });

  it('gives the same sheet for the same seed, another for another', async () => {
    const a = await read(await cleanLedgerSheet({ residents: 50, seed: 3 }));
    const b = await read(await cleanLedgerSheet({ residents: 50, seed: 3 }));
    const c = await read(await cleanLedgerSheet({ residents: 50, seed: 4 }));
    expect(a.sheet.rows).toEqual(b.sheet.rows);
    expect(a.sheet.rows).not.toEqual(c.sheet.rows);
  });

  it('spreads the households over the buildings asked for', async () => {
    const { result } = await read(await cleanLedgerSheet({ residents: 300, buildings: 4 }));
    expect(new Set(result.households.map((h) => h.building))).toEqual(
      new Set(['1号楼', '2号楼', '3号楼', '4号楼']),
    );
    expect(result.errors).toEqual([]);
  });

  it('makes an empty sheet for no residents', async () => {
    const { sheet, result } = await read(await cleanLedgerSheet({ residents: 0 }));
    expect(sheet.rows).toHaveLength(2);
    expect(result.residents).toBe(0);
  });
});
