import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { XLSX_TYPE } from './importRoutes';

// An import request named with a progress id tells its steps (read, check, dedupe, write) to the user
// who sent it, on a real PostgreSQL; the wizard's progress bar polls it (tests/e2e/ledger.test.ts).

const A = '410105002008'; // 省民航社区
const PASSWORD = 'Progress2020ok';

let t: TestApp;
let admin: string;

async function sheet(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['楼号', '门牌', '姓名', '身份证号码']);
  for (let i = 0; i < rows; i++)
    ws.addRow([
      '进度1号楼',
      String(101 + i),
      `进度${i}`,
      generateIdNumber({ regionCode: '410105', birthDate: '1966-06-06', sequence: 500 + i }),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const post = (url: string, body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin, 'content-type': XLSX_TYPE },
    payload: body,
  });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('import progress', () => {
  it('keeps the steps of an import, and of a check, for the user who sent it', async () => {
    const data = await sheet(30);
    const check = randomUUID();
    expect((await post(`/api/ledger/import/preview?unit=${A}&progress=${check}`, data)).statusCode).toBe(200);
    expect(await t.ok('GET', `/api/ledger/import/progress/${check}`, admin)).toEqual({
      step: 'dedupe',
      steps: [
        { step: 'read', state: 'done', done: expect.any(Number), total: expect.any(Number) },
        { step: 'check', state: 'done', done: 30, total: 30 },
        { step: 'dedupe', state: 'done', done: 4, total: 4 },
      ],
      finished: true,
    });

    const run = randomUUID();
    const imported = await post(`/api/ledger/import?unit=${A}&mode=all&progress=${run}`, data);
    expect(imported.json()).toMatchObject({ imported: true, report: { residents: 30 } });
    const p = await t.ok('GET', `/api/ledger/import/progress/${run}`, admin);
    expect(p).toMatchObject({ step: 'write', finished: true });
    expect(p.steps.map((s: { step: string; state: string }) => [s.step, s.state])).toEqual([
      ['read', 'done'],
      ['check', 'done'],
      ['dedupe', 'done'],
      ['write', 'done'],
    ]);
    // 30 households, 30 residents, 30 history rows
    expect(p.steps[3]).toMatchObject({ done: 90, total: 90 });
  });

  it('answers 404 to another user, for an id nobody sent, and names a malformed id', async () => {
    const id = randomUUID();
    await post(`/api/ledger/import/preview?unit=${A}&progress=${id}`, await sheet(2));
    const other = await t.userWith(admin, 'unit_admin', A, PASSWORD);
    expect((await t.call('GET', `/api/ledger/import/progress/${id}`, other)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/ledger/import/progress/${randomUUID()}`, admin)).statusCode).toBe(404);
    const bad = await t.call('GET', '/api/ledger/import/progress/123', admin, undefined, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ path: 'id' })]);
    const badQuery = await post(`/api/ledger/import/preview?unit=${A}&progress=abc`, await sheet(1));
    expect(badQuery.statusCode).toBe(400);
  });

  it('tells a blocked import as finished without a write', async () => {
    const id = randomUUID();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['楼号', '门牌', '姓名', '身份证号码']);
    ws.addRow(['进度2号楼', '101', '进度甲', '410105196606060001']); // a bad check character
    const res = await post(
      `/api/ledger/import?unit=${A}&mode=all&progress=${id}`,
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(res.json()).toMatchObject({ imported: false });
    const p = await t.ok('GET', `/api/ledger/import/progress/${id}`, admin);
    expect(p.finished).toBe(true);
    expect(p.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'waiting']);
  });
});
