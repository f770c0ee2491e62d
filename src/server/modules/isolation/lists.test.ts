import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { postList, sheetOf } from '../../testing/isolation';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// Lists from above (协查名单) through the API on a real PostgreSQL: a messy sheet read by the sheet layer,
// each person matched to the ledger by the blind index, routed by the address, or left to chase; a bad row
// named by row and column with nothing written; the figures of a list; a person placed by hand; scope.

const SMH = '410105002008'; // 省民航社区
const G01 = '410105002008G01';
const HUAIHE = '410103001001'; // 淮河社区
const PASSWORD = 'Mingdan2020ok';

let t: TestApp;
let admin: string;
let office: string;
let outsider: string;
let seq = 0;

function idNumber(region = '420106') {
  const n = ++seq;
  return generateIdNumber({
    regionCode: region,
    birthDate: new Date(Date.UTC(1968, 0, 1 + n * 5)).toISOString().slice(0, 10),
    sequence: (n * 13) % 1000,
  });
}

/** A resident of a fresh building under `grid`, with their ID number. */
async function resident(parent = G01) {
  const building = await t.ok('POST', '/api/org/units', admin, {
    parentCode: parent,
    kind: 'building',
    name: `名单测试${++seq}号楼`,
  });
  const id = idNumber('410105');
  const { key } = await t.ok('POST', '/api/ledger/households', admin, {
    unitCode: building.code,
    door: '201',
    residents: [{ name: `名单居民${seq}`, idNumber: id }],
  });
  const detail = await t.ok('GET', `/api/ledger/households/${key}`, admin);
  return { key: detail.residents[0].key as string, idNumber: id, household: key as string };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  office = await t.userWith(admin, 'unit_admin', SMH, PASSWORD);
  outsider = await t.userWith(admin, 'unit_admin', HUAIHE, PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('lists from above (协查名单)', () => {
  it('matches two residents, routes one by the address, leaves one to chase, and says nothing of another district', async () => {
    const a = await resident();
    const b = await resident();
    const far = await resident(HUAIHE);
    const data = await sheetOf([
      ['郑州市疫情防控指挥部 协查名单', null, null, null, null],
      ['姓名', '公民身份号码', '联系电话', '现居住地址', '协查事由'],
      ['甲', a.idNumber, '', '', '武汉返郑'],
      ['乙', b.idNumber.toLowerCase(), '13800001234', '', '密接'],
      ['丙', idNumber(), '', '金水区花园路街道省民航社区', '武汉返郑'],
      ['丁', idNumber(), '13900005678', '地址不详', '武汉返郑'],
      ['戊', far.idNumber, '', '', '武汉返郑'],
    ]);
    const res = await postList(t.app, office, SMH, data, '2月5日协查名单');
    expect(res.statusCode).toBe(201);
    const list = res.json();
    expect(list).toMatchObject({
      title: '2月5日协查名单',
      rows: 5,
      matched: 2,
      routed: 1,
      notFound: 1,
      outside: 1,
      found: 3,
      reached: 0,
      placed: 0,
    });
    const byName = Object.fromEntries(list.items.map((r: { name: string }) => [r.name, r]));
    expect(byName.甲.outcome).toBe('matched');
    expect(byName.丙).toMatchObject({ outcome: 'routed', unitName: '省民航社区' });
    expect(byName.丁).toMatchObject({ outcome: 'not_found', keyPersonId: null });
    expect(byName.戊).toMatchObject({ outcome: 'outside', keyPersonId: null, unitName: null });
    expect(res.body).not.toContain(a.idNumber);

    // the matched are key persons at their homes, linked to the ledger, from the list
    const person = await t.ok('GET', `/api/isolation/key-persons/${byName.甲.keyPersonId}`, office);
    expect(person).toMatchObject({
      residentId: a.key,
      source: 'list',
      sourceRef: `list:${list.id}`,
      category: 'key_area',
    });
    // placed under a measure and checked once: the list's figures follow
    await t.ok('POST', `/api/isolation/key-persons/${person.id}/measures`, office, {
      kind: 'home_isolation',
    });
    await t.ok('POST', `/api/isolation/key-persons/${person.id}/checks`, office, {
      clientId: crypto.randomUUID(),
      how: 'phone',
      temperatureC: 36.4,
    });
    const after = await t.ok('GET', `/api/isolation/lists/${list.id}`, office);
    expect(after).toMatchObject({ reached: 1, placed: 1 });

    // the one not found is placed by hand (查找落地); placing it twice is refused
    const toChase = await t.ok('GET', `/api/isolation/lists/${list.id}?outcome=not_found`, office);
    expect(toChase.items.map((r: { name: string }) => r.name)).toEqual(['丁']);
    const placed = await t.call('POST', `/api/isolation/list-rows/${toChase.items[0].id}/place`, office, {
      unitCode: G01,
    });
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ unitCode: G01, phoneMasked: '139****5678', source: 'list' });
    const twice = await t.call('POST', `/api/isolation/list-rows/${toChase.items[0].id}/place`, office, {
      unitCode: G01,
    });
    expect(twice.statusCode).toBe(409);
    expect((await t.ok('GET', `/api/isolation/lists/${list.id}`, office)).notFound).toBe(0);

    // a list sent again: the people are key persons already
    const again = await postList(t.app, office, SMH, data, '重复下发');
    expect(again.json()).toMatchObject({ already: 4, matched: 0, outside: 1 });
  });

  it('refuses a sheet with a bad row, naming row and column, and writes nothing', async () => {
    const before = (await t.ok('GET', '/api/isolation/lists', office)).items.length;
    const data = await sheetOf([
      ['姓名', '身份证号', '手机号'],
      ['张三', idNumber(), ''],
      ['李四', '420106198506011234', ''],
      ['', '', '13800001111'],
    ]);
    const res = await postList(t.app, office, SMH, data);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields.map((f: { row: number; column: string }) => [f.row, f.column])).toEqual([
      [3, '身份证号'],
      [4, '姓名'],
    ]);
    expect(fields[0].message).toMatch(/第 ?3 ?行/);
    expect((await t.ok('GET', '/api/isolation/lists', office)).items.length).toBe(before);
    // not a workbook at all: said on the file
    const notXlsx = await postList(t.app, office, SMH, Buffer.from('姓名,身份证号\n张三,1'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.fields[0].path).toBe('file');
  });

  it('keeps lists in their scope: another district gets 404 and an empty list', async () => {
    const data = await sheetOf([
      ['姓名', '身份证号'],
      ['己', idNumber()],
    ]);
    const list = (await postList(t.app, office, SMH, data)).json();
    expect((await t.call('GET', `/api/isolation/lists/${list.id}`, outsider)).statusCode).toBe(404);
    expect((await t.ok('GET', '/api/isolation/lists', outsider)).items).toEqual([]);
    expect((await postList(t.app, outsider, SMH, data)).statusCode).toBe(404);
  });
});
