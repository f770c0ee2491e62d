import { describe, expect, it } from 'vitest';
import { csvDelimiter, decodeText, isMarkup, parseCsv } from './csv';

describe('CSV', () => {
  it('decodes UTF-8 with and without a BOM, UTF-16 with one, and GB18030', () => {
    expect(decodeText(Buffer.from('\ufeff姓名,电话', 'utf8'))).toBe('姓名,电话');
    expect(decodeText(Buffer.from('姓名,电话', 'utf8'))).toBe('姓名,电话');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t电话', 'utf16le')]))).toBe(
      '姓名\t电话',
    );
    // 姓名,张三 as Excel on a Chinese Windows saves it (GBK, a subset of GB18030)
    expect(decodeText(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd]))).toBe('姓名,张三');
  });

  it('takes binary data for what it is', () => {
    expect(
      decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    ).toBeUndefined();
    expect(decodeText(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toBeUndefined();
  });

  it('recognises markup', () => {
    expect(isMarkup('  <html><table>')).toBe(true);
    expect(isMarkup('<?xml version="1.0"?><Workbook>')).toBe(true);
    expect(isMarkup('姓名,<b>')).toBe(false);
  });

  it('finds the delimiter on the first line', () => {
    expect(csvDelimiter('a,b\nc')).toBe(',');
    expect(csvDelimiter('a\tb\nc,d')).toBe('\t');
    expect(csvDelimiter('a;b')).toBe(';');
    expect(csvDelimiter('a')).toBe(',');
  });

  it('parses quotes, line breaks in cells and blank lines, every cell as text', async () => {
    const text =
      '姓名,身份证号,备注\r\n张伟,410105198001011234,"有""引号"", 和逗号"\r\n\r\n李娜,0371,"两\n行"\r\n';
    expect(await parseCsv(text)).toEqual([
      ['姓名', '身份证号', '备注'],
      ['张伟', '410105198001011234', '有"引号", 和逗号'],
      [],
      ['李娜', '0371', '两\n行'],
    ]);
    expect(await parseCsv('姓名\t电话\n张伟\t138')).toEqual([
      ['姓名', '电话'],
      ['张伟', '138'],
    ]);
  });
});
