// What an uploaded file is, told by its first bytes (its "magic number"), not its name: the files people
// pick by mistake instead of a sheet — a PDF of the ledger, a photo of it, a Word document, a zip — are
// refused with a message that says what the file is and how to get a sheet, instead of being read as
// CSV text (which said "no header row"). Spreadsheets themselves (.xlsx, .xls/.et, CSV) are told apart by
// the reader (server/sheets/readWorkbook.ts); this only names what is not one.

/** A file that is not a spreadsheet, by what it is. */
export type NotSheetKind =
  | 'pdf'
  | 'image'
  | 'word'
  | 'powerpoint'
  | 'xlsb'
  | 'opendocument'
  | 'archive'
  | 'binary';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** A name as an OLE directory stores it (UTF-16LE; the names here are ASCII). */
const utf16le = (s: string) => Array.from(s, (c) => [c.charCodeAt(0), 0]).flat();

function includes(bytes: Uint8Array, pattern: readonly number[]): boolean {
  for (let at = bytes.indexOf(pattern[0]); at !== -1; at = bytes.indexOf(pattern[0], at + 1)) {
    if (startsWith(bytes, pattern, at)) return true;
  }
  return false;
}

/** ISO base media (HEIC, AVIF, MP4…): 'ftyp' at byte 4, the brand after it. */
function isoBrand(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, ascii('ftyp'), 4) || bytes.length < 12) return undefined;
  return String.fromCharCode(...bytes.subarray(8, 12));
}

/**
 * The kind of a file that is surely not a spreadsheet, from its first bytes; undefined when it may be
 * one (a zip or an OLE2 file is looked into by zipKind / oleKind; text may be CSV).
 */
export function sniffNotSheet(bytes: Uint8Array): NotSheetKind | undefined {
  // a PDF may have a few bytes of garbage before its header (the specification allows 1,024)
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, ascii('GIF87a')) ||
    startsWith(bytes, ascii('GIF89a')) ||
    (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF, little-endian
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF, big-endian
    (startsWith(bytes, ascii('BM')) && bytes.length > 26 && bytes[14] >= 12 && bytes[15] === 0) || // BMP
    /^(?:heic|heix|hevc|mif1|msf1|avif)$/.test(isoBrand(bytes) ?? '')
  )
    return 'image';
  if (
    startsWith(bytes, [0x1f, 0x8b]) || // gzip
    startsWith(bytes, ascii('Rar!\x1a\x07')) ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || // 7z
    startsWith(bytes, ascii('BZh'))
  )
    return 'archive';
  if (
    startsWith(bytes, ascii('MZ')) || // Windows programs
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    isoBrand(bytes) !== undefined // video
  )
    return 'binary';
  return undefined;
}

/**
 * What a zip file is whose workbook could not be read, from the names of its entries: a Word document, a
 * PowerPoint presentation, an Excel binary workbook (.xlsb), an OpenDocument file (LibreOffice; WPS
 * can save them), or a zip archive; undefined when it has a workbook's parts (xl/…): a damaged .xlsx.
 */
export function zipKind(names: readonly string[]): NotSheetKind | undefined {
  const lower = names.map((n) => n.toLowerCase());
  if (lower.some((n) => n.startsWith('word/'))) return 'word';
  if (lower.some((n) => n.startsWith('ppt/'))) return 'powerpoint';
  if (lower.some((n) => n.endsWith('workbook.bin'))) return 'xlsb';
  if (lower.some((n) => n.startsWith('xl/'))) return undefined;
  if (lower.includes('mimetype') && lower.includes('content.xml')) return 'opendocument';
  return 'archive';
}

/**
 * What an OLE2 compound file (the container of .xls, .et, .doc, .ppt) is when it holds no workbook: a
 * Word 97–2003 document or a PowerPoint 97–2003 presentation, told by their stream names; undefined
 * otherwise (an .xls or .et, or an encrypted .xlsx, for the reader to try).
 */
export function oleKind(bytes: Uint8Array): NotSheetKind | undefined {
  const has = (name: string) => includes(bytes, utf16le(name));
  if (has('Workbook') || has('Book') || has('EncryptedPackage')) return undefined;
  if (has('WordDocument')) return 'word';
  if (has('PowerPoint Document')) return 'powerpoint';
  return undefined;
}
