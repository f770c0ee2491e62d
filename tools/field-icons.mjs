// Draws the phone app's icons (src/web/public/field-icon-*.png): the red square with the white grid of
// the favicon, as PNG files for the web app manifest (vite.config.ts). Run once when the design changes:
//   node tools/field-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [0xc6, 0x28, 0x28];
const WHITE = [0xff, 0xff, 0xff];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The shape on a unit square (0..1): 'bg' (red), 'fg' (white) or null (transparent).
 * `full`: red to the edges (maskable: the launcher cuts its own shape); else a rounded square.
 * The grid (a square with a cross) sits in the middle `g` of the icon.
 */
function shape(u, v, full) {
  const r = 0.18;
  if (!full) {
    const dx = Math.max(r - u, u - (1 - r), 0);
    const dy = Math.max(r - v, v - (1 - r), 0);
    if (dx * dx + dy * dy > r * r) return null;
  }
  const g = full ? 0.46 : 0.56; // the grid's side
  const lo = (1 - g) / 2;
  const hi = 1 - lo;
  const w = g * 0.09; // line width
  const inBox = u >= lo - w / 2 && u <= hi + w / 2 && v >= lo - w / 2 && v <= hi + w / 2;
  const onEdge =
    inBox &&
    (Math.abs(u - lo) <= w / 2 ||
      Math.abs(u - hi) <= w / 2 ||
      Math.abs(v - lo) <= w / 2 ||
      Math.abs(v - hi) <= w / 2);
  const onCross = inBox && (Math.abs(u - 0.5) <= w * 0.35 || Math.abs(v - 0.5) <= w * 0.35);
  return onEdge || onCross ? 'fg' : 'bg';
}

function icon(size, full) {
  const S = 4; // 4×4 samples a pixel: smooth edges
  return png(size, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const s = shape((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size, full);
        if (!s) continue;
        const c = s === 'fg' ? WHITE : RED;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    if (a === 0) return [0, 0, 0, 0];
    return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (S * S))];
  });
}

const out = new URL('../src/web/public/', import.meta.url);
writeFileSync(new URL('field-icon-192.png', out), icon(192, false));
writeFileSync(new URL('field-icon-512.png', out), icon(512, false));
writeFileSync(new URL('field-icon-maskable-512.png', out), icon(512, true));
writeFileSync(new URL('field-apple-touch-icon.png', out), icon(180, true));
console.log('icons written to src/web/public/');
