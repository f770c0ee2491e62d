import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { looksLikeZip, openZip, ZipFormatError } from './zip';

interface Part {
  name: string;
  data: Buffer;
  deflate?: boolean;
}

/** A ZIP archive written by hand, stored or deflated entries, optionally with ZIP64 records. */
function zipOf(parts: Part[], zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = p.deflate ? deflateRawSync(p.data) : p.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(p.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(p.data.length), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(p.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(p.data), 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : p.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, eocd]);
}

async function streamed(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('openZip', () => {
  it('reads the parts of a workbook ExcelJS wrote', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('A1').value = '姓名';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(looksLikeZip(buf)).toBe(true);
    const zip = openZip(buf);
    expect([...zip.entries.keys()]).toContain('xl/workbook.xml');
    const sheet = zip.find('xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const whole = (await zip.read(sheet)).toString('utf8');
    expect(whole).toContain('<sheetData>');
    expect(await streamed(zip.stream(sheet))).toBe(whole);
    expect(zip.find('XL/Workbook.XML')?.name).toBe('xl/workbook.xml');
  });

  it('reads stored and deflated entries, and ZIP64 records', async () => {
    const parts = [
      { name: 'a.txt', data: Buffer.from('stored 存储') },
      { name: 'dir/b.xml', data: Buffer.from('<x>'.repeat(1000)), deflate: true },
    ];
    for (const zip64 of [false, true]) {
      const zip = openZip(zipOf(parts, zip64));
      for (const p of parts) {
        const e = zip.find(p.name);
        if (!e) throw new Error(p.name);
        expect(await zip.read(e)).toEqual(p.data);
        expect(await streamed(zip.stream(e))).toBe(p.data.toString('utf8'));
      }
    }
  });

  it('refuses an entry that inflates past the limit (a ZIP bomb)', async () => {
    const zip = openZip(zipOf([{ name: 'big.xml', data: Buffer.alloc(1 << 20), deflate: true }]));
    const e = zip.find('big.xml');
    if (!e) throw new Error('no entry');
    // refused with the limit named (413), not as a damaged file
    await expect(zip.read(e, 1000)).rejects.toMatchObject({ code: 'too_large', key: 'upload.limit.part' });
    const chunks = async () => {
      for await (const _ of zip.stream(e, 1000));
    };
    await expect(chunks()).rejects.toMatchObject({ key: 'upload.limit.part', params: { part: 'big.xml' } });
  });

  it('throws a ZipFormatError for what is not a ZIP archive', () => {
    expect(() => openZip(Buffer.from('not a zip at all, just text'))).toThrow(ZipFormatError);
    expect(() => openZip(Buffer.alloc(10))).toThrow(ZipFormatError);
    const cut = zipOf([{ name: 'a', data: Buffer.from('abc') }]);
    cut.writeUInt32LE(0, cut.readUInt32LE(cut.length - 22 + 16)); // the central directory's signature
    expect(() => openZip(cut)).toThrow(ZipFormatError);
    expect(looksLikeZip(Buffer.from('PK'))).toBe(false);
  });
});
