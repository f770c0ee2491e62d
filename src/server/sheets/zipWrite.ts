// Writing a ZIP archive (an .xlsx) from parts: new or changed parts deflated here, unchanged parts of
// another archive copied as they are stored, without inflating them again. No ZIP64: an .xlsx over
// 4 GB is not a ledger.

import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import type { ZipArchive, ZipEntry } from './zip';

const deflate = promisify(deflateRaw);

export type ZipPart =
  /** contents to store, deflated */
  | { name: string; data: Buffer | string }
  /** an entry of another archive, copied as stored */
  | { name: string; from: ZipArchive; entry: ZipEntry };

interface Stored {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  body: Buffer;
}

const UTF8_NAMES = 0x0800;
/** 2020-01-01 00:00 in MS-DOS form: a fixed time, so that the same parts give the same bytes */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

async function store(part: ZipPart): Promise<Stored> {
  const name = Buffer.from(part.name, 'utf8');
  if ('from' in part) {
    const e = part.entry;
    return { name, method: e.method, crc: e.crc32, size: e.size, body: part.from.raw(e) };
  }
  const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
  return { name, method: 8, crc: crc32(data), size: data.length, body: await deflate(data) };
}

/** The archive of the parts, in the order given. */
export async function writeZip(parts: readonly ZipPart[]): Promise<Buffer> {
  const stored = await Promise.all(parts.map(store));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const s of stored) {
    if (offset > 0xffffffff || s.size > 0xffffffff || s.body.length > 0xffffffff)
      throw new RangeError('archive too large');
    const flags = /[^\x20-\x7e]/.test(s.name.toString('utf8')) ? UTF8_NAMES : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(s.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(s.crc, 14);
    local.writeUInt32LE(s.body.length, 18);
    local.writeUInt32LE(s.size, 22);
    local.writeUInt16LE(s.name.length, 26);
    chunks.push(local, s.name, s.body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(s.method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(s.crc, 16);
    entry.writeUInt32LE(s.body.length, 20);
    entry.writeUInt32LE(s.size, 24);
    entry.writeUInt16LE(s.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, s.name);
    offset += 30 + s.name.length + s.body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(stored.length, 8);
  end.writeUInt16LE(stored.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
