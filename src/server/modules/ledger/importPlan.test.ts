import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { XLSX_TYPE } from './importRoutes';

// The import plan through the API on a real PostgreSQL: what each row will do (a new household, joins
// the household at an existing door, updates a resident already in the ledger), a second head of
// household refused naming the head, row and column, the check writing nothing, and "update residents
// already in the ledger" recording only the fields that changed.

const A = '410105002008'; // 省民航社区

let t: TestApp;
let admin: string;
let grid: string;
let building: string;
let household: string;
let n = 0;

const id = (sex: 'male' | 'female' = 'male') =>
  generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1975, 0, ++n)).toISOString().slice(0, 10),
    sequence: sex === 'male' ? 511 : 512,
  });
const HOU = id('female');
const LI = id();
const WANG = id('female');
const ZHAO = id();

const HEADER = ['楼号', '单元', '门牌', '姓名', '身份证号', '联系电话', '与户主关系', '工作单位'];

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['省民航社区入户台账']);
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

const residentsOf = async (key: string) =>
  (await t.ok('GET', `/api/ledger/households/${key}`, admin)).residents as { name: string; key: string }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  grid = (await t.ok('POST', '/api/org/units', admin, { parentCode: A, kind: 'grid', name: '导入计划网格' }))
    .code;
  building = (
    await t.ok('POST', '/api/org/units', admin, { parentCode: grid, kind: 'building', name: '20号楼' })
  ).code;
  household = (
    await t.ok('POST', '/api/ledger/households', admin, {
      unitCode: building,
      entrance: '1',
      door: '101',
      residents: [{ name: '侯雪梅', idNumber: HOU, relation: 'head' }],
    })
  ).key;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the import plan', () => {
  it('says which rows make a new household and which join a door already in the ledger, refusing a second head', async () => {
    const data = await sheet([
      ['20号楼', '1单元', '101', '李建军', LI, '13800002001', '户主', ''],
      ['20号楼', '1单元', '101', '王丽', WANG, '', '配偶', ''],
      ['20号楼', '1单元', '102', '赵六', ZHAO, '', '户主', ''],
      ['21号楼', '1单元', '101', '钱七', id(), '', '户主', ''],
    ]);
    const units = async () => (await t.ok('GET', `/api/org/units/${grid}/children`, admin)).items.length;
    const before = await units();
    const preview = await post(`/preview?unit=${grid}`, data);
    const { plan, rejected } = preview.report;
    expect(plan.counts).toEqual({ new: 2, joins: 1, updates: 0, unchanged: 0 });
    expect(plan.rows).toEqual([
      expect.objectContaining({
        row: 4,
        action: 'join',
        name: '王丽',
        household: { key: household, head: '侯雪梅' },
        place: { building: '20号楼', entrance: '1', door: '101' },
      }),
      expect.objectContaining({ row: 5, action: 'new', name: '赵六' }),
      expect.objectContaining({ row: 6, action: 'new', name: '钱七' }),
    ]);
    expect(rejected).toEqual([
      expect.objectContaining({ row: 3, column: '与户主关系', code: 'household.second_head' }),
    ]);
    expect(rejected[0].message).toContain('侯雪梅');
    const en = await post(`/preview?unit=${grid}`, data, 'en');
    expect(en.report.rejected[0].message).toMatch(/already has a head, 侯雪梅 \(in the ledger\)/);

    // the check wrote nothing: no building 21号楼, nobody joined
    expect(await units()).toBe(before);
    expect((await residentsOf(household)).map((r) => r.name)).toEqual(['侯雪梅']);

    // all or nothing: the second head stops the whole sheet
    expect((await post(`?unit=${grid}&mode=all`, data)).imported).toBe(false);
    expect((await residentsOf(household)).map((r) => r.name)).toEqual(['侯雪梅']);

    const done = await post(`?unit=${grid}&mode=valid`, data);
    expect(done).toMatchObject({
      imported: true,
      report: { created: { households: 2, residents: 3, buildings: 1, joined: 1, updated: 0 } },
    });
    expect((await residentsOf(household)).map((r) => r.name).sort()).toEqual(['侯雪梅', '王丽'].sort());
    const li = await t.ok(
      'GET',
      `/api/ledger/households?unit=${grid}&q=${encodeURIComponent('李建军')}`,
      admin,
    );
    expect(li.items).toEqual([]);
  });

  it('refuses people already in the ledger as before without the option', async () => {
    const data = await sheet([['20号楼', '1', '101', '侯雪梅', HOU, '', '户主', '金水区人民医院']]);
    const r = await post(`?unit=${grid}&mode=valid&dryRun=1`, data);
    expect(r.report.rejected).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号', code: 'id.in_ledger' }),
    ]);
    expect(r.report.plan.counts).toEqual({ new: 0, joins: 0, updates: 0, unchanged: 0 });
  });

  it('updates residents already in the ledger with the option, recording only the fields that changed', async () => {
    const data = await sheet([
      ['20号楼', '1', '101', '侯雪梅', HOU, '13800001111', '户主', '金水区人民医院'],
      ['20号楼', '1', '101', '王丽', WANG, '', '配偶', ''],
    ]);
    const preview = await post(`/preview?unit=${grid}&updateExisting=1`, data);
    expect(preview.report.rejected).toEqual([]);
    expect(preview.report.plan.rows).toEqual([
      expect.objectContaining({
        row: 3,
        action: 'update',
        household: { key: household, head: '侯雪梅' },
        changes: [
          { field: 'phone', before: null, after: '138****1111' },
          { field: 'workUnit', before: null, after: '金水区人民医院' },
        ],
      }),
      expect.objectContaining({ row: 4, action: 'unchanged', name: '王丽' }),
    ]);
    const done = await post(`?unit=${grid}&mode=all&updateExisting=1`, data);
    expect(done).toMatchObject({ imported: true, report: { created: { updated: 1, residents: 0 } } });

    const detail = await t.ok('GET', `/api/ledger/households/${household}`, admin);
    const hou = detail.residents.find((r: { name: string }) => r.name === '侯雪梅');
    expect(hou).toMatchObject({ workUnit: '金水区人民医院', phoneMasked: '138****1111', relation: 'head' });
    const updates = detail.history.filter((e: { kind: string }) => e.kind === 'resident_updated');
    expect(updates).toHaveLength(1);
    expect(updates[0].detail).toMatchObject({
      name: '侯雪梅',
      source: 'import',
      row: 3,
      changes: [
        { field: 'phone', before: null, after: '138****1111' },
        { field: 'workUnit', before: null, after: '金水区人民医院' },
      ],
    });
    expect(JSON.stringify(detail.history)).not.toContain('13800001111');
    expect(JSON.stringify(detail.history)).not.toContain(HOU);

    // the same sheet again changes nothing and writes nothing
    const again = await post(`?unit=${grid}&mode=all&updateExisting=1`, data);
    expect(again.report.plan.counts).toEqual({ new: 0, joins: 0, updates: 0, unchanged: 2 });
    expect(again).toMatchObject({ imported: true, report: { created: { updated: 0, residents: 0 } } });
    const after = await t.ok('GET', `/api/ledger/households/${household}`, admin);
    expect(after.history.filter((e: { kind: string }) => e.kind === 'resident_updated')).toHaveLength(1);
  });
});
