import { describe, expect, it } from 'vitest';
import { oleKind, sniffNotSheet, zipKind } from './fileKind';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const text = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const utf16 = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le'));

describe('what a file is that is not a spreadsheet', () => {
  it('names PDFs, pictures, archives and programs by their first bytes', () => {
    expect(sniffNotSheet(text('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(sniffNotSheet(text('\r\n%PDF-1.4'))).toBe('pdf');
    expect(sniffNotSheet(bytes('89504e470d0a1a0a0000000d49484452'))).toBe('image');
    expect(sniffNotSheet(bytes('ffd8ffe000104a464946'))).toBe('image');
    expect(sniffNotSheet(text('GIF89a\x01\x00'))).toBe('image');
    expect(sniffNotSheet(text('RIFF\x00\x00\x00\x00WEBPVP8 '))).toBe('image');
    expect(sniffNotSheet(text('\x00\x00\x00\x18ftypheic\x00\x00'))).toBe('image');
    expect(sniffNotSheet(bytes('1f8b0800000000000003'))).toBe('archive');
    expect(sniffNotSheet(text('Rar!\x1a\x07\x01\x00'))).toBe('archive');
    expect(sniffNotSheet(text('MZ\x90\x00'))).toBe('binary');
  });

  it('leaves sheets and text to the reader', () => {
    expect(sniffNotSheet(text('姓名,门牌\n张三,101\n'))).toBeUndefined();
    expect(sniffNotSheet(text('PK\x03\x04'))).toBeUndefined();
    expect(sniffNotSheet(bytes('d0cf11e0a1b11ae1'))).toBeUndefined();
    expect(sniffNotSheet(new Uint8Array())).toBeUndefined();
    // 'BM' starting a CSV line is text, not a bitmap
    expect(sniffNotSheet(text('BM,门牌\n1,2\n'))).toBeUndefined();
  });

  it('tells a zip without a workbook by its entries', () => {
    expect(zipKind(['[Content_Types].xml', 'word/document.xml'])).toBe('word');
    expect(zipKind(['ppt/presentation.xml'])).toBe('powerpoint');
    expect(zipKind(['xl/workbook.bin'])).toBe('xlsb');
    expect(zipKind(['mimetype', 'content.xml', 'META-INF/manifest.xml'])).toBe('opendocument');
    expect(zipKind(['photo.jpg'])).toBe('archive');
    // a workbook's parts that could not be read: a damaged .xlsx, for the reader to say so
    expect(zipKind(['[Content_Types].xml', 'xl/workbook.xml'])).toBeUndefined();
  });

  it('tells a Word or PowerPoint 97–2003 file from an .xls in the same container', () => {
    const ole = (stream: string) => Uint8Array.from([...bytes('d0cf11e0a1b11ae1'), ...utf16(stream)]);
    expect(oleKind(ole('WordDocument'))).toBe('word');
    expect(oleKind(ole('PowerPoint Document'))).toBe('powerpoint');
    expect(oleKind(ole('Workbook'))).toBeUndefined();
    expect(oleKind(ole('EncryptedPackage'))).toBeUndefined();
  });
});
