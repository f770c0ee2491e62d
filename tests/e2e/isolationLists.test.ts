import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../src/domain/validators/idNumber';
import { DESKTOP, launchBrowser, screenshot } from './browser';
import { apiAs, DEMO_PASSWORD, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// A list from above (协查名单, issue 14) as a community office receives it on the desk: a sheet with a bad
// ID number is refused with its row and column and nothing written; the corrected sheet is imported, its
// two ledger residents are found (matched where they live) and the stranger with an unknown address is
// not; the office places the stranger at its first grid by hand (查找落地) and nobody is left not found.

const SHENGMINHANG = '410105002008'; // 省民航社区
const GRID1 = '410105002008G01';
const OFFICE = 'e2e_list_office';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RESIDENTS = [
  {
    name: '名单居民甲',
    idNumber: generateIdNumber({ regionCode: '410105', birthDate: '1983-03-21', sequence: 611 }),
  },
  {
    name: '名单居民乙',
    idNumber: generateIdNumber({ regionCode: '410105', birthDate: '1991-08-09', sequence: 622 }),
  },
];
const STRANGER = {
  name: '名单陌生人',
  idNumber: generateIdNumber({ regionCode: '420106', birthDate: '1986-12-30', sequence: 633 }),
};

/** the stranger's number with a wrong check digit */
const BAD_ID = STRANGER.idNumber.slice(0, 17) + (STRANGER.idNumber.endsWith('0') ? '1' : '0');

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);

async function sheetOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协查名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['姓名', '身份证号', '联系电话', '现住址', '协查原因'];
const row = (p: { name: string; idNumber: string }, address: string) => [
  p.name,
  p.idNumber,
  '',
  address,
  '武汉返郑',
];

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  // two residents of the ledger, in a building of the community's first grid
  const building = (
    await api<{ code: string }>('POST', '/api/org/units', {
      parentCode: GRID1,
      kind: 'building',
      name: 'E2E名单楼',
    })
  ).code;
  for (const [i, r] of RESIDENTS.entries())
    await api('POST', '/api/ledger/households', {
      unitCode: building,
      entrance: '1',
      door: `${101 + i}`,
      residents: [{ name: r.name, relation: 'head', idNumber: r.idNumber }],
    });
  const user = await api<{ id: string }>('POST', '/api/access/users', {
    username: OFFICE,
    displayName: '名单社区管理员',
    password: DEMO_PASSWORD,
    homeUnitCode: SHENGMINHANG,
  });
  await api('POST', `/api/access/users/${user.id}/grants`, { role: 'unit_admin', unitCode: SHENGMINHANG });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('lists from above (desk)', () => {
  it('a list is imported: two residents found, a stranger not found, then placed at a grid by hand', async () => {
    const { page, errors, context } = await openSession(browser, DESKTOP);
    await deskLogin(page, OFFICE, '/isolation?tab=lists');
    await page.getByTestId('list-import').click();
    await page.getByTestId('list-import-title').fill('E2E协查名单');

    // a bad ID number: refused by row and column, nothing written
    const bad = await sheetOf([
      HEADER,
      row(RESIDENTS[0], '省民航社区'),
      row({ name: STRANGER.name, idNumber: BAD_ID }, '外省某地'),
    ]);
    await page
      .getByTestId('list-import-file')
      .setInputFiles({ name: '协查名单.xlsx', mimeType: XLSX, buffer: bad });
    await page.getByTestId('list-import-submit').click();
    const errorRow = page.locator('[data-testid="list-import-errors"] tr.ant-table-row');
    await poll(() => errorRow.count()).toBe(1);
    expect(await errorRow.locator('td').first().textContent()).toBe('3');
    expect(await errorRow.textContent()).toContain('身份证号');
    expect((await api<{ items: Array<{ title: string }> }>('GET', '/api/isolation/lists')).items).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'E2E协查名单' })]),
    );

    // the corrected list: imported, and opened
    const good = await sheetOf([
      ['某某市疫情防控指挥部协查名单'],
      HEADER,
      row(RESIDENTS[0], '省民航社区'),
      row(RESIDENTS[1], '省民航社区'),
      row(STRANGER, '外省某地'),
    ]);
    await page
      .getByTestId('list-import-file')
      .setInputFiles({ name: '协查名单.xlsx', mimeType: XLSX, buffer: good });
    await page.getByTestId('list-import-submit').click();
    await page.getByTestId('list-import-modal').waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('list-figure-found').textContent()).toBe('2');
    expect(await page.getByTestId('list-figure-not-found').textContent()).toBe('1');
    const rows = page.locator('[data-testid="list-rows"] tr.ant-table-row');
    await poll(() => rows.count()).toBe(3);
    for (const r of RESIDENTS) {
      const tr = rows.filter({ hasText: r.name });
      expect(await tr.getByTestId('list-row-outcome').textContent()).toBe('已匹配');
      expect(await tr.getByRole('link', { name: r.name }).count()).toBe(1);
    }
    const stranger = rows.filter({ hasText: STRANGER.name });
    expect(await stranger.getByTestId('list-row-outcome').textContent()).toBe('未找到');
    expect(await stranger.textContent()).not.toContain(STRANGER.idNumber);

    // only the not found
    await page.getByTestId('list-not-found-only').click();
    await poll(() => rows.count()).toBe(1);
    await screenshot(page, 'isolation-list-from-above');

    // placed by hand at the first grid: routed, and nobody left not found
    await stranger.locator('[data-testid^="list-place-"]').click();
    await page.getByTestId('list-place-unit').click();
    await page.keyboard.type(GRID1);
    await page.getByTestId(`unit-option-${GRID1}`).click();
    await page.getByTestId('list-place-submit').click();
    await poll(() => page.getByTestId('list-figure-not-found').textContent()).toBe('0');
    await poll(() => rows.count()).toBe(0);
    await page.getByTestId('list-not-found-only').click();
    await poll(() =>
      rows.filter({ hasText: STRANGER.name }).getByTestId('list-row-outcome').textContent(),
    ).toBe('按地址落地');

    // the lists table says the same
    await page.locator('.ant-drawer-close').click();
    const listRow = page.locator('[data-testid="lists-table"] tr.ant-table-row', { hasText: 'E2E协查名单' });
    await poll(() => listRow.getByTestId('list-not-found').textContent()).toBe('0');
    // placed by hand, the stranger is found now (routed)
    expect(await listRow.getByTestId('list-found').textContent()).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the counts show the community and its grids; a grid drills down', async () => {
    const counts = await api<{
      persons: number;
      children: Array<{ unit: { code: string }; persons: number }>;
    }>('GET', `/api/isolation/counts?unit=${SHENGMINHANG}`);
    const grid = counts.children.find((c) => c.unit.code === GRID1);
    const { page, errors, context } = await openSession(browser, DESKTOP);
    await deskLogin(page, OFFICE, '/isolation?tab=counts');
    await poll(() =>
      page.getByTestId('counts-persons').locator('.ant-statistic-content-value').textContent(),
    ).toBe(String(counts.persons));
    await page.getByTestId(`counts-child-${GRID1}`).click();
    await poll(() =>
      page.getByTestId('counts-persons').locator('.ant-statistic-content-value').textContent(),
    ).toBe(String(grid?.persons));
    // the grid is the unit now: it is no longer among the units below
    await poll(() => page.getByTestId(`counts-child-${GRID1}`).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
