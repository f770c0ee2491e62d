import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { DEMO_PASSWORD } from '../../setup/demo';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { OUT_OF_SCOPE_MATCHES_PER_HOUR } from './idMatches';
import { XLSX_TYPE } from './importRoutes';

// Issue 11, finding 7: the import check and the forms must not tell where in the city an ID number
// lives. A match outside the user's scope is refused as a duplicate without naming a place, it is
// written to the audit log (dry runs included), and such matches are limited per user and hour.

const SMH = '410105002008'; // 省民航社区 (smh_admin's scope)
const HUAIHE = '410103001001'; // 淮河社区, outside it

let t: TestApp;
let admin: string;
let smhAdmin: string;
let grid: string;
let building: string;
let elsewhere: string; // a resident of 淮河社区
let n = 0;
const idNumber = () =>
  generateIdNumber({
    regionCode: '410103',
    birthDate: new Date(Date.UTC(1968, 0, ++n)).toISOString().slice(0, 10),
    sequence: 611,
  });

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['楼号', '单元', '门牌', '姓名', '身份证号', '与户主关系']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const matchesAudited = async () =>
  Number(
    (
      await sql<{ n: string }>`
        SELECT count(*) AS n FROM audit_log WHERE action = 'pii.matched' AND username = 'smh_admin'`.execute(
        t.services.db,
      )
    ).rows[0].n,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  smhAdmin = await t.login('smh_admin', DEMO_PASSWORD);
  const huaiheBuilding = (
    await t.ok('POST', '/api/org/units', admin, { parentCode: HUAIHE, kind: 'building', name: '淮河9号楼' })
  ).code;
  elsewhere = idNumber();
  await t.ok('POST', '/api/ledger/households', admin, {
    unitCode: huaiheBuilding,
    entrance: '1',
    door: '101',
    residents: [{ name: '沈远方', idNumber: elsewhere, relation: 'head' }],
  });
  grid = (await t.ok('POST', '/api/org/units', admin, { parentCode: SMH, kind: 'grid', name: '查重网格' }))
    .code;
  building = (
    await t.ok('POST', '/api/org/units', admin, { parentCode: grid, kind: 'building', name: '30号楼' })
  ).code;
}, 120_000);
afterAll(() => t?.close());

describe('an ID number living outside the scope (finding 7)', () => {
  it('is a duplicate in the import check without a place, and the dry run is audited', async () => {
    const before = await matchesAudited();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/import/preview?unit=${grid}`,
      headers: { cookie: smhAdmin, 'content-type': XLSX_TYPE, 'accept-language': 'zh-CN' },
      payload: await sheet([['30号楼', '1', '101', '沈远方', elsewhere, '户主']]),
    });
    expect(res.statusCode, res.body).toBe(200);
    const rejected = res.json().report.rejected as { code: string; message: string }[];
    const refusal = rejected.find((r) => r.code === 'id.in_ledger');
    expect(refusal?.message).toContain('已登记在台账中');
    expect(refusal?.message).not.toMatch(/其他辖区|辖区|淮河/);
    expect(await matchesAudited()).toBe(before + 1);
  });

  it('is refused in a form without a place, audited, and such matches are limited per hour', async () => {
    const before = await matchesAudited();
    const statuses: number[] = [];
    for (let i = 0; i <= OUT_OF_SCOPE_MATCHES_PER_HOUR; i++) {
      const res = await t.call('POST', '/api/ledger/households', smhAdmin, {
        unitCode: building,
        entrance: '1',
        door: String(200 + i),
        residents: [{ name: '沈远方', idNumber: elsewhere, relation: 'head' }],
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 409) expect(res.body).not.toMatch(/其他辖区|淮河/);
    }
    expect(await matchesAudited()).toBeGreaterThan(before);
    // the first ones say "already registered"; past the limit, the answer is 429 whatever the number
    expect(statuses[0]).toBe(409);
    expect(statuses.at(-1)).toBe(429);
    const other = await t.call('POST', '/api/ledger/households', smhAdmin, {
      unitCode: building,
      entrance: '1',
      door: '999',
      residents: [{ name: '另一人', idNumber: idNumber(), relation: 'head' }],
    });
    // a number in no ledger is still accepted: the limit counts matches outside the scope only
    expect(other.statusCode, other.body).toBe(201);
  });
});
