import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { XLSX_TYPE } from './importRoutes';

// The column mapping an office used is remembered per unit and header row (issue 12), on a real
// PostgreSQL: an import that wrote keeps it, the next preview of a sheet with the same header row offers
// it (`remembered`), the list and forgetting go through the unit, which must be in the caller's scope.

const A = '410105002008'; // 省民航社区
const B = '410103001001'; // 淮河社区
const PASSWORD = 'Mapping2020ok';

let t: TestApp;
let admin: string;
let n = 0;

const id = () =>
  generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1975, 0, ++n)).toISOString().slice(0, 10),
    sequence: 411,
  });

/** The office's daily layout: a title, a date that changes, then the header; 备注 holds the names. */
const HEADER = ['序号', '楼号', '门牌', '户主姓名', '备注', '身份证号码', '电话', '状态'];
async function daily(day: number, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日报');
  ws.addRow(['省民航社区居家隔离人员台账']);
  ws.addRow([`填报日期：2020年2月${day}日`]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function post(url: string, body: Buffer, cookie = admin) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': XLSX_TYPE, 'accept-language': 'zh-CN' },
    payload: body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('remembered column mappings', () => {
  it('offers the mapping of the last import on the next sheet with the same header row', async () => {
    const first = await daily(3, [[1, '映射1号楼', '101', '', '欧阳映一', id(), '13800000011', '居隔']]);
    const preview = (await post(`/api/ledger/import/preview?unit=${A}`, first)).json();
    expect(preview.header.rowIndex).toBe(2);
    expect(preview.remembered).toBeNull();
    // the office's correction: the names are in 备注 (column 4), 户主姓名 (3) is set aside, 状态 too
    const mapping = JSON.stringify({
      0: null,
      1: 'building',
      2: 'door',
      3: null,
      4: 'name',
      5: 'idNumber',
      6: 'phone',
      7: null,
    });
    const query = `unit=${A}&mode=valid&updateExisting=1&mapping=${encodeURIComponent(mapping)}`;
    const imported = (await post(`/api/ledger/import?${query}`, first)).json();
    expect(imported).toMatchObject({ imported: true, report: { residents: 1 } });

    // the next day's sheet: another date, other rows, the same header row
    const next = await daily(4, [
      [1, '映射1号楼', '102', '', '欧阳映二', id(), '13800000012', '居家隔离'],
      [2, '映射1号楼', '103', '', '欧阳映三', id(), '13800000013', '隔离中'],
    ]);
    const offered = (await post(`/api/ledger/import/preview?unit=${A}`, next)).json();
    expect(offered.remembered).toMatchObject({
      headerRow: 2,
      headers: HEADER,
      mapping: { 0: null, 1: 'building', 2: 'door', 3: null, 4: 'name', 5: 'idNumber', 6: 'phone', 7: null },
      sheetName: '日报',
      updateExisting: true,
      usedBy: 'admin',
      uses: 1,
    });
    // the preview still says what the reader found by itself (the wizard shows both)
    expect(offered.header.mapping[3]).toBe('name');

    const list = await t.ok('GET', `/api/ledger/import/mappings?unit=${A}`, admin);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ headerRow: 2, updateExisting: true, uses: 1 });

    // used again: one mapping, counted twice
    await post(`/api/ledger/import?${query}`, next);
    const again = await t.ok('GET', `/api/ledger/import/mappings?unit=${A}`, admin);
    expect(again.items).toHaveLength(1);
    expect(again.items[0].uses).toBe(2);

    // a dry run, or an import that wrote nothing, remembers nothing new
    const other = await daily(5, [[1, '映射1号楼', '104', '欧阳映四', '', id(), '', '']]);
    const otherMapping = encodeURIComponent(JSON.stringify({ 7: 'notes' }));
    await post(`/api/ledger/import?unit=${A}&mode=all&dryRun=1&mapping=${otherMapping}`, other);
    expect((await t.ok('GET', `/api/ledger/import/mappings?unit=${A}`, admin)).items[0].uses).toBe(2);
  });

  it('does not offer it for another header row, nor in another unit', async () => {
    const moved = await daily(6, [[1, '映射2号楼', '101', '', '欧阳映五', id(), '', '']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(moved as unknown as ArrayBuffer);
    wb.worksheets[0].getCell('H3').value = '人员状态'; // one header word changed
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await post(`/api/ledger/import/preview?unit=${A}`, changed)).json().remembered).toBeNull();
    // the same header row in community B: B's office has no mapping yet
    expect((await post(`/api/ledger/import/preview?unit=${B}`, moved)).json().remembered).toBeNull();
  });

  it('offers a header row the reader does not find by itself, where the user named it last time', async () => {
    // headers nobody would guess (A列, B列 …): the reader finds none; the user names row 2 and maps
    const rows = (day: number, door: string, name: string) => [
      [`填报日期：2020年2月${day}日`],
      ['甲', '乙', '丙', '丁'],
      ['映射3号楼', door, name, id()],
    ];
    const sheetOf = async (day: number, door: string, name: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sheet1');
      for (const r of rows(day, door, name)) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const first = await sheetOf(3, '101', '上官映六');
    expect((await post(`/api/ledger/import/preview?unit=${A}`, first)).json().header).toBeNull();
    const mapping = encodeURIComponent(
      JSON.stringify({ 0: 'building', 1: 'door', 2: 'name', 3: 'idNumber' }),
    );
    const done = await post(`/api/ledger/import?unit=${A}&headerRow=1&mode=all&mapping=${mapping}`, first);
    expect(done.json()).toMatchObject({ imported: true });

    const offered = (
      await post(`/api/ledger/import/preview?unit=${A}`, await sheetOf(4, '102', '上官映七'))
    ).json();
    expect(offered.header).toBeNull();
    expect(offered.remembered).toMatchObject({
      headerRow: 1,
      mapping: { 0: 'building', 1: 'door', 2: 'name', 3: 'idNumber' },
    });
  });

  it('shows a unit’s mappings only to users whose scope holds it: 404 outside, 403 without the permission', async () => {
    const inA = await t.userWith(admin, 'unit_admin', A, PASSWORD);
    const inB = await t.userWith(admin, 'unit_admin', B, PASSWORD);
    const volunteer = await t.userWith(admin, 'volunteer', A, PASSWORD);

    const own = await t.call('GET', `/api/ledger/import/mappings?unit=${A}`, inA);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);

    const outside = await t.call('GET', `/api/ledger/import/mappings?unit=${A}`, inB);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('not_found');
    expect(outside.body).not.toContain('映射');

    const unknown = await t.call('GET', '/api/ledger/import/mappings?unit=419999999999', inA);
    expect(unknown.statusCode).toBe(404);

    expect((await t.call('GET', `/api/ledger/import/mappings?unit=${A}`, volunteer)).statusCode).toBe(403);

    // the preview of A's sheet by B's user: 404, nothing offered
    const sheet = await daily(7, [[1, '映射1号楼', '105', '', '欧阳映八', id(), '', '']]);
    expect((await post(`/api/ledger/import/preview?unit=${A}`, sheet, inB)).statusCode).toBe(404);

    // forgetting: not from outside, then from inside
    const [m] = own.json().items;
    const forgetOut = await t.call('DELETE', `/api/ledger/import/mappings?unit=${A}&id=${m.id}`, inB);
    expect(forgetOut.statusCode).toBe(404);
    // B's unit with A's mapping id: B has no such mapping, and A's stays
    const crossed = await t.call('DELETE', `/api/ledger/import/mappings?unit=${B}&id=${m.id}`, inB);
    expect(crossed.statusCode).toBe(204);
    const still = await t.ok('GET', `/api/ledger/import/mappings?unit=${A}`, inA);
    expect(still.items.map((x: { id: string }) => x.id)).toContain(m.id);
    const forget = await t.call('DELETE', `/api/ledger/import/mappings?unit=${A}&id=${m.id}`, inA);
    expect(forget.statusCode).toBe(204);
    const after = await t.ok('GET', `/api/ledger/import/mappings?unit=${A}`, inA);
    expect(after.items.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });

  it('names the field when the query is wrong', async () => {
    const res = await t.call(
      'DELETE',
      `/api/ledger/import/mappings?unit=${A}&id=abc`,
      admin,
      undefined,
      'en',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});
