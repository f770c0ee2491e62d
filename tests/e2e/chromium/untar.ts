import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

// Extracts a tar archive held in memory (directories, files and symbolic links; the archives inside
// @sparticuz/chromium), refusing names that leave the target directory.

export function untar(tar: Buffer, into: string): void {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = normalize(prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    if (name.startsWith('..') || name.startsWith('/')) throw new Error(`tar: unsafe name ${name}`);
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const mode = Number.parseInt(text(100, 8).trim() || '644', 8) & 0o777;
    const type = text(156, 1) || '0';
    const target = join(into, name);
    const body = tar.subarray(at + 512, at + 512 + size);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0' || type === '7') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, body, { mode });
    } else if (type === '2') {
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(text(157, 100), target);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}
