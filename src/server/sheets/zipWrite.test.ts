import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, workbookBuffer } from './excelJs';
import { openZip } from './zip';
import { writeZip, type ZipPart } from './zipWrite';

describe('writeZip', () => {
  it('writes parts that read back, names in UTF-8 included', async () => {
    const zip = openZip(
      await writeZip([
        { name: 'a.txt', data: 'hello' },
        { name: '目录/台账.xml', data: Buffer.from('<台账/>') },
        { name: 'empty', data: '' },
      ]),
    );
    expect([...zip.entries.keys()]).toEqual(['a.txt', '目录/台账.xml', 'empty']);
    const read = async (n: string) => {
      const e = zip.find(n);
      if (!e) throw new Error(n);
      return (await zip.read(e)).toString('utf8');
    };
    expect(await read('a.txt')).toBe('hello');
    expect(await read('目录/台账.xml')).toBe('<台账/>');
    expect(await read('empty')).toBe('');
  });

  it('copies the parts of a workbook as stored, and the copy opens', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('B2').value = '姓名';
    const source = openZip(await workbookBuffer(wb));
    const parts: ZipPart[] = [...source.entries.values()].map((entry) => ({
      name: entry.name,
      from: source,
      entry,
    }));
    const copy = openZip(await writeZip(parts));
    for (const e of source.entries.values()) {
      const c = copy.find(e.name);
      if (!c) throw new Error(e.name);
      expect(copy.raw(c)).toEqual(source.raw(e));
      expect(c.crc32).toBe(e.crc32);
    }
    const again = await loadWorkbook(await writeZip(parts));
    expect(again.getWorksheet('台账')?.getCell('B2').value).toBe('姓名');
  });
});
