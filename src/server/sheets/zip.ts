// Reading the parts of an .xlsx file: a ZIP archive, read from its central directory (so entries may be
// in any order, and none is inflated unless asked for), with Node's own zlib. Only what .xlsx files use:
// stored and deflated entries, ZIP64 when a writer chose it; no encryption, no multi-disk archives.

import { Readable, Transform } from 'node:stream';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import { UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { partTooLarge } from './limits';

/** Why a buffer could not be read as a ZIP archive. */
export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  /** as the archive declares it */
  size: number;
  /** CRC-32 of the contents, as the archive declares it */
  crc32: number;
  /** offset of the entry's local header */
  offset: number;
}

export interface ZipArchive {
  /** the entries by name, as the central directory lists them */
  entries: ReadonlyMap<string, ZipEntry>;
  /** the entry of that name, or of that name in another case (some writers disagree on 'Sheet1.xml') */
  find(name: string): ZipEntry | undefined;
  /**
   * the entry's contents, inflated; more than maxSize bytes (a ZIP bomb) is refused with an AppError
   * naming the part and the limit (413)
   */
  read(entry: ZipEntry, maxSize?: number): Promise<Buffer>;
  /** the entry's contents as a stream of chunks, inflated as they are read; fails past maxSize bytes */
  stream(entry: ZipEntry, maxSize?: number): Readable;
  /** the entry's bytes as stored (compressed), to copy into another archive unchanged */
  raw(entry: ZipEntry): Buffer;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** a part of an .xlsx larger than this, inflated in one piece, is refused (the sheet's own XML has its limit) */
export const MAX_PART_SIZE = UPLOAD_LIMITS.partBytes;

/** Whether the buffer starts like a ZIP archive (PK\3\4, or PK\5\6 for an empty one). */
export function looksLikeZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5);
}

function u64(buf: Buffer, at: number): number {
  const n = buf.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value out of range');
  return Number(n);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // the record is 22 bytes, followed by a comment of at most 65,535
  const last = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= last; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

interface Directory {
  count: number;
  offset: number;
}

function centralDirectory(buf: Buffer, eocd: number): Directory {
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const at = u64(buf, eocd - 20 + 8);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD)
      throw new ZipFormatError('bad ZIP64 end record');
    count = u64(buf, at + 32);
    offset = u64(buf, at + 48);
  }
  return { count, offset };
}

/** The 64-bit sizes and offset of a ZIP64 extra field, for the 32-bit fields that are 0xFFFFFFFF. */
function zip64Extra(
  buf: Buffer,
  from: number,
  to: number,
  e: { size: number; compressedSize: number; offset: number },
): void {
  let at = from;
  while (at + 4 <= to) {
    const id = buf.readUInt16LE(at);
    const len = buf.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      if (e.size === 0xffffffff) {
        e.size = u64(buf, p);
        p += 8;
      }
      if (e.compressedSize === 0xffffffff) {
        e.compressedSize = u64(buf, p);
        p += 8;
      }
      if (e.offset === 0xffffffff) e.offset = u64(buf, p);
      return;
    }
    at += 4 + len;
  }
}

function readEntries(buf: Buffer): Map<string, ZipEntry> {
  const { count, offset } = centralDirectory(buf, findEndOfCentralDirectory(buf));
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new ZipFormatError('bad central directory');
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: buf.readUInt16LE(at + 10),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    };
    zip64Extra(buf, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    if (flags & 1) throw new ZipFormatError(`encrypted entry: ${name}`);
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(buf: Buffer, e: ZipEntry): Buffer {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL)
    throw new ZipFormatError(`bad local header: ${e.name}`);
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.compressedSize > buf.length) throw new ZipFormatError(`truncated entry: ${e.name}`);
  return buf.subarray(start, start + e.compressedSize);
}

function checkMethod(e: ZipEntry): void {
  if (e.method !== 0 && e.method !== 8)
    throw new ZipFormatError(`unsupported compression ${e.method}: ${e.name}`);
}

/** Opens a ZIP archive held in memory. Throws a ZipFormatError when it is not one. */
export function openZip(data: Buffer | Uint8Array): ZipArchive {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 22) throw new ZipFormatError('too short');
  const entries = readEntries(buf);
  const lower = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
  return {
    entries,
    find: (name) => entries.get(name) ?? lower.get(name.toLowerCase()),
    read(e, maxSize = MAX_PART_SIZE) {
      checkMethod(e);
      const data = compressedData(buf, e);
      if (e.method === 0) {
        if (data.length > maxSize) return Promise.reject(partTooLarge(e.name, maxSize));
        return Promise.resolve(data);
      }
      return new Promise((resolve, reject) => {
        inflateRaw(data, { maxOutputLength: maxSize }, (err, out) => {
          if (!err) resolve(out);
          else if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
            reject(partTooLarge(e.name, maxSize));
          else reject(new ZipFormatError(`${e.name}: ${err.message}`));
        });
      });
    },
    raw: (e) => compressedData(buf, e),
    stream(e, maxSize = MAX_PART_SIZE) {
      checkMethod(e);
      const data = compressedData(buf, e);
      if (e.method === 0) {
        if (data.length > maxSize) throw partTooLarge(e.name, maxSize);
        return Readable.from([data], { objectMode: false });
      }
      const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
      let size = 0;
      // counts what is inflated, and stops the inflating once past the limit: a bomb is never inflated whole
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxSize) {
            inflate.destroy();
            done(partTooLarge(e.name, maxSize));
          } else done(null, chunk);
        },
      });
      inflate.on('error', (err) => counted.destroy(err));
      inflate.pipe(counted);
      inflate.end(data);
      return counted;
    },
  };
}
