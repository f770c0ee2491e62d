import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { XLSX_TYPE } from './importRoutes';

// Where residents have been, imported (去过的地方 / 近14天旅居史, 返郑日期) on a real PostgreSQL: a stay in a
// key area without dates is kept and the household is red, one with a date back ends on it, a place that
// cannot be read refuses the row naming the column, and "update residents already in the ledger" adds
// the sheet's stays to a resident's with a travel_updated history row. A stay is never dropped.

const A = '410105002008'; // 省民航社区
const HEADER = ['楼号', '单元', '门牌', '姓名', '身份证号', '近14天旅居史', '返郑日期'];

let t: TestApp;
let admin: string;
let grid: string;
let today: string;
let n = 0;
const id = () =>
  generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1966, 0, ++n)).toISOString().slice(0, 10),
    sequence: 611,
  });

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function post(path: string, body: Buffer, lang = 'zh-CN') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/ledger/import${path}`,
    headers: { cookie: admin, 'content-type': XLSX_TYPE, 'accept-language': lang },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function householdAt(door: string) {
  const list = await t.ok('GET', `/api/ledger/households?unit=${grid}&q=${encodeURIComponent(door)}`, admin);
  const item = list.items.find(
    (h: { door: string; unit: { name: string } }) => h.door === door && h.unit.name === '30号楼',
  );
  return t.ok('GET', `/api/ledger/households/${item.key}`, admin);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  today = t.services.config.today as string;
  grid = (await t.ok('POST', '/api/org/units', admin, { parentCode: A, kind: 'grid', name: '旅居史网格' }))
    .code;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('places been, imported', () => {
  it('keeps a stay in Wuhan without dates: the household is red, the stay undated as of the ledger day', async () => {
    const done = await post(
      `?unit=${grid}&mode=all`,
      await sheet([
        ['30号楼', '1', '101', '周武汉', id(), '湖北省武汉市', ''],
        ['30号楼', '1', '102', '郑广州', id(), '广州', today],
        ['30号楼', '1', '103', '王在家', id(), '无', ''],
      ]),
    );
    expect(done).toMatchObject({ imported: true, report: { rejected: [] } });

    const wuhan = await householdAt('101');
    expect(wuhan.colour).toBe('red');
    expect(wuhan.residents[0].facts.travel).toEqual([
      { placeCode: '420100', placeName: '湖北省武汉市', undated: 'unknown', recordedOn: today },
    ]);
    const guangzhou = await householdAt('102');
    expect(guangzhou.colour).toBe('yellow');
    expect(guangzhou.residents[0].facts.travel).toEqual([
      { placeCode: '440100', placeName: '广州', to: today, undated: 'unknown', recordedOn: today },
    ]);
    const home = await householdAt('103');
    expect(home.colour).toBe('green');
    expect(home.residents[0].facts.travel ?? []).toEqual([]);
  });

  it('refuses a place it cannot read, naming the row, the column and the words, and writes nothing', async () => {
    const data = await sheet([
      ['31号楼', '1', '101', '李老家', id(), '老家', ''],
      ['31号楼', '1', '102', '赵日期', id(), '', '2020-01-20'],
    ]);
    for (const [lang, word] of [
      ['zh-CN', '无法识别去过的地方“老家”'],
      ['en', 'Unknown place "老家"'],
    ]) {
      const res = await post(`?unit=${grid}&mode=all`, data, lang);
      expect(res.imported).toBe(false);
      expect(res.report.rejected).toEqual([
        expect.objectContaining({ row: 2, column: '近14天旅居史', code: 'travel.place_unknown' }),
        expect.objectContaining({ row: 3, column: '近14天旅居史', code: 'travel.place_required' }),
      ]);
      expect(res.report.rejected[0].message).toContain(word);
    }
    const list = await t.ok(
      'GET',
      `/api/ledger/households?unit=${grid}&q=${encodeURIComponent('李老家')}`,
      admin,
    );
    expect(list.items).toEqual([]);
  });

  it('adds the stays of a newer sheet to a resident already in the ledger, with the history', async () => {
    const person = id();
    await post(`?unit=${grid}&mode=all`, await sheet([['32号楼', '1', '101', '孙更新', person, '', '']]));
    const byName = async () => {
      const q = encodeURIComponent('孙更新');
      const list = await t.ok('GET', `/api/ledger/households?unit=${grid}&q=${q}`, admin);
      return t.ok('GET', `/api/ledger/households/${list.items[0].key}`, admin);
    };
    expect((await byName()).colour).toBe('green');
    const newer = await sheet([['32号楼', '1', '101', '孙更新', person, '武汉', '']]);
    const preview = await post(`/preview?unit=${grid}&updateExisting=1`, newer);
    expect(preview.report.plan.rows).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'update',
        newStays: [expect.objectContaining({ placeCode: '420100', placeName: '武汉' })],
      }),
    ]);
    await post(`?unit=${grid}&mode=all&updateExisting=1`, newer);
    const list = await t.ok(
      'GET',
      `/api/ledger/households?unit=${grid}&q=${encodeURIComponent('孙更新')}`,
      admin,
    );
    const h = await t.ok('GET', `/api/ledger/households/${list.items[0].key}`, admin);
    expect(h.colour).toBe('red');
    expect(h.residents[0].facts.travel).toEqual([
      { placeCode: '420100', placeName: '武汉', undated: 'unknown', recordedOn: today },
    ]);
    const travel = h.history.filter((e: { kind: string }) => e.kind === 'travel_updated');
    expect(travel).toHaveLength(1);
    expect(travel[0].detail).toMatchObject({ name: '孙更新', source: 'import', before: [] });
    // the same sheet again: the stay is held, nothing to add
    const again = await post(`?unit=${grid}&mode=all&updateExisting=1`, newer);
    expect(again.report.plan.counts).toMatchObject({ updates: 0, unchanged: 1 });
  });
});
