import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { placeAliases, placeTable, readPlaces } from './placeNames';

// the country's list as shipped (resources/places/cn.tsv.gz)
const TABLE = placeTable(
  gunzipSync(readFileSync(new URL('../../../resources/places/cn.tsv.gz', import.meta.url)))
    .toString('utf8')
    .split('\n'),
);
const codes = (cell: string) => {
  const r = readPlaces(TABLE, cell);
  return r.ok ? r.places.map((p) => p.code) : r;
};

describe('where a resident has been, as a sheet writes it', () => {
  it('reads a province, a city and a county, by full or short names', () => {
    expect(codes('湖北省武汉市')).toEqual(['420100']);
    expect(codes('武汉')).toEqual(['420100']);
    expect(codes('武汉市')).toEqual(['420100']);
    expect(codes('湖北武汉')).toEqual(['420100']);
    expect(codes('湖北省武汉市武昌区')).toEqual(['420106']);
    expect(codes('湖北')).toEqual(['420000']);
    expect(codes('恩施州')).toEqual(['422800']);
    expect(codes('北京市朝阳区')).toEqual(['110105']);
    expect(codes('香港')).toEqual(['810000']);
  });

  it('reads several places and keeps the words as written', () => {
    expect(codes('孝感、黄冈，广州')).toEqual(['420900', '421100', '440100']);
    const r = readPlaces(TABLE, '武汉市汉口火车站');
    expect(r).toEqual({ ok: true, places: [{ code: '420100', name: '武汉市汉口火车站' }] });
    expect(codes('韩国首尔')).toEqual(['KR']);
  });

  it('takes a blank cell and the words for nowhere as no stay', () => {
    for (const cell of ['', '  ', '无', '未外出', '未离郑', '/']) expect(codes(cell), cell).toEqual([]);
  });

  it('says which words are no place, or several', () => {
    expect(readPlaces(TABLE, '武汉、老家')).toEqual({ ok: false, text: '老家', reason: 'unknown' });
    expect(readPlaces(TABLE, '朝阳区')).toEqual({ ok: false, text: '朝阳区', reason: 'ambiguous' });
  });

  it('finds the short names offices write', () => {
    expect(placeAliases('内蒙古自治区')).toContain('内蒙古');
    expect(placeAliases('恩施土家族苗族自治州')).toContain('恩施');
    expect(placeAliases('滑县')).toEqual(['滑县']);
  });
});
